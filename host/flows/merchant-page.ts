import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError } from '../../sdk/contract/index.ts';
import { apiRoutes, errorResponses, json, requireAccount, signedIn } from '../http/index.ts';
import { defineModule } from '../module.ts';

const MerchantPage = z
  .object({
    id: z.string(),
    name: z.string(),
    followers: z.number().int(),
    following: z.boolean().openapi({ description: 'Whether the signed-in user follows it (false for others)' }),
    apps: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), description: z.string(), iconUrl: z.string().nullable() })),
  })
  .openapi('MerchantPage');

const route = createRoute({
  method: 'get',
  path: '/api/merchants/{merchantId}',
  tags: ['chats'],
  summary: "A merchant's page: its name, its programs in the directory, its followers, and whether I follow it",
  security: signedIn,
  request: { params: z.object({ merchantId: z.string().min(1).max(64) }) },
  responses: { 200: json(z.object({ merchant: MerchantPage })), ...errorResponses(401, 404) },
});

/** A merchant's official page in the shell, from identity (who), apps (what it runs) and messaging (who follows). */
export const merchantPageFlow = defineModule({
  name: 'merchant-page',
  start(host) {
    const app = apiRoutes();
    app.openapi(route, async (c) => {
      const viewer = requireAccount(c);
      const { merchantId } = c.req.valid('param');
      const account = await host.get('identity').getAccount(merchantId);
      if (account?.kind !== 'merchant') throw new AtriumError('not_found', 'No such merchant.');
      const { follows } = host.get('messaging');
      const apps = (await host.get('apps').apps.directory()).filter((a) => a.merchantId === merchantId);
      return c.json(
        {
          merchant: {
            id: merchantId,
            name: account.displayName,
            followers: await follows.followerCount(merchantId),
            following: viewer.kind === 'user' ? await follows.following(viewer.id, merchantId) : false,
            apps: apps.map((a) => ({ id: a.id, name: a.name, category: a.category, description: a.description, iconUrl: a.iconUrl })),
          },
        },
        200,
      );
    });
    return { service: null, routes: [app] };
  },
});
