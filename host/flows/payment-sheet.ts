import type { ModuleHost } from '../module.ts';

/**
 * What the host's payment sheet calls a program and its merchant: the app's name from apps, the
 * merchant's from identity (the app's name when the account has none left).
 */
export function paymentSheetNames(host: ModuleHost) {
  return async function sheetNames(appId: string, merchantId: string): Promise<{ appName: string; merchantName: string }> {
    const [app, merchant] = await Promise.all([host.get('apps').lifecycle.app({ id: 'platform', kind: 'system' }, appId), host.get('identity').getAccount(merchantId)]);
    return { appName: app.name, merchantName: merchant?.displayName ?? app.name };
  };
}
