/**
 * The sites' stylesheets, as served at /shell.css and /desk.css: first the parts the mini-program
 * renderer draws (sdk/view: its component set and the host chrome, kept in TypeScript because the
 * dev shell prefixes them differently), then our own CSS files beside the pages, read once.
 */
import { readFileSync } from 'node:fs';
import { chromeCss } from '../../sdk/view/chrome/css.ts';
import { componentCss } from '../../sdk/view/styles.ts';

const file = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Both consoles: the host chrome, the look shared with the shell, the consoles' layout and payment pages. */
export function deskStylesheet(): string {
  return chromeCss('shell') + file('./common/base.css') + file('./desk/desk.css') + file('./desk/payments.css');
}

/** The shell: the component set, the host chrome, the shared look, the shell's pages and payment parts. */
export function shellStylesheet(): string {
  return componentCss + chromeCss('shell') + file('./common/base.css') + file('./shell/shell.css') + file('./shell/pay.css');
}
