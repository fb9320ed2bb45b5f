/**
 * Most of the console's actions ask first in the host chrome's dialog (releasing, rolling back,
 * shipping, deciding a refund, removing an endpoint). `useConfirm()` gives a function that asks,
 * runs the action when the merchant agrees, and hands a failure to the site (a toast, or the
 * sign-in page); it resolves true when the action went through.
 */
import { useSite } from '../kit/index.ts';

export interface Ask {
  title: string;
  content: string;
  confirmText: string;
}

export function useConfirm(): (ask: Ask, action: () => Promise<unknown>) => Promise<boolean> {
  const { ui, failed } = useSite();
  return async (ask, action) => {
    if (!(await ui.dialog({ kind: 'modal', ...ask }).answer)) return false;
    try {
      await action();
      return true;
    } catch (e) {
      failed(e);
      return false;
    }
  };
}
