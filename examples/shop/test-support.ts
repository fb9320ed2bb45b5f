/** Shared by the shop's tests: where the program is, and opening it with a cart already filled. */
import { expect } from 'vitest';
import { openProgram, type OpenProgramOptions, type ProgramTester } from '../../sdk/testing/index.ts';

export const dir = new URL('.', import.meta.url).pathname;

/**
 * Opens the shop with `cart` in storage, as a previous session left it, then switches to the cart
 * tab the way a user does (the floating cart button on the catalog).
 */
export async function openWithCart(cart: { id: string; qty: number }[], options: OpenProgramOptions = {}): Promise<ProgramTester> {
  const t = await openProgram(dir, options);
  t.host.storage.set('cart', cart);
  await t.tap({ id: 'cart-button' });
  return t;
}

/** What the shell sends when the user presses the back button it draws above the page. */
export function back(t: ProgramTester): Promise<void> {
  return t.send({ handler: '$nav', type: 'tap', value: { openType: 'back' } });
}

/** Closes the session, failing the test if the program logged an error or a warning (a handler that threw, an unknown handler). */
export async function closeClean(t: ProgramTester | undefined): Promise<void> {
  if (!t) return;
  const problems = t.logs.filter((l) => l.level === 'error' || l.level === 'warn');
  await t.close();
  expect(problems).toEqual([]);
}
