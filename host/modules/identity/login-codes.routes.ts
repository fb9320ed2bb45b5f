import { createRoute, z } from '@hono/zod-openapi';
import { AtriumError } from '../../../sdk/contract/errors.ts';
import { apiRoutes, basicCredentials, errorResponses, json, jsonBody } from '../../http/index.ts';
import { AppId } from './account-input.ts';
import type { IdentityService } from './service.ts';

const ExchangeInput = z
  .object({
    code: z.string().min(1).max(128).openapi({ description: 'The code the mini-program got from auth.login()' }),
    appSecret: z.string().min(1).max(256).optional().openapi({ description: 'Or send it as Authorization: Basic appId:appSecret' }),
  })
  .openapi('LoginCodeExchange');

const ExchangeResult = z
  .object({
    openid: z.string().openapi({ description: 'The user as this app sees them' }),
    unionid: z.string().openapi({ description: "The user across this merchant's apps" }),
  })
  .openapi('LoginCodeIdentity');

const exchange = createRoute({
  method: 'post',
  path: '/api/apps/{appId}/login-codes/exchange',
  tags: ['merchant backend'],
  summary: "Trade a mini-program's login code for the user's openid and unionid (app secret required)",
  security: [{ appSecret: [] }],
  request: { params: z.object({ appId: AppId }), body: jsonBody(ExchangeInput) },
  responses: { 200: json(ExchangeResult, 'Who the user is, to this app'), ...errorResponses(400, 401, 404, 409, 410) },
});

export function loginCodeRoutes(identity: IdentityService) {
  const app = apiRoutes();
  app.openAPIRegistry.registerComponent('securitySchemes', 'appSecret', { type: 'http', scheme: 'basic', description: 'appId:appSecret' });

  app.openapi(exchange, async (c) => {
    const { appId } = c.req.valid('param');
    const body = c.req.valid('json');
    const basic = basicCredentials(c.req.header('authorization'));
    if (basic && basic.appId !== appId) throw new AtriumError('unauthorized', 'The app id or app secret is wrong.');
    const appSecret = body.appSecret ?? basic?.appSecret;
    if (!appSecret) throw new AtriumError('unauthorized', 'Send the app secret: in the body as appSecret, or as Authorization: Basic appId:appSecret.');
    return c.json(await identity.exchangeLoginCode(appId, appSecret, body.code), 200);
  });

  return app;
}
