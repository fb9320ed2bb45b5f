import { AtriumError } from '../../../sdk/contract/errors.ts';
// The pages' own money formatter (pure), so the message reads as the wallet does.
import { formatMoney } from '../../../lib/money.ts';

export interface EraseParts {
  confirmPassword(userId: string, password: string): Promise<void>;
  moneyInPlay(userId: string): Promise<{ balances: Record<string, number>; orders: string[] }>;
  endSessions(userId: string): Promise<void>;
  forgetConsents(userId: string): Promise<void>;
  eraseStorage(userId: string): Promise<void>;
  /** Subscription grants and what was sent with them: an erased user can be sent nothing more. */
  forgetSubscriptions(userId: string): Promise<void>;
  /** Out of every conversation, their messages emptied, their images, follows and inbox gone. */
  eraseMessaging(userId: string): Promise<void>;
  /** Their scans no longer theirs; touches, tags and actions done for them gone. */
  eraseLeads(userId: string): Promise<void>;
  anonymize(userId: string): Promise<void>;
}

/**
 * Erases a user at their request, after their password: live sessions end, what mini-programs
 * stored, every permission decision and every subscription grant are deleted, they leave every
 * conversation with what they sent emptied, what QR codes recorded of them is unlinked, and the
 * account loses its email, name and password. Orders and the books keep the account's id, as the
 * merchants' and the platform's records must. Refused while money is still in play (a balance, or an order held, refunding or
 * disputed), so nothing owed is lost. Each step can run again, so a retry after a crash finishes.
 */
export function createErasure(parts: EraseParts) {
  return async function erase(userId: string, password: string): Promise<void> {
    await parts.confirmPassword(userId, password).catch((e: unknown) => {
      throw e instanceof AtriumError && e.code === 'forbidden' ? new AtriumError('forbidden', 'The password is wrong.') : e;
    });
    const inPlay = await parts.moneyInPlay(userId);
    const balances = Object.entries(inPlay.balances);
    if (balances.length || inPlay.orders.length) {
      const what = [
        ...(balances.length ? [`your wallet holds ${balances.map(([c, n]) => formatMoney(n, c)).join(' and ')}`] : []),
        ...(inPlay.orders.length ? [`${inPlay.orders.length === 1 ? 'an order is' : `${inPlay.orders.length} orders are`} not settled yet`] : []),
      ];
      const hint = balances.length ? ' Withdraw it to a card first.' : '';
      throw new AtriumError('conflict', `The account cannot be erased while ${what.join(', and ')}.${hint}`, { balances: inPlay.balances, orders: inPlay.orders });
    }
    await parts.endSessions(userId);
    await parts.eraseStorage(userId);
    await parts.forgetConsents(userId);
    await parts.forgetSubscriptions(userId);
    await parts.eraseMessaging(userId);
    await parts.eraseLeads(userId);
    await parts.anonymize(userId);
  };
}
