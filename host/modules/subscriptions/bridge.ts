import { requestedTemplates, type HostImplementation } from '../../../sdk/contract/index.ts';
import type { BridgeContext } from '../../bridge/context.ts';
import type { Prompts } from '../../sessions/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { Grants } from './grants.ts';

/**
 * `subscribe`: the program names templates its version declares; the host asks the user in its
 * own prompt and records one grant per template accepted. The program learns only the answers.
 */
export function subscribeBridge(deps: { apps: Pick<AppsService, 'runningVersion'>; prompts: Prompts; grants: Grants }): HostImplementation<BridgeContext>['subscribe'] {
  return {
    async requestSubscribe(ctx, a) {
      const version = await deps.apps.runningVersion(ctx.appId, ctx.versionId);
      const templates = requestedTemplates(version.manifest.subscriptions?.templates, a.templateIds);
      const { accept } = await deps.prompts.ask(ctx.sessionId, { kind: 'subscribe', appId: ctx.appId, appName: ctx.appName, templates: templates.map((t) => ({ id: t.id, title: t.title })) });
      await deps.grants.record(
        { appId: ctx.appId, merchantId: ctx.merchantId, appName: ctx.appName, versionId: ctx.versionId, userId: ctx.userId, openid: ctx.openid },
        templates.filter((t) => accept.includes(t.id)),
      );
      return { results: Object.fromEntries(a.templateIds.map((id) => [id, accept.includes(id) ? ('accept' as const) : ('reject' as const)])) };
    },
  };
}
