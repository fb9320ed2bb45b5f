import type { HostImplementation } from '../../sdk/contract/index.ts';
import type { Bus } from '../realtime/index.ts';
import { sessionTopic, type ShellMessage } from '../sessions/messages.ts';
import type { Prompts } from '../sessions/prompts.ts';
import type { BridgeContext } from './context.ts';

/** Host-drawn UI: the shell draws it from bus messages; dialogs wait for the user's answer. */
export function uiBridge(bus: Bus, prompts: Prompts): HostImplementation<BridgeContext>['ui'] {
  const show = async (ctx: BridgeContext, m: ShellMessage) => {
    await bus.publish<ShellMessage>(sessionTopic(ctx.sessionId), m);
  };
  return {
    async toast(ctx, a) {
      await show(ctx, { kind: 'toast', title: a.title, icon: a.icon ?? 'success', durationMs: a.durationMs ?? 1500 });
      return null;
    },
    async showModal(ctx, a) {
      const confirm = await prompts.ask(ctx.sessionId, {
        kind: 'modal',
        title: a.title,
        content: a.content,
        confirmText: a.confirmText,
        cancelText: a.cancelText,
        showCancel: a.showCancel ?? true,
      });
      return { confirm };
    },
    async share(ctx, a) {
      const shared = await prompts.ask(ctx.sessionId, { kind: 'share', appId: ctx.appId, appName: ctx.appName, title: a.title, page: a.page, query: a.query ?? {} });
      return { shared };
    },
    async showLoading(ctx, a) {
      await show(ctx, { kind: 'loading', title: a?.title ?? '' });
      return null;
    },
    async hideLoading(ctx) {
      await show(ctx, { kind: 'loading', title: null });
      return null;
    },
  };
}
