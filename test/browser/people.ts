import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { resultsDir } from './chromium.ts';

/** How long a step may take on a busy two-core machine before a test gives up. */
export const WAIT = { timeout: 45_000 };

export interface Person {
  page: Page;
  /** Script errors the page threw; a test ends by expecting none. */
  errors: string[];
}

/** Someone at their own browser: a context of their own, with its own cookies. */
export async function person(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Person> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

export interface Login {
  email: string;
  password: string;
}

/** Signs in on a console's own sign-in page and waits for the console. */
export async function signInConsole(page: Page, url: string, path: '/console' | '/admin', who: Login): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor(WAIT);
}

/** A full-page screenshot under test-results/, to look at after a run. */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(resultsDir(), `${name}.png`), fullPage: true, animations: 'disabled' });
