/**
 * What the platform does for a user's own data, across every module that keeps some: an export
 * of everything it holds about them, and erasing the account at their request.
 */
import { defineModule } from '../../module.ts';
import { createErasure } from './erase.ts';
import { createUserExport } from './export.ts';
import { privacyRoutes } from './routes.ts';

export { createErasure, type EraseParts } from './erase.ts';
export { createUserExport, type ExportSources, type UserExport } from './export.ts';

/** Export and erasure over HTTP (Me › Security); it starts after every module it reaches into. */
export const privacyFlow = defineModule({
  name: 'privacy',
  start(host) {
    const identity = host.get('identity');
    const payments = host.get('payments');
    const storage = host.get('storage');
    const { sessions, consents } = host.get('sessions');
    const { grants } = host.get('subscriptions');
    const messaging = host.get('messaging');
    const qr = host.get('qr');
    return {
      service: null,
      routes: [
        privacyRoutes({
          exportUser: createUserExport({ account: identity.getAccount, authorizations: consents.list, payments, storage, subscriptions: grants, messaging: messaging.personal, qr: qr.personal }),
          erase: createErasure({
            confirmPassword: identity.confirmPassword,
            moneyInPlay: payments.moneyInPlay,
            endSessions: sessions.endUser,
            eraseStorage: storage.eraseUser,
            forgetConsents: consents.clear,
            forgetSubscriptions: grants.eraseUser,
            eraseMessaging: messaging.personal.eraseUser,
            eraseLeads: qr.personal.eraseUser,
            anonymize: identity.anonymize,
          }),
        }),
      ],
    };
  },
});
