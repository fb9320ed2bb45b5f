import { z } from 'zod';
import { method } from './define.ts';

const url = z.string().min(1).max(1024);

/** Host-drawn UI and the page stack. */
export const ui = {
  /**
   * Shows a short host-drawn message that fades by itself.
   * @example
   * await ui.toast({ title: 'Added to cart', icon: 'success' });
   */
  toast: method({
    args: z.object({
      title: z.string().min(1).max(60),
      icon: z.enum(['success', 'error', 'loading', 'none']).optional(),
      durationMs: z.number().int().min(500).max(10_000).optional(),
    }).strict(),
    result: z.null(),
  }),
  /**
   * Asks the user a question in a host-drawn dialog; resolves when they answer.
   * @example
   * const { confirm } = await ui.showModal({ title: 'Empty the cart?', content: 'This removes 3 items.' });
   * if (confirm) this.setData({ cart: [] });
   */
  showModal: method({
    args: z.object({
      title: z.string().min(1).max(60),
      content: z.string().max(1000).optional(),
      confirmText: z.string().min(1).max(8).optional(),
      cancelText: z.string().min(1).max(8).optional(),
      showCancel: z.boolean().optional(),
    }).strict(),
    result: z.object({ confirm: z.boolean() }),
  }),
  /**
   * Lets the user share a page of the program as a card in one of their chats: the host draws
   * its own chat picker, and the program learns only whether they shared, never where or with
   * whom. Whoever opens the card lands on `page` with `query`, and the program's launch scene says
   * it came from a share (`{ source: 'share', sharer }`, the sharer's openid). Only from the
   * user's tap, before any await.
   * @example
   * async shareTea() {
   *   const { shared } = await ui.share({ title: 'Tieguanyin, 250 g', page: 'pages/item', query: { id: 'tgy' } });
   *   if (shared) void ui.toast({ title: 'Shared' });
   * }
   */
  share: method({
    args: z.object({
      title: z.string().trim().min(1).max(60),
      page: z.string().min(1).max(120).regex(/^[\w/-]+$/, 'a page path like pages/item'),
      query: z.record(z.string().max(40).regex(/^[\w-]+$/), z.string().max(200)).refine((q) => Object.keys(q).length <= 10, 'at most 10 query values').optional(),
    }).strict(),
    result: z.object({ shared: z.boolean() }),
    gesture: true,
  }),
  /**
   * Shows a host-drawn loading indicator until `hideLoading`.
   * @example
   * await ui.showLoading({ title: 'Saving' });
   */
  showLoading: method({ args: z.object({ title: z.string().max(60).optional() }).strict().optional(), result: z.null() }),
  /**
   * Hides the loading indicator.
   * @example
   * await ui.hideLoading();
   */
  hideLoading: method({ args: z.undefined().optional(), result: z.null() }),
  /**
   * Opens a page on top of the current one; the user can come back.
   * @example
   * await ui.navigateTo({ url: '/pages/product?id=42' });
   */
  navigateTo: method({ args: z.object({ url }).strict(), result: z.null(), handledBy: 'runtime' }),
  /**
   * Replaces the current page with another.
   * @example
   * await ui.redirectTo({ url: '/pages/done' });
   */
  redirectTo: method({ args: z.object({ url }).strict(), result: z.null(), handledBy: 'runtime' }),
  /**
   * Goes back `delta` pages (default 1).
   * @example
   * await ui.navigateBack();
   */
  navigateBack: method({
    args: z.object({ delta: z.number().int().min(1).max(10).optional() }).strict().optional(),
    result: z.null(),
    handledBy: 'runtime',
  }),
  /**
   * Switches to a tab-bar page, closing every other page.
   * @example
   * await ui.switchTab({ url: '/pages/cart' });
   */
  switchTab: method({ args: z.object({ url }).strict(), result: z.null(), handledBy: 'runtime' }),
  /**
   * Sets the title the host shows above the current page.
   * @example
   * await ui.setTitle({ title: 'Your cart (3)' });
   */
  setTitle: method({ args: z.object({ title: z.string().max(40) }).strict(), result: z.null(), handledBy: 'runtime' }),
};
