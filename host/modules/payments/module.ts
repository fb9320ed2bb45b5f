import { defineModule, type ModuleHost } from '../../module.ts';
import { paymentsBridge, type PaymentsBridgeDeps } from './bridge.ts';
import { paymentMerchantRoutes } from './merchant.routes.ts';
import { paymentsMigrations } from './migrations.ts';
import { simulatedProvider } from './provider.ts';
import { createPayments, type Payments } from './service.ts';
import { paymentUserRoutes } from './user.routes.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    payments: Payments;
  }
}

export interface PaymentsModuleOptions {
  /** What the payment sheet calls a program and its merchant: a flow across apps and identity. */
  sheetNames(host: ModuleHost): PaymentsBridgeDeps['names'];
}

/** Wallets, orders, the ledger, refunds, disputes and payouts; the `payments` namespace. */
export function paymentsModule(options: PaymentsModuleOptions) {
  return defineModule({
    name: 'payments',
    migrations: paymentsMigrations,
    start(host) {
      const payments = createPayments({ db: host.db.kysely, mac: host.get('identity').mac, provider: simulatedProvider(), feeBps: host.config.feeBps });
      return {
        service: payments,
        routes: [paymentUserRoutes(payments), paymentMerchantRoutes(payments)],
        bridge: { payments: paymentsBridge({ payments, prompts: host.get('sessions').prompts, names: options.sheetNames(host) }) },
        timers: [
          {
            // Due times live in the database, so a run after a restart picks up what fell due meanwhile.
            name: 'settlement',
            everyMs: 30_000,
            atStart: true,
            async run() {
              await payments.orders.expireDue();
              await payments.settlement.releaseDue();
              await payments.withdrawals.settlePending();
            },
          },
        ],
      };
    },
  });
}
