/**
 * The `Idempotency-Key` of one intent of the merchant's (this refund of this amount, this payout,
 * shipping this order): the same key while they retry the same thing, so a retry after a lost
 * answer never refunds, ships or pays out twice; `renew()` when they change what they ask for or
 * the host has given its answer.
 */
import { useRef } from 'preact/hooks';
import { idempotencyKey } from '../common/http.ts';

export interface IntentKey {
  readonly current: string;
  renew(): void;
}

export function useIntentKey(): IntentKey {
  const key = useRef<IntentKey | null>(null);
  if (!key.current) {
    let current = idempotencyKey();
    key.current = {
      get current() {
        return current;
      },
      renew: () => void (current = idempotencyKey()),
    };
  }
  return key.current;
}
