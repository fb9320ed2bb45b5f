/** An address inside a console that leads nowhere. */
import type { Router } from '../../common/history.ts';
import type { Page } from './context.ts';
import { empty } from './ui.ts';

export function notFoundPage(router: Router<unknown>, home: string, homeText: string): Page {
  return { el: empty('Nothing here', 'This address does not lead anywhere in the console.', router.link(home, 'shell-primary shell-button-link desk-inline-button', homeText)), title: 'Not found' };
}
