import { describe, expect, it } from 'vitest';
import { brokenBy, productionEdges } from './layers.ts';

describe('the layers of the codebase', () => {
  it('point only down: no import of the production code breaks a rule', () => {
    expect(brokenBy(productionEdges())).toEqual([]);
  });

  it.each([
    ['a module importing a page', 'host/modules/payments/refunds.ts', 'host/web/common/orders.ts'],
    ['a page importing a module past its door', 'host/web/shell/api.ts', 'host/modules/payments/ledger.ts'],
    ['a page importing the database layer', 'host/web/console/api.ts', 'host/db/index.ts'],
    ['the SDK importing the host', 'sdk/cli/main.ts', 'host/cli/admin-command.ts'],
    ['the runtime importing the host', 'runtime/pool/runtime.ts', 'host/config.ts'],
    ['the host importing the CLI', 'host/bridge/net/index.ts', 'sdk/cli/dev/net.ts'],
    ['a module reaching into another', 'host/modules/payments/refunds.ts', 'host/modules/webhooks/outbox.ts'],
    ['the ground floor importing the host', 'lib/money.ts', 'host/config.ts'],
    ['the contract importing the runtime', 'sdk/contract/view.ts', 'runtime/limits.ts'],
  ])('catch %s', (_, from, to) => {
    expect(brokenBy([{ from, to, line: 1 }])).toHaveLength(1);
  });
});
