/** The tab bar a mini-program declares in its manifest, drawn by the host on its tab pages. */
import { button, el } from './el.ts';

export interface TabItem {
  page: string;
  text: string;
}

export interface TabBar {
  root: HTMLElement;
  /** Draws the items with `route` active; hidden (and false) when `route` is not a tab page. */
  draw(items: readonly TabItem[], route: string): boolean;
}

export function createTabBar(prefix: string, onSwitch: (page: string) => void): TabBar {
  const root = el('nav', `${prefix}-tabbar`);
  root.hidden = true;
  return {
    root,
    draw(items, route) {
      const onTab = items.some((i) => i.page === route);
      root.hidden = !onTab;
      if (!onTab) {
        root.replaceChildren();
        return false;
      }
      root.replaceChildren(
        ...items.map((item) => {
          const active = item.page === route;
          const b = button(`${prefix}-tab${active ? ` ${prefix}-tab-active` : ''}`, () => !active && onSwitch(item.page), el('span', `${prefix}-tab-icon`), el('span', `${prefix}-tab-text`, item.text));
          if (active) b.setAttribute('aria-current', 'page');
          return b;
        }),
      );
      return true;
    },
  };
}
