/** @jsxImportSource preact */
/** The statement of one currency, newest first, paged back with "Older". */
import { useEffect } from 'preact/hooks';
import { formatMoney } from '../../../../lib/money.ts';
import type { CurrencyCode } from '../../../../sdk/contract/currencies.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { formatDateTime } from '../../common/format.ts';
import { transferLabel } from '../../common/orders.ts';
import { Link, PagedList, usePager } from '../../kit/index.ts';
import { mePaths } from '../router.ts';
import { Quiet } from '../ui.tsx';

const PAGE = 50;

type Line = Schemas['LedgerEntry'];

/** `changes` counts changes to the wallet: each reads the statement again from its newest line. */
export function Statement({ currency, changes }: { currency: CurrencyCode; changes: number }) {
  const lines = usePager<Line, string>(
    async (before, signal) => {
      const { entries } = await must(api.GET('/api/wallet/statement', { params: { query: { currency, before: before ?? undefined } }, signal }));
      return { items: entries, next: entries.length === PAGE ? entries.at(-1)!.id : null };
    },
    (line) => line.id,
    [currency],
  );
  // Another currency is another statement; a change to this one keeps its lines until the new ones come.
  useEffect(() => {
    if (changes) void lines.reload();
  }, [changes]);
  return (
    <PagedList
      pager={lines}
      as="div"
      class="shell-list shell-statement"
      label={`Statement in ${currency}`}
      failure="Couldn't load the statement"
      empty={<Quiet>{`Nothing in ${currency} yet. Top-ups, payments, refunds and withdrawals appear here.`}</Quiet>}
    >
      {(line) => <StatementLine line={line} />}
    </PagedList>
  );
}

function StatementLine({ line: t }: { line: Line }) {
  const signed = t.direction === 'in' ? t.amount : -t.amount;
  const parts = [
    <span class="shell-row-text">
      <span class="shell-row-title">{transferLabel(t.kind, t.direction)}</span>
      <span class="shell-row-sub">{formatDateTime(t.createdAt)}</span>
    </span>,
    <span class={`shell-money ${signed > 0 ? 'shell-money-in' : 'shell-money-out'}`}>{formatMoney(signed, t.currency, { sign: true })}</span>,
  ];
  return t.orderId ? (
    <Link href={mePaths.order(t.orderId)} class="shell-row shell-statement-row" data-kind={t.kind}>
      {parts}
    </Link>
  ) : (
    <div class="shell-row shell-statement-row shell-static-row" data-kind={t.kind}>
      {parts}
    </div>
  );
}
