import { createHash } from 'node:crypto';
import { cardDigits } from './inputs.ts';

/** What a card provider says to a charge. */
export type ChargeResult =
  | { status: 'succeeded'; ref: string }
  | { status: 'declined'; ref: string; reason: string }
  /** The card's bank wants the holder to prove themselves (3-D Secure): a code, then `confirm`. */
  | { status: 'challenge'; ref: string; prompt: string };

/** What a card provider says to a payout. */
export type PayoutResult = { status: 'succeeded'; ref: string } | { status: 'declined'; ref: string; reason: string };

/**
 * The card-provider interface top-ups and withdrawals go through. A real acquirer plugs in here; development and
 * tests use the simulated one.
 */
export interface CardProvider {
  readonly name: string;
  /** Moves no real money, so the forms may name its test cards. */
  readonly sandbox: boolean;
  charge(input: { card: string; amount: number; currency: string; idempotencyKey: string }): Promise<ChargeResult>;
  /**
   * Completes a challenged charge with the code the holder typed. Asked again about a charge it
   * already completed, it answers `succeeded` again and moves nothing: the host may have crashed
   * between the provider's answer and crediting the wallet, and asks once more to finish.
   */
  confirm(ref: string, code: string): Promise<ChargeResult>;
  /** Sends money to a card. The same idempotency key again is the same payout, never a second one. */
  payout(input: { card: string; amount: number; currency: string; idempotencyKey: string }): Promise<PayoutResult>;
}

/** Test cards of the simulated provider, after the pattern card networks publish. */
export const simulatedCards = {
  approves: '4242424242424242',
  declines: '4000000000000002',
  insufficientFunds: '4000000000009995',
  challenges: '4000000000003220',
  /** A card that cannot receive payouts. */
  refusesPayouts: '4000000000000069',
  /** The one-time code that passes a simulated challenge. */
  challengeCode: '123456',
} as const;

function luhn(card: string): boolean {
  let sum = 0;
  for (let i = 0; i < card.length; i++) {
    let d = Number(card[card.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const refOf = (prefix: string, key: string) => `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
/** A challenged charge's reference says so itself, so the simulated bank remembers it across restarts, as a real one does. */
const CHALLENGED = 'sim_3ds_';

/**
 * A provider that needs no network: the test cards above behave as named, any other card number
 * that passes the Luhn check is approved. Charges and payouts are idempotent by key, as real ones
 * are. It keeps no state of its own: every answer follows from the card, the key and the reference,
 * so a host restart between a challenge and its code loses nothing.
 */
export function simulatedProvider(): CardProvider {
  return {
    name: 'simulated',
    sandbox: true,
    async charge({ card, idempotencyKey }) {
      const digits = cardDigits(card);
      const ref = refOf(digits === simulatedCards.challenges ? CHALLENGED : 'sim_', idempotencyKey);
      if (!digits || !luhn(digits)) return { status: 'declined', ref, reason: 'The card number is not valid.' };
      if (digits === simulatedCards.declines) return { status: 'declined', ref, reason: 'The card was declined.' };
      if (digits === simulatedCards.insufficientFunds) return { status: 'declined', ref, reason: 'The card has insufficient funds.' };
      if (digits === simulatedCards.challenges) {
        return { status: 'challenge', ref, prompt: `Enter the code your bank sent (test code: ${simulatedCards.challengeCode}).` };
      }
      return { status: 'succeeded', ref };
    },
    async payout({ card, idempotencyKey }) {
      const digits = cardDigits(card);
      const ref = refOf('sim_po_', idempotencyKey);
      if (!digits || !luhn(digits)) return { status: 'declined', ref, reason: 'The card number is not valid.' };
      if (digits === simulatedCards.refusesPayouts || digits === simulatedCards.declines) return { status: 'declined', ref, reason: 'The card cannot receive payouts.' };
      return { status: 'succeeded', ref };
    },
    async confirm(ref, code) {
      if (!ref.startsWith(CHALLENGED)) return { status: 'declined', ref, reason: 'No challenge is waiting for this charge.' };
      if (code !== simulatedCards.challengeCode) return { status: 'declined', ref, reason: 'The code is wrong.' };
      return { status: 'succeeded', ref };
    },
  };
}
