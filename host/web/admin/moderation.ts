/**
 * An admin's powers over an app, each with a reason for the merchant and the audit log: suspend
 * (out of the directory, live sessions end) or reinstate, and grant or withdraw the licence a
 * restricted category needs. Each opens a small form in place.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { formMessage, isSignedOut } from '../common/http.ts';
import type { DeskContext } from '../desk/context.ts';
import { actionButton, facts, field, formError, note, panel, textarea } from '../desk/ui.ts';
import { adminApi, type AppView } from './api.ts';

interface Power {
  /** The button that opens the form. */
  open: string;
  explain: string;
  confirm: string;
  danger: boolean;
  run(reason: string): Promise<string>;
}

export function moderationPanel(ctx: DeskContext<unknown>, app: AppView, done: () => Promise<void>): HTMLElement {
  const powers: Power[] = [
    app.status === 'active'
      ? {
          open: 'Suspend',
          explain: `${app.name} leaves the directory at once, its live sessions end with a notice, and links to it show a suspended page with your reason.`,
          confirm: 'Suspend app',
          danger: true,
          run: async (reason) => {
            const r = await adminApi.suspend(app.id, reason);
            return `Suspended; ${r.endedSessions} live ${r.endedSessions === 1 ? 'session' : 'sessions'} ended`;
          },
        }
      : {
          open: 'Reinstate',
          explain: `${app.name} returns to the directory with the version released before, and its merchant can release again.`,
          confirm: 'Reinstate app',
          danger: false,
          run: async (reason) => (await adminApi.reinstate(app.id, reason), 'Reinstated'),
        },
    app.licensed
      ? { open: 'Withdraw licence', explain: 'Versions in a restricted category will fail the category check from now on.', confirm: 'Withdraw licence', danger: true, run: async (reason) => (await adminApi.licence(app.id, false, reason), 'Licence withdrawn') }
      : { open: 'Grant licence', explain: 'Lets the app trade in a restricted category; its versions pass the category check.', confirm: 'Grant licence', danger: false, run: async (reason) => (await adminApi.licence(app.id, true, reason), 'Licence granted') },
  ];
  const slot = el('div', 'desk-slot');
  const openers = powers.map((p) => button(`desk-button${p.danger ? ' desk-button-danger' : ''}`, () => show(p), p.open));
  return panel(
    'Moderation',
    facts([
      ['State', app.status === 'suspended' ? `Suspended: ${app.suspendedReason ?? 'no reason given'}` : 'Active'],
      ['Restricted-category licence', app.licensed ? 'Granted' : 'None'],
    ]),
    el('div', 'desk-form-actions', ...openers),
    slot,
  );

  function show(p: Power): void {
    const reason = textarea({ name: 'reason', required: true, minLength: 4, maxLength: 1000, placeholder: 'Shown to the merchant and kept in the audit log.' });
    const error = formError();
    const go = actionButton(p.danger ? 'desk-button desk-button-danger-solid' : 'shell-primary desk-inline-button', p.confirm, async () => {
      error.say(null);
      if (reason.value.trim().length < 4) return error.say('Give a reason of at least 4 characters.');
      try {
        const said = await p.run(reason.value.trim());
        ctx.ui.toast({ title: said, icon: 'success', durationMs: 2000 });
      } catch (e) {
        if (isSignedOut(e)) return ctx.failed(e);
        return error.say(formMessage(e, { reason: 'Reason' }));
      }
      await done();
    });
    const form = el('div', 'desk-inline-form', note(p.explain), field('Reason', reason), error, el('div', 'desk-form-actions', go, button('desk-button desk-button-quiet', () => slot.replaceChildren(), 'Cancel')));
    form.dataset.testid = 'moderation-form';
    slot.replaceChildren(form);
    reason.focus();
  }
}
