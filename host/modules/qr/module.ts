import { AtriumError } from '../../../sdk/contract/index.ts';
import { defineModule } from '../../module.ts';
import { qrBridge } from './bridge.ts';
import { qrMigrations } from './migrations.ts';
import { qrRoutes } from './routes.ts';
import { createQr, type Qr } from './service.ts';

declare module '../../module.ts' {
  interface ModuleServices {
    qr: Qr;
  }
}

/** QR lead capture: codes, scans, touches, actions on scan, attribution of orders, numbers; the `qr` namespace. */
export const qrModule = defineModule({
  name: 'qr',
  migrations: qrMigrations,
  start(host) {
    const { messaging, identity, payments, apps } = { messaging: host.get('messaging'), identity: host.get('identity'), payments: host.get('payments'), apps: host.get('apps') };
    const qr = createQr({
      db: host.db.kysely,
      linkOf: (id) => `${host.config.publicOrigin ?? ''}/q/${id}`,
      attributionDays: host.config.attributionDays,
      log: host.log,
      ports: {
        async joinGroup(merchantId, group, userId) {
          await messaging.groups.admit(merchantId, group, `u:${userId}`);
        },
        async welcome(merchantId, userId, text) {
          await messaging.threads.welcome(userId, merchantId, text);
        },
      },
    });
    // A paid order is credited to the code that last touched its buyer, once it has committed.
    host.get('webhooks').on('order.paid', 'qr-attribution', async (data, e) => {
      const order = await payments.orders.row({}, data.orderId);
      await qr.attribution.attribute({ orderId: order.id, merchantId: e.merchantId, userId: order.user_id, amount: data.amount, currency: data.currency, paidAt: data.paidAt, firstOrder: !(await payments.orders.paidBefore(order.user_id, e.merchantId, data.paidAt)) });
    });
    const names = async (appId: string, merchantId: string) => {
      const [app, merchant] = await Promise.all([apps.lifecycle.app({ id: 'platform', kind: 'system' }, appId), identity.getAccount(merchantId)]);
      return { appName: app.name, merchantName: merchant?.displayName ?? app.name, suspended: app.status === 'suspended' };
    };
    return {
      service: qr,
      routes: [
        qrRoutes(qr, {
          names,
          async checkTarget(merchantId, appId, page) {
            const version = await apps.apps.runnable(appId).catch(() => null);
            if (!version || version.merchantId !== merchantId) throw new AtriumError('not_found', `You have no released program "${appId}".`);
            const target = page ?? version.manifest.pages[0]!;
            if (!version.manifest.pages.includes(target)) throw new AtriumError('invalid_args', `"${appId}" has no page "${target}"; its pages are ${version.manifest.pages.join(', ')}.`);
            return target;
          },
        }),
      ],
      bridge: { qr: qrBridge(qr, async (appId, versionId) => (await apps.apps.runningVersion(appId, versionId)).manifest.pages[0]!) },
    };
  },
});
