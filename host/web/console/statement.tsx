/** @jsxImportSource preact */
/**
 * The statement of the available balance in one currency, newest first: settled orders in,
 * refunds after settlement and withdrawals out. "Older" pages back.
 */
import { useSignal } from '@preact/signals';
import { formatMoney } from '../../../lib/money.ts';
import type { CurrencyCode } from '../../../sdk/contract/currencies.ts';
import { api, must } from '../api/client.ts';
import { formatDateTime } from '../common/format.ts';
import { transferLabel } from '../common/orders.ts';
import { Note, Panel } from '../desk/ui.tsx';
import { Link, PagedList, Select, usePager } from '../kit/index.ts';
import type { StatementEntry } from './api.ts';
import { consolePaths } from './routes.ts';

const PAGE = 50;

/** `moved` changes when money moved on this page: the statement loads again. */
export function StatementPanel({ currencies, moved }: { currencies: CurrencyCode[]; moved: number }) {
  const chosen = useSignal<CurrencyCode>('CNY');
  const currency = currencies.includes(chosen.value) ? chosen.value : currencies[0]!;
  const entries = usePager<StatementEntry, string>(
    async (before, signal) => {
      const query = { currency, before: before ?? undefined };
      const found = (await must(api.GET('/api/merchant/statement', { params: { query }, signal }))).entries;
      return { items: found, next: found.length === PAGE ? found.at(-1)!.id : null };
    },
    (t) => t.id,
    [currency, moved],
  );
  return (
    <Panel title="Statement">
      <div class="desk-toolbar">
        <Select aria-label="Currency" options={currencies.map((c) => ({ value: c, text: c }))} value={currency} onChange={(e) => (chosen.value = e.currentTarget.value as CurrencyCode)} />
      </div>
      <Note>Settled orders come in; refunds made after settlement and withdrawals to a card go out. Newest first.</Note>
      <div class="desk-slot">
        <PagedList
          pager={entries}
          as="table"
          class="desk-table"
          head={
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Order</th>
              <th class="desk-num">Amount</th>
            </tr>
          }
          failure="Couldn't load the statement"
          end="The beginning of your statement."
          empty={<Note>{`Nothing settled in ${currency} yet.`}</Note>}
        >
          {(t) => <EntryRow entry={t} />}
        </PagedList>
      </div>
    </Panel>
  );
}

function EntryRow({ entry: t }: { entry: StatementEntry }) {
  const signed = t.direction === 'in' ? t.amount : -t.amount;
  return (
    <tr data-kind={t.kind}>
      <td class="desk-nowrap">{formatDateTime(t.createdAt)}</td>
      <td>{transferLabel(t.kind, t.direction)}</td>
      <td>
        {t.orderId && (
          <Link href={consolePaths.order(t.orderId)} class="desk-mono-link">
            {t.orderId}
          </Link>
        )}
      </td>
      <td class={`desk-num ${signed > 0 ? 'desk-money-in' : ''}`}>{formatMoney(signed, t.currency, { sign: true })}</td>
    </tr>
  );
}
