/**
 * The reviewer's decision on a version: approve with an optional note, or reject with one or more
 * reasons, each pointing at a page, a scope or the whole version (the merchant sees them beside
 * the version in their console).
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import { formMessage, isSignedOut } from '../common/http.ts';
import type { DeskContext } from '../desk/context.ts';
import { actionButton, field, formError, note, panel, select, textarea } from '../desk/ui.ts';
import { adminApi, type RejectionReason, type ReviewEntry } from './api.ts';

/** `page:pages/index`, `scope:payments` or '' (the whole version) as a reason's target. */
export function reasonFrom(target: string, message: string): RejectionReason {
  const m = message.trim();
  if (target.startsWith('page:')) return { page: target.slice(5), message: m };
  if (target.startsWith('scope:')) return { scope: target.slice(6), message: m };
  return { message: m };
}

export function decisionPanel(ctx: DeskContext<unknown>, item: ReviewEntry, decided: (item: ReviewEntry) => void): HTMLElement {
  const v = item.version;
  const targets = [
    { value: '', text: 'The whole version' },
    ...v.manifest.pages.map((p) => ({ value: `page:${p}`, text: `Page ${p}` })),
    ...item.scopes.map((s) => ({ value: `scope:${s.scope}`, text: `Scope ${s.scope} (${s.title})` })),
  ];

  // Approve
  const approveNote = textarea({ name: 'note', maxLength: 1000, rows: 2, placeholder: 'Optional: kept in the audit log.' });
  const approveError = formError();
  const approve = actionButton('shell-primary desk-inline-button', `Approve ${v.version}`, async () => {
    approveError.say(null);
    try {
      decided(await adminApi.approve(v.id, approveNote.value.trim() || undefined));
    } catch (e) {
      if (isSignedOut(e)) return ctx.failed(e);
      approveError.say(formMessage(e, { note: 'Note' }));
    }
  });

  // Reject
  const rows = el('div', 'desk-reason-rows');
  const addRow = () => {
    const n = rows.childElementCount + 1;
    const about = select(targets, { name: 'target' });
    const why = textarea({ name: 'message', maxLength: 1000, rows: 2, placeholder: 'What must change, in words the merchant can act on.' });
    const remove = button('shell-link-button desk-remove', () => {
      row.remove();
      renumber();
    }, 'Remove');
    const row = el('fieldset', 'desk-reason-row', el('legend', 'desk-legend', `Reason ${n}`), field('About', about), field('Why', why), remove);
    rows.append(row);
    renumber();
  };
  const renumber = () =>
    [...rows.children].forEach((r, i) => {
      (r.querySelector('legend') as HTMLElement).textContent = `Reason ${i + 1}`;
      (r.querySelector('.desk-remove') as HTMLElement).hidden = rows.childElementCount === 1;
    });
  addRow();
  const rejectError = formError();
  const reject = actionButton('desk-button desk-button-danger-solid', `Reject ${v.version}`, async () => {
    rejectError.say(null);
    const reasons = [...rows.children].map((r) => reasonFrom((r.querySelector('select') as HTMLSelectElement).value, (r.querySelector('textarea') as HTMLTextAreaElement).value));
    if (reasons.some((r) => r.message.length < 4)) return rejectError.say('Say why for each reason, in at least 4 characters.');
    try {
      decided(await adminApi.reject(v.id, reasons));
    } catch (e) {
      if (isSignedOut(e)) return ctx.failed(e);
      rejectError.say(formMessage(e, { reasons: 'Reasons' }));
    }
  });

  const p = panel(
    'Decision',
    el('div', 'desk-decision', el('h3', 'desk-subtitle', 'Approve'), note('The merchant may then release it.'), field('Note', approveNote), approveError, el('div', 'desk-form-actions', approve)),
    el('div', 'desk-decision desk-decision-reject', el('h3', 'desk-subtitle', 'Reject'), note('Point each reason at the page or scope it is about.'), rows, button('shell-link-button desk-add', addRow, 'Add another reason'), rejectError, el('div', 'desk-form-actions', reject)),
  );
  p.dataset.testid = 'decision';
  return p;
}
