/** @jsxImportSource preact */
/**
 * The reviewer's decision on a version: approve with an optional note, or reject with one or more
 * reasons, each pointing at a page, a scope or the whole version (the merchant sees them beside
 * the version in their console).
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { Note, Panel, Subtitle } from '../desk/ui.tsx';
import { Form, FormError, Invalid, Select, Submit, TextArea, useForm, type Choice } from '../kit/index.ts';
import type { ReviewEntry } from './api.ts';
import { reasonFrom } from './decision.ts';

interface ReasonRow {
  key: number;
  target: string;
  message: string;
}

let rowKeys = 0;
const newRow = (): ReasonRow => ({ key: ++rowKeys, target: '', message: '' });

export function DecisionPanel({ item, decided }: { item: ReviewEntry; decided(item: ReviewEntry): void }) {
  const v = item.version;
  const targets: Choice[] = [
    { value: '', text: 'The whole version' },
    ...v.manifest.pages.map((p) => ({ value: `page:${p}`, text: `Page ${p}` })),
    ...item.scopes.map((s) => ({ value: `scope:${s.scope}`, text: `Scope ${s.scope} (${s.title})` })),
  ];
  const approving = useForm({ note: 'Note' });
  const rejecting = useForm({ reasons: 'Reasons' });
  const note = useSignal('');
  const rows = useSignal<ReasonRow[]>([newRow()]);
  const change = (key: number, patch: Partial<ReasonRow>) => (rows.value = rows.value.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function approve(): Promise<void> {
    const path = { versionId: v.id };
    decided((await must(api.POST('/api/admin/reviews/{versionId}/approve', { params: { path }, body: note.value.trim() ? { note: note.value.trim() } : {} }))).item);
  }

  async function reject(): Promise<void> {
    const reasons = rows.value.map((r) => reasonFrom(r.target, r.message));
    if (reasons.some((r) => r.message.length < 4)) throw new Invalid('Say why for each reason, in at least 4 characters.');
    decided((await must(api.POST('/api/admin/reviews/{versionId}/reject', { params: { path: { versionId: v.id } }, body: { reasons } }))).item);
  }

  return (
    <Panel title="Decision" testid="decision">
      <Form form={approving} onSubmit={approve} class="desk-decision">
        <Subtitle>Approve</Subtitle>
        <Note>The merchant may then release it.</Note>
        <TextArea label="Note" name="note" maxLength={1000} rows={2} placeholder="Optional: kept in the audit log." value={note} onInput={(e) => (note.value = e.currentTarget.value)} />
        <FormError form={approving} />
        <div class="desk-form-actions">
          <Submit form={approving} class="shell-primary desk-inline-button">{`Approve ${v.version}`}</Submit>
        </div>
      </Form>
      <Form form={rejecting} onSubmit={reject} class="desk-decision desk-decision-reject">
        <Subtitle>Reject</Subtitle>
        <Note>Point each reason at the page or scope it is about.</Note>
        <div class="desk-reason-rows">
          {rows.value.map((r, i) => (
            <fieldset key={r.key} class="desk-reason-row">
              <legend class="desk-legend">{`Reason ${i + 1}`}</legend>
              <Select label="About" name="target" options={targets} value={r.target} onChange={(e) => change(r.key, { target: e.currentTarget.value })} />
              <TextArea label="Why" name="message" maxLength={1000} rows={2} placeholder="What must change, in words the merchant can act on." value={r.message} onInput={(e) => change(r.key, { message: e.currentTarget.value })} />
              <button type="button" class="shell-link-button desk-remove" hidden={rows.value.length === 1} onClick={() => (rows.value = rows.value.filter((x) => x.key !== r.key))}>
                Remove
              </button>
            </fieldset>
          ))}
        </div>
        <button type="button" class="shell-link-button desk-add" onClick={() => (rows.value = [...rows.value, newRow()])}>
          Add another reason
        </button>
        <FormError form={rejecting} />
        <div class="desk-form-actions">
          <Submit form={rejecting} class="desk-button desk-button-danger-solid">{`Reject ${v.version}`}</Submit>
        </div>
      </Form>
    </Panel>
  );
}
