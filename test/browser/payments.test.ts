/**
 * Paying on the platform, end to end in chromium with the demo seed: the user sets a PIN and tops
 * up in the Wallet, buys in the released `shop` example and pays in the host's sheet; the merchant
 * ships, refunds and answers in the console and watches the balance and webhooks; the admin decides
 * a dispute. Each person at a browser of their own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { feeOf, simulatedCards } from '../../host/modules/payments/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { demoAccounts } from '../../host/flows/demo-seed.ts';
import { formatMoney, parseMoney } from '../../lib/money.ts';
import { verifyWebhook } from '../../sdk/server/webhooks.ts';
import { person, shot, signInConsole as signIn, WAIT, type Login, type Person } from './people.ts';
import { launchChromium } from './chromium.ts';

const PIN = '135790';
/** The platform's default fee, in basis points (ATRIUM_PLATFORM_FEE_BPS). */
const FEE_BPS = 60;

let browser: Browser;
let platform: Platform;
let dataDir: string;
let receiver: Server;
let receiverUrl: string;
/** What the merchant's "server" received: raw bodies with their headers. */
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

type Tab = Person;
let user: Tab;
let merchant: Tab;
let admin: Tab;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'atrium-payments-'));
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/atrium/webhooks`;
  [platform, browser] = await Promise.all([
    startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'true' }), { log: () => {} }),
    launchChromium(),
  ]);
  user = await tab({ width: 390, height: 844 });
  merchant = await tab({ width: 1280, height: 900 });
  admin = await tab({ width: 1280, height: 900 });
  await signInShell(user.page, demoAccounts.user);
  await signInConsole(merchant.page, '/console', demoAccounts.merchant);
  await signInConsole(admin.page, '/admin', demoAccounts.admin);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  receiver?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const tab = (viewport: { width: number; height: number }): Promise<Tab> => person(browser, viewport);

async function signInShell(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${platform.url}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);
}

const signInConsole = (page: Page, path: '/console' | '/admin', who: Login) => signIn(page, platform.url, path, who);

/** Waits until `locator`'s text is exactly `text`. */
async function says(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.textContent(), WAIT).toBe(text);
}

/** Confirms a host dialog ("are you sure?") with its button. */
async function confirm(page: Page, name: string): Promise<void> {
  await page.locator('.shell-modal').getByRole('button', { name, exact: true }).click();
  await page.locator('.shell-modal').waitFor({ state: 'detached', ...WAIT });
}

/** The user's wallet balance as the Wallet page shows it. */
async function walletBalance(page: Page): Promise<string> {
  await page.goto(`${platform.url}/me/wallet`);
  const balance = page.getByTestId('wallet-balance');
  await balance.waitFor(WAIT);
  return (await balance.textContent())!;
}

/** In the shop: one more of the first product in the cart, then checkout; returns the cart's total. */
async function checkout(page: Page): Promise<{ total: string; sheet: Locator }> {
  await page.goto(`${platform.url}/app/shop`);
  await page.locator('[data-id^="product-"]').first().click();
  await page.locator('[data-id="add-to-cart"]').click();
  await page.locator('.shell-toast', { hasText: 'Added to cart' }).waitFor(WAIT);
  await page.locator('[data-id="go-to-cart"]').click();
  const total = (await page.locator('[data-id="total"]').textContent())!;
  await page.locator('[data-id="checkout"]').click();
  const sheet = page.getByTestId('payment-sheet');
  await sheet.waitFor(WAIT);
  return { total, sheet };
}

/** Pays an order in the sheet by tapping the PIN on its number pad; returns the order id. */
async function payWithKeypad(page: Page, sheet: Locator): Promise<string> {
  await sheet.getByText('Enter your payment PIN').waitFor(WAIT);
  for (const digit of PIN) await sheet.getByRole('button', { name: digit, exact: true }).click();
  await sheet.getByText('Paid', { exact: true }).waitFor(WAIT);
  await sheet.waitFor({ state: 'detached', ...WAIT });
  await says(page.locator('[data-id="result-title"]'), 'Payment successful');
  return (await page.locator('[data-id="order-id"]').textContent())!.trim();
}

async function merchantAvailable(): Promise<number> {
  await merchant.page.goto(`${platform.url}/console/balance`);
  const card = merchant.page.getByTestId('balance-CNY');
  await card.waitFor(WAIT);
  return parseMoney((await card.locator('.desk-money-big').textContent())!, 'CNY') ?? 0;
}

/** What the tests pass on: the first paid order, and the endpoint's secret as shown once. */
let firstOrder: { orderId: string; amount: number };
let webhookSecret: string;

describe('payments in the shell, the merchant console and the admin console', () => {
  it("adds a webhook endpoint in the merchant console and shows its signing secret once", async () => {
    const { page } = merchant;
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByText('No endpoints').waitFor(WAIT);
    await page.getByLabel('URL').fill(receiverUrl);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const once = page.getByTestId('webhook-secret-once');
    await once.waitFor(WAIT);
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
    expect(await once.textContent()).toContain('this is the only time Atrium shows it');
    expect(await once.getByRole('button', { name: 'Copy signing secret' }).isVisible()).toBe(true);
    const endpoint = page.locator('[data-testid^="endpoint-"]');
    await endpoint.waitFor(WAIT);
    expect(await endpoint.textContent()).toContain(receiverUrl);
    expect(await endpoint.textContent()).toContain('Every event');
    await shot(page, 'console-webhooks-secret');
    // Never shown again.
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    await page.reload();
    await endpoint.waitFor(WAIT);
    expect(await page.locator('body').textContent()).not.toContain(secret);
    webhookSecret = secret;
  }, 120_000);

  it('sets a PIN and tops up in the Wallet, by card and through the bank’s code', async () => {
    const { page } = user;
    await page.goto(`${platform.url}/me`);
    await page.getByRole('link', { name: /Wallet/ }).click();
    await says(page.getByTestId('wallet-balance'), '¥0.00');
    expect(await page.getByText('No PIN yet').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Set PIN' }).click();
    const pinForm = page.getByTestId('pin-form');
    await pinForm.getByLabel('PIN', { exact: true }).fill(PIN);
    await pinForm.getByLabel('Repeat the PIN').fill('135791');
    await pinForm.getByRole('button', { name: 'Save PIN' }).click();
    await pinForm.getByText('The two PINs are different.').waitFor(WAIT);
    await pinForm.getByLabel('Repeat the PIN').fill(PIN);
    await pinForm.getByRole('button', { name: 'Save PIN' }).click();
    await page.getByText('PIN is set').waitFor(WAIT);

    await page.getByLabel('Amount (CNY)').fill('300');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Top up' }).click();
    await says(page.getByTestId('wallet-balance'), '¥300.00');

    // A declined card says so and moves nothing.
    await page.getByLabel('Amount (CNY)').fill('50');
    await page.getByLabel('Card number').fill(simulatedCards.declines);
    await page.getByRole('button', { name: 'Top up' }).click();
    await page.getByText('The card was declined.').waitFor(WAIT);

    await page.getByLabel('Amount (CNY)').fill('200');
    await page.getByLabel('Card number').fill(simulatedCards.challenges);
    await page.getByRole('button', { name: 'Top up' }).click();
    const challenge = page.getByTestId('top-up-challenge');
    await challenge.waitFor(WAIT);
    expect(await challenge.textContent()).toContain('Enter the code your bank sent');
    await challenge.getByLabel('Code').fill(simulatedCards.challengeCode);
    await challenge.getByRole('button', { name: 'Confirm ¥200.00' }).click();
    await says(page.getByTestId('wallet-balance'), '¥500.00');
    await expect.poll(() => page.locator('.shell-statement-row[data-kind="topup"]').count(), WAIT).toBe(2);
    expect(await page.locator('.shell-statement-row .shell-money').allTextContents()).toEqual(['+¥200.00', '+¥300.00']);
    await shot(page, 'shell-wallet');
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('shows the host sheet at checkout; a wrong PIN says how many tries are left, and cancelling tells the program', async () => {
    const { page } = user;
    const { total, sheet } = await checkout(page);
    // The host's names and the host's copy of the order.
    expect(await sheet.locator('.shell-pay-merchant').textContent()).toBe(`Pay ${demoAccounts.merchant.displayName}`);
    expect(await sheet.locator('.shell-pay-app').textContent()).toBe('for Tea House Shop');
    expect(await sheet.locator('.shell-pay-amount').textContent()).toBe(total);
    expect(await sheet.locator('.shell-pay-item').count()).toBeGreaterThan(0);
    // Orders expire after 15 minutes; the sheet says by when to pay.
    expect(await sheet.getByTestId('pay-expires').textContent()).toMatch(/^Pay by \d{1,2}:\d{2}/);
    await sheet.getByText('Wallet balance ¥500.00').waitFor(WAIT);
    await shot(page, 'shell-pay-sheet');

    await sheet.getByLabel('Payment PIN').fill('000000');
    await sheet.getByRole('alert').filter({ hasText: 'Wrong PIN: 4 tries left.' }).waitFor(WAIT);
    await shot(page, 'shell-pay-wrong-pin');
    await sheet.getByRole('button', { name: 'Cancel payment' }).click();
    await sheet.waitFor({ state: 'detached', ...WAIT });
    // The shop's own answer to payment_cancelled.
    await page.locator('.shell-toast', { hasText: 'Payment cancelled' }).waitFor(WAIT);
    expect(await walletBalance(page)).toBe('¥500.00');

    await page.goto(`${platform.url}/me/orders`);
    const row = page.locator('.shell-order-row').first();
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Awaiting payment');
    expect(await row.textContent()).toContain(total);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('pays with the PIN in the sheet; the program shows the order and Orders lists it as paid', async () => {
    const { page } = user;
    const { total, sheet } = await checkout(page);
    const orderId = await payWithKeypad(page, sheet);
    expect(orderId).toMatch(/^ord_/);
    const amount = parseMoney(total, 'CNY')!;
    firstOrder = { orderId, amount };
    expect(await walletBalance(page)).toBe(formatMoney(500_00 - amount, 'CNY'));
    expect(await page.locator('.shell-statement-row[data-kind="payment"] .shell-money').first().textContent()).toBe(`−${total}`);

    await page.goto(`${platform.url}/me`);
    await page.getByRole('link', { name: /Wallet/ }).getByText(formatMoney(500_00 - amount, 'CNY')).waitFor(WAIT);
    await shot(page, 'shell-me-pay');
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const row = page.getByTestId(`order-${orderId}`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Tea House Shop');
    expect(await row.locator('.shell-status').textContent()).toBe('Paid');
    await shot(page, 'shell-orders');
    await row.click();
    await says(page.getByTestId('order-status').locator('.shell-status'), 'Paid');
    expect(await page.getByTestId('order-status').textContent()).toContain('Atrium holds the money until you confirm receipt');
    expect(await page.locator('.shell-line-total .shell-money').textContent()).toBe(total);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('the merchant marks it shipped; the user confirms receipt; the balance grows by the amount less the fee', async () => {
    const { orderId, amount } = firstOrder;
    const before = await merchantAvailable();
    const page = merchant.page;
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const row = page.getByTestId(`order-${orderId}`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('To ship');
    expect(await row.textContent()).toContain(formatMoney(amount, 'CNY'));
    await shot(page, 'console-orders');
    await row.click();
    await page.getByRole('button', { name: 'Mark shipped' }).click();
    await confirm(page, 'Mark shipped');
    await says(page.getByTestId('order-status'), 'Shipped');
    // What the merchant gets: the total less the platform's 0.6%, as the ledger will move it.
    const fee = Math.floor((amount * 60) / 10_000);
    expect(await page.locator('tfoot').textContent()).toContain(`Platform fee (0.6%)−${formatMoney(fee, 'CNY')}`);
    expect(await page.locator('tfoot').textContent()).toContain(`You receive on release${formatMoney(amount - fee, 'CNY')}`);
    await shot(page, 'console-order');

    await user.page.goto(`${platform.url}/me/orders/${orderId}`);
    await says(user.page.getByTestId('order-status').locator('.shell-status'), 'Shipped');
    await user.page.getByRole('button', { name: 'Confirm receipt' }).click();
    await confirm(user.page, 'Confirm');
    await says(user.page.getByTestId('order-status').locator('.shell-status'), 'Completed');
    await shot(user.page, 'shell-order-completed');

    expect(await merchantAvailable()).toBe(before + amount - feeOf(amount, FEE_BPS));
    const settled = page.locator('tr[data-kind="release"]').first();
    expect(await settled.textContent()).toContain(orderId);
    await shot(page, 'console-balance');
    expect([...user.errors, ...merchant.errors]).toEqual([]);
  }, 120_000);

  it("the user asks for part back; the merchant approves it from the console", async () => {
    const { orderId } = firstOrder;
    const page = user.page;
    await page.goto(`${platform.url}/me/orders/${orderId}`);
    await page.getByRole('button', { name: 'Request a refund' }).click();
    const form = page.getByTestId('refund-form');
    await form.getByLabel('Amount (CNY)').fill('5');
    await form.getByLabel('Reason').fill('One tin arrived dented.');
    await form.getByRole('button', { name: 'Send request' }).click();
    const refund = page.locator('[data-testid^="refund-rfd_"]');
    await refund.waitFor(WAIT);
    expect(await refund.locator('.shell-status').textContent()).toBe('Requested');

    await merchant.page.goto(`${platform.url}/console/orders/${orderId}`);
    await merchant.page.getByRole('button', { name: 'Approve the refund of ¥5.00' }).click();
    await confirm(merchant.page, 'Approve');
    await says(merchant.page.locator('[data-testid^="refund-rfd_"] .desk-badge'), 'Refunded');
    await says(merchant.page.getByTestId('order-status'), 'Partly refunded');

    await page.reload();
    await says(refund.locator('.shell-status'), 'Refunded');
    expect(await walletBalance(page)).toBe(formatMoney(500_00 - firstOrder.amount + 5_00, 'CNY'));
    expect([...user.errors, ...merchant.errors]).toEqual([]);
  }, 120_000);

  it('a dispute: the user opens it, the merchant answers, an admin refunds part in the admin console', async () => {
    const page = user.page;
    const { total, sheet } = await checkout(page);
    const orderId = await payWithKeypad(page, sheet);
    const amount = parseMoney(total, 'CNY')!;
    const walletBefore = parseMoney(await walletBalance(page), 'CNY')!;

    await page.goto(`${platform.url}/me/orders/${orderId}`);
    await page.getByRole('button', { name: 'Open a dispute' }).click();
    const form = page.getByTestId('dispute-form');
    await form.getByLabel('Reason').fill('The parcel never arrived.');
    await form.getByRole('button', { name: 'Open dispute' }).click();
    await says(page.getByTestId('order-status').locator('.shell-status'), 'In dispute');
    expect(await page.getByTestId('order-dispute').textContent()).toContain('The parcel never arrived.');
    expect(await page.getByRole('button', { name: 'Confirm receipt' }).count()).toBe(0);

    await merchant.page.goto(`${platform.url}/console/orders/${orderId}`);
    const answer = merchant.page.getByTestId('dispute-answer');
    await answer.getByLabel('Your answer').fill('Shipped with SF Express, tracking SF1234567890.');
    await answer.getByRole('button', { name: 'Send answer' }).click();
    await merchant.page.getByTestId('dispute').locator('.desk-badge', { hasText: 'Answered' }).waitFor(WAIT);
    const merchantBefore = await merchantAvailable();

    await admin.page.getByRole('link', { name: 'Disputes', exact: true }).click();
    await admin.page.getByRole('button', { name: 'Answered', exact: true }).click();
    const card = admin.page.locator(`[data-filter="answered"] [data-testid="dispute-${orderId}"]`);
    await card.waitFor(WAIT);
    expect(await card.textContent()).toContain('The parcel never arrived.');
    expect(await card.textContent()).toContain('tracking SF1234567890');
    expect(await card.textContent()).toContain(demoAccounts.merchant.email);
    expect(await card.locator('.desk-dispute-amount').textContent()).toBe(total);
    await shot(admin.page, 'admin-disputes');
    const decision = card.getByTestId('dispute-decision');
    await decision.getByLabel(/Refund the buyer/).check();
    await decision.getByLabel('Refund amount (CNY)').fill('10');
    await decision.getByLabel('Note').fill('Half the tins are accounted for; refunding the missing one.');
    await decision.getByRole('button', { name: 'Decide' }).click();
    await confirm(admin.page, 'Decide');
    await admin.page.getByRole('button', { name: 'Resolved', exact: true }).click();
    const resolved = admin.page.locator(`[data-filter="resolved"] [data-testid="dispute-${orderId}"]`);
    await resolved.locator('.desk-badge', { hasText: 'Resolved: ¥10.00 refunded' }).waitFor(WAIT);
    expect(await resolved.getByTestId('dispute-decision').count()).toBe(0);
    await shot(admin.page, 'admin-dispute-resolved');

    await page.goto(`${platform.url}/me/orders/${orderId}`);
    await page.getByTestId('order-dispute').locator('.shell-status', { hasText: 'Resolved: ¥10.00 refunded' }).waitFor(WAIT);
    expect(await page.getByTestId('order-dispute').textContent()).toContain('refunding the missing one');
    expect(await page.locator('[data-testid^="refund-rfd_"]').textContent()).toContain('Decided by Atrium');
    expect(await walletBalance(page)).toBe(formatMoney(walletBefore + 10_00, 'CNY'));
    // The rest went to the merchant, less the fee on it.
    await merchant.page.goto(`${platform.url}/console/orders/${orderId}`);
    await says(merchant.page.getByTestId('order-status'), 'Partly refunded');
    expect(await merchant.page.locator('.desk-facts').textContent()).toContain('Settled to your balance');
    expect(await merchantAvailable()).toBe(merchantBefore + amount - 10_00 - feeOf(amount - 10_00, FEE_BPS));
    expect([...user.errors, ...merchant.errors, ...admin.errors]).toEqual([]);
  }, 120_000);

  it('a new user sets a PIN and tops up from inside the sheet, then pays', async () => {
    const fresh = await tab({ width: 390, height: 844 });
    const page = fresh.page;
    await page.goto(`${platform.url}/signup`);
    await page.getByLabel('Name').fill('Lin');
    await page.getByLabel('Email').fill('lin@example.com');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);

    const { total, sheet } = await checkout(page);
    await sheet.getByText('Set a 6-digit payment PIN').waitFor(WAIT);
    await sheet.getByLabel('New payment PIN').fill(PIN);
    await sheet.getByText('Enter the same PIN again').waitFor(WAIT);
    await sheet.getByLabel('New payment PIN').fill(PIN);
    await sheet.getByText(`Your balance is ${total} short.`).waitFor(WAIT);
    await shot(page, 'shell-pay-short');
    await sheet.getByRole('button', { name: 'Top up' }).click();
    // What is short, rounded up to a whole yuan; more is fine.
    expect(parseMoney(await sheet.getByLabel('Amount (CNY)').inputValue(), 'CNY')).toBe(parseMoney(total, 'CNY'));
    await sheet.getByLabel('Amount (CNY)').fill('500');
    await sheet.getByLabel('Card number').fill(simulatedCards.approves);
    await sheet.getByRole('button', { name: 'Top up' }).click();
    await sheet.getByText('Enter your payment PIN').waitFor(WAIT);
    await sheet.getByText('Wallet balance ¥500.00').waitFor(WAIT);
    await sheet.getByLabel('Payment PIN').fill(PIN);
    await sheet.waitFor({ state: 'detached', ...WAIT });
    await says(page.locator('[data-id="result-title"]'), 'Payment successful');

    // Five wrong PINs lock the wallet: the sheet says until when, and offers only closing.
    const again = await checkout(page);
    await again.sheet.getByText('Enter your payment PIN').waitFor(WAIT);
    for (let left = 4; left >= 1; left--) {
      await again.sheet.getByLabel('Payment PIN').fill('000000');
      await again.sheet.getByRole('alert').filter({ hasText: `Wrong PIN: ${left} ${left === 1 ? 'try' : 'tries'} left.` }).waitFor(WAIT);
    }
    await again.sheet.getByLabel('Payment PIN').fill('000000');
    await again.sheet.getByRole('alert').filter({ hasText: 'locked' }).waitFor(WAIT);
    expect(await again.sheet.getByLabel('Payment PIN').count()).toBe(0);
    await shot(page, 'shell-pay-locked');
    await again.sheet.getByRole('button', { name: 'Close' }).click();
    await page.locator('.shell-toast', { hasText: 'Payment cancelled' }).waitFor(WAIT);
    // Locked still on the next try, straight away.
    await page.locator('[data-id="checkout"]').click();
    await page.getByTestId('payment-sheet').getByText(/locked until/).waitFor(WAIT);
    expect(fresh.errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('logs every delivery to the endpoint, signed, with its attempts; redelivers one; removes the endpoint', async () => {
    const secret = webhookSecret;
    const { orderId } = firstOrder;
    // The merchant's server got the first order's events, signed with the secret shown once.
    await expect
      .poll(() => received.map((r) => verifyWebhook({ secret, headers: r.headers, body: r.body })).filter((e) => 'orderId' in e.data && e.data.orderId === orderId).map((e) => e.type).sort(), WAIT)
      .toEqual(expect.arrayContaining(['order.paid', 'order.refunded', 'order.released', 'order.shipped']));

    const page = merchant.page;
    await page.goto(`${platform.url}/console/webhooks`);
    const paid = page.locator('[data-event="order.paid"]').first();
    await paid.waitFor(WAIT);
    // Filtered to the delivered ones (the newest may still be on its way).
    await page.getByRole('button', { name: 'Delivered', exact: true }).click();
    const first = page.locator('.desk-deliveries[data-filter="delivered"] [data-testid^="delivery-"]').first();
    await first.waitFor(WAIT);
    expect(await first.textContent()).toContain(receiverUrl);
    expect(await first.textContent()).toContain('HTTP 204');
    await first.getByRole('button', { name: '1 attempt' }).click();
    await first.getByRole('list', { name: 'Attempts' }).waitFor(WAIT);
    expect(await first.getByRole('list', { name: 'Attempts' }).textContent()).toContain('HTTP 204');
    await shot(page, 'console-webhook-deliveries');

    const count = received.length;
    const type = (await first.getAttribute('data-event'))!;
    await first.getByRole('button', { name: `Redeliver ${type}` }).click();
    await expect.poll(() => received.length, WAIT).toBeGreaterThan(count);
    expect(JSON.parse(received.at(-1)!.body).type).toBe(type);

    await page.getByRole('button', { name: `Remove ${receiverUrl}` }).click();
    await confirm(page, 'Remove');
    await page.getByText('No endpoints').waitFor(WAIT);
    expect(merchant.errors).toEqual([]);
  }, 120_000);
});
