/**
 * Withdrawing to a card, end to end in chromium with the demo seed: the user withdraws from the
 * Wallet in the sheet with the PIN, to a card that takes the money and to one that refuses it; the
 * merchant, once an order has settled, withdraws from the available balance in the console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { demoAccounts } from '../../host/flows/demo-seed.ts';
import { formatMoney, parseMoney } from '../../lib/money.ts';
import { launchChromium } from './chromium.ts';
import { person, shot, signInConsole, WAIT, type Person } from './people.ts';

const PIN = '246810';
const RECEIVES = '4242 4242 4242 4242';
const REFUSES = '4000 0000 0000 0069';

let browser: Browser;
let platform: Platform;
let dataDir: string;
let user: Person;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'atrium-withdraw-'));
  [platform, browser] = await Promise.all([
    startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'true' }), { log: () => {} }),
    launchChromium(),
  ]);
  user = await person(browser, { width: 390, height: 844 });
  const { page } = user;
  await page.goto(`${platform.url}/login`);
  await page.getByLabel('Email').fill(demoAccounts.user.email);
  await page.getByLabel('Password').fill(demoAccounts.user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits until `locator`'s text is exactly `text`. */
async function says(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.textContent(), WAIT).toBe(text);
}

/** Opens the withdraw sheet from the Wallet page and fills the amount and the card. */
async function startWithdrawal(page: Page, amount: string, card: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  const sheet = page.getByTestId('withdraw-sheet');
  // The simulated provider moves no real money, so the form names its test cards.
  await sheet.getByText('Test cards: 4242 4242 4242 4242 receives the money').waitFor(WAIT);
  await sheet.getByLabel('Amount (CNY)').fill(amount);
  await sheet.getByLabel('Card number').fill(card);
  await sheet.getByRole('button', { name: 'Next' }).click();
  await sheet.getByText('Enter your payment PIN').waitFor(WAIT);
  return sheet;
}

describe('withdrawing to a card', () => {
  it('a user with a PIN and a topped-up wallet withdraws part of it; the balance drops and the withdrawal shows as sent', async () => {
    const { page } = user;
    await page.goto(`${platform.url}/me/wallet`);
    const balance = page.getByTestId('wallet-balance');
    await says(balance, '¥0.00');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    const pinForm = page.getByTestId('pin-form');
    await pinForm.getByLabel('PIN', { exact: true }).fill(PIN);
    await pinForm.getByLabel('Repeat the PIN').fill(PIN);
    await pinForm.getByRole('button', { name: 'Save PIN' }).click();
    await page.getByText('PIN is set').waitFor(WAIT);
    await page.getByLabel('Amount (CNY)').fill('1000');
    await page.getByLabel('Card number').fill(RECEIVES);
    await page.getByRole('button', { name: 'Top up' }).click();
    await says(balance, '¥1,000.00');
    // Nothing withdrawn yet: no list.
    expect(await page.getByRole('heading', { name: 'Withdrawals' }).isVisible()).toBe(false);

    const sheet = await startWithdrawal(page, '120.50', RECEIVES);
    expect(await sheet.locator('.shell-pay-amount').textContent()).toBe('¥120.50');
    expect(await sheet.textContent()).toContain('•••• 4242');
    await shot(page, 'shell-withdraw-pin');
    // A wrong PIN says how many tries are left, as paying does, and sends nothing.
    await sheet.getByLabel('Payment PIN').fill('000000');
    await sheet.getByRole('alert').filter({ hasText: 'Wrong PIN: 4 tries left.' }).waitFor(WAIT);
    for (const digit of PIN) await sheet.getByRole('button', { name: digit, exact: true }).click();
    await says(sheet.getByTestId('withdraw-outcome'), '¥120.50 sent to •••• 4242');
    await shot(page, 'shell-withdraw-sent');
    await sheet.getByRole('button', { name: 'Done' }).click();
    await sheet.waitFor({ state: 'detached', ...WAIT });

    await says(balance, '¥879.50');
    const row = page.locator('.shell-withdrawal-row').first();
    await says(row.locator('.shell-status'), 'Sent');
    expect(await row.textContent()).toContain('¥120.50');
    expect(await row.textContent()).toContain('•••• 4242');
    await says(page.locator('.shell-statement-row[data-kind="withdrawal"] .shell-money').first(), '−¥120.50');
    await shot(page, 'shell-wallet-withdrawals');
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('a card that refuses payouts: the sheet says so and that the money is back; the balance is unchanged', async () => {
    const { page } = user;
    await page.goto(`${platform.url}/me/wallet`);
    const balance = page.getByTestId('wallet-balance');
    await says(balance, '¥879.50');

    // More than the wallet holds is stopped before the PIN.
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    const sheet = page.getByTestId('withdraw-sheet');
    await sheet.getByLabel('Amount (CNY)').fill('5000');
    await sheet.getByLabel('Card number').fill(REFUSES);
    await sheet.getByRole('button', { name: 'Next' }).click();
    await sheet.getByRole('alert').filter({ hasText: 'Your balance is too low for this: you have ¥879.50.' }).waitFor(WAIT);
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'detached', ...WAIT });

    await startWithdrawal(page, '50', REFUSES);
    await sheet.getByLabel('Payment PIN').fill(PIN);
    await sheet.getByRole('alert').filter({ hasText: 'The card cannot receive payouts. The money is back in your wallet.' }).waitFor(WAIT);
    await shot(page, 'shell-withdraw-refused');
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'detached', ...WAIT });

    const failed = page.locator('.shell-withdrawal-row').first();
    await says(failed.locator('.shell-status'), 'Failed');
    expect(await failed.textContent()).toContain('•••• 0069');
    expect(await failed.textContent()).toContain('The card cannot receive payouts.');
    await says(page.locator('.shell-statement-row[data-kind="withdrawal_return"] .shell-money').first(), '+¥50.00');
    await page.reload();
    await says(balance, '¥879.50');
    await expect.poll(() => page.locator('.shell-withdrawal-row').count(), WAIT).toBe(2);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('a merchant withdraws from the available balance in the console; a refusing card leaves it as it was', async () => {
    const merchant = await person(browser, { width: 1280, height: 900 });
    await signInConsole(merchant.page, platform.url, '/console', demoAccounts.merchant);
    await settleAnOrder(user.page, merchant.page);

    const page = merchant.page;
    await page.goto(`${platform.url}/console/balance`);
    const available = page.getByTestId('balance-CNY').locator('.desk-money-big');
    await available.waitFor(WAIT);
    const before = parseMoney((await available.textContent())!, 'CNY')!;
    expect(before).toBeGreaterThan(10_00);

    const form = page.getByTestId('payout-form');
    await form.getByLabel('Amount (CNY)').fill('10');
    await form.getByLabel('Card number').fill(RECEIVES);
    await form.getByRole('button', { name: 'Withdraw' }).click();
    await says(available, formatMoney(before - 10_00, 'CNY'));
    const sent = page.locator('tr[data-testid^="payout-"]').first();
    await says(sent.locator('.desk-badge'), 'Sent');
    expect(await sent.textContent()).toContain('•••• 4242');
    expect(await sent.textContent()).toContain('¥10.00');
    await says(page.locator('tr[data-kind="withdrawal"] .desk-num').first(), '−¥10.00');

    await form.getByLabel('Amount (CNY)').fill('5');
    await form.getByLabel('Card number').fill(REFUSES);
    await form.getByRole('button', { name: 'Withdraw' }).click();
    await form.getByRole('alert').filter({ hasText: 'The card cannot receive payouts. The money is back in your balance.' }).waitFor(WAIT);
    await says(page.locator('tr[data-testid^="payout-"]').first().locator('.desk-badge'), 'Failed');
    await says(page.locator('tr[data-kind="withdrawal_return"] .desk-num').first(), '+¥5.00');
    await shot(page, 'console-payouts');
    await page.reload();
    await says(available, formatMoney(before - 10_00, 'CNY'));
    expect(merchant.errors).toEqual([]);
    expect(user.errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('the statement, page by page', () => {
  it('pages back with Older, and a double tap of Older adds each line once', async () => {
    const { page } = user;
    await page.goto(`${platform.url}/me/wallet`);
    await page.getByTestId('wallet-balance').waitFor(WAIT);
    // Enough lines for a second page: top-ups of ¥1, as the page itself would send them.
    await page.evaluate(async (card) => {
      for (let i = 0; i < 55; i++) {
        const body = JSON.stringify({ amount: 100, currency: 'CNY', card, idempotencyKey: `older-${i}` });
        const res = await fetch('/api/wallet/topups', { method: 'POST', headers: { 'content-type': 'application/json', 'x-atrium-account': 'user' }, body });
        if (!res.ok) throw new Error(`top-up ${i}: HTTP ${res.status}`);
      }
    }, RECEIVES.replace(/ /g, ''));
    // Every line the host has, counted page by page through its API.
    const total = await page.evaluate(async () => {
      let n = 0;
      for (let before = ''; ; ) {
        const res = await fetch(`/api/wallet/statement?currency=CNY${before && `&before=${before}`}`, { headers: { 'x-atrium-account': 'user' } });
        const { entries } = (await res.json()) as { entries: { id: string }[] };
        n += entries.length;
        if (entries.length < 50) return n;
        before = entries.at(-1)!.id;
      }
    });
    expect(total).toBeGreaterThan(50);

    await page.reload();
    const rows = page.locator('.shell-statement-row');
    await expect.poll(() => rows.count(), WAIT).toBe(50);
    await page.getByRole('button', { name: 'Older', exact: true }).dblclick();
    await expect.poll(() => rows.count(), WAIT).toBe(total);
    // The last page came once, and there is nothing older to ask for.
    await page.getByRole('button', { name: 'Older', exact: true }).waitFor({ state: 'detached', ...WAIT });
    expect(await rows.count()).toBe(total);
    await shot(page, 'shell-wallet-older');
    expect(user.errors).toEqual([]);
  }, 120_000);
});

/** The user buys in the shop and pays, the merchant ships, the user confirms receipt: the money settles. */
async function settleAnOrder(buyer: Page, seller: Page): Promise<void> {
  await buyer.goto(`${platform.url}/app/shop`);
  await buyer.locator('[data-id^="product-"]').first().click();
  await buyer.locator('[data-id="add-to-cart"]').click();
  await buyer.locator('.shell-toast', { hasText: 'Added to cart' }).waitFor(WAIT);
  await buyer.locator('[data-id="go-to-cart"]').click();
  await buyer.locator('[data-id="checkout"]').click();
  const sheet = buyer.getByTestId('payment-sheet');
  await sheet.getByText('Enter your payment PIN').waitFor(WAIT);
  await sheet.getByLabel('Payment PIN').fill(PIN);
  await sheet.waitFor({ state: 'detached', ...WAIT });
  await says(buyer.locator('[data-id="result-title"]'), 'Payment successful');
  const orderId = (await buyer.locator('[data-id="order-id"]').textContent())!.trim();

  await seller.goto(`${platform.url}/console/orders/${orderId}`);
  await seller.getByRole('button', { name: 'Mark shipped' }).click();
  await confirmDialog(seller, 'Mark shipped');
  await says(seller.getByTestId('order-status'), 'Shipped');

  await buyer.goto(`${platform.url}/me/orders/${orderId}`);
  await buyer.getByRole('button', { name: 'Confirm receipt' }).click();
  await confirmDialog(buyer, 'Confirm');
  await says(buyer.getByTestId('order-status').locator('.shell-status'), 'Completed');
}

/** Confirms a host dialog ("are you sure?") with its button. */
async function confirmDialog(page: Page, name: string): Promise<void> {
  await page.locator('.shell-modal').getByRole('button', { name, exact: true }).click();
  await page.locator('.shell-modal').waitFor({ state: 'detached', ...WAIT });
}
