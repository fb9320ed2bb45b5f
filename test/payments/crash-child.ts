/**
 * Run by crash.test.ts as a separate process: pays orders as fast as it can, printing a line per
 * payment, until it is killed. The parent kills it with SIGKILL mid-stream.
 */
import { createHmac } from 'node:crypto';
import { connect, migrate } from '../../host/db/index.ts';
import { createPayments, paymentsMigrations, simulatedCards, simulatedProvider } from '../../host/modules/payments/index.ts';
import { webhooksMigrations } from '../../host/modules/webhooks/index.ts';

const [dataDir, databaseUrl] = process.argv.slice(2);
const db = connect<any>({ dataDir: dataDir!, databaseUrl: databaseUrl || null });
await migrate(db.kysely, [paymentsMigrations, webhooksMigrations]);
const pay = createPayments({ db: db.kysely, mac: (m) => createHmac('sha256', 'crash').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60 });
const users = Array.from({ length: 8 }, (_, i) => `crash-user-${i}`);
for (const u of users) {
  await pay.wallet.setPin(u, '111111');
  await pay.wallet.topUp(u, { amount: 5_000_000, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'fund' });
}
process.stdout.write('ready\n');
let n = 0;
await Promise.all(
  users.map(async (u) => {
    for (;;) {
      const o = await pay.orders.create({ appId: 'crash', merchantId: 'crash-merchant', userId: u }, { items: [{ sku: 's', name: 'n', quantity: 1, unitAmount: 1_00 + (n % 7) }], currency: 'CNY', holdUntilReceipt: n % 2 === 0 });
      await pay.checkout.pay(u, o.orderId, '111111');
      process.stdout.write(`paid ${++n}\n`);
    }
  }),
);
