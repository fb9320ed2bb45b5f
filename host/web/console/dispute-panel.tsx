/** @jsxImportSource preact */
/**
 * A dispute on an order, from the merchant's side: its state, the buyer's reason, the merchant's
 * answer (a form while Atrium has not decided, which Atrium reads before deciding) and Atrium's
 * decision.
 */
import { useSignal } from '@preact/signals';
import { api, must } from '../api/client.ts';
import { formatDateTime } from '../common/format.ts';
import { disputeStatusLabel, merchantActions } from '../common/orders.ts';
import { Note, Notes, Panel, Subtitle } from '../desk/ui.tsx';
import { Form, FormError, Invalid, StatusChip, Submit, TextArea, useForm } from '../kit/index.ts';
import type { OrderView } from './api.ts';
import { useIntentKey } from './intent-key.ts';

type Dispute = NonNullable<OrderView['dispute']>;

interface Props {
  order: OrderView & { dispute: Dispute };
  /** The answer was sent: the page says `said` and loads the order again. */
  done(said: string): Promise<void>;
}

export function DisputePanel({ order: o, done }: Props) {
  const d = o.dispute;
  const answering = merchantActions(o).answerDispute;
  return (
    <Panel title="Dispute" testid="dispute">
      <div class="desk-head-sub">
        <StatusChip label={disputeStatusLabel(d, o.currency)} />
        {`opened ${formatDateTime(d.createdAt)}`}
      </div>
      <Subtitle>The buyer's reason</Subtitle>
      <Notes>{d.reason}</Notes>
      {d.answer && !answering && (
        <>
          <Subtitle>Your answer</Subtitle>
          <Notes>{d.answer}</Notes>
        </>
      )}
      {d.note && (
        <>
          <Subtitle>Atrium's decision</Subtitle>
          <Notes>{d.note}</Notes>
        </>
      )}
      {answering && <AnswerForm dispute={d} done={done} />}
    </Panel>
  );
}

function AnswerForm({ dispute: d, done }: { dispute: Dispute; done: Props['done'] }) {
  const form = useForm({ answer: 'Answer' });
  const answer = useSignal(d.answer ?? '');
  const key = useIntentKey();

  async function send(): Promise<void> {
    const text = answer.value.trim();
    if (text.length < 4) throw new Invalid('Answer: at least 4 characters.');
    await must(api.POST('/api/merchant/disputes/{disputeId}/answer', { params: { path: { disputeId: d.disputeId }, header: { 'idempotency-key': key.current } }, body: { answer: text } }));
    key.renew();
    await done('Answer sent');
  }

  return (
    <Form form={form} onSubmit={send} class="desk-inline-form" testid="dispute-answer">
      <Note>Atrium reads your answer and the buyer’s reason, then refunds the buyer in full or in part, or releases the money to you.</Note>
      <TextArea
        label="Your answer"
        name="answer"
        required
        minLength={4}
        maxLength={500}
        placeholder="What happened, from your side: tracking number, messages, photos you can point to."
        value={answer}
        onInput={(e) => {
          answer.value = e.currentTarget.value;
          key.renew();
        }}
      />
      <FormError form={form} />
      <div class="desk-form-actions">
        <Submit form={form} class="shell-primary desk-inline-button">
          {d.answer ? 'Update answer' : 'Send answer'}
        </Submit>
      </div>
    </Form>
  );
}
