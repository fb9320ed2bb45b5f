/** @jsxImportSource preact */
/**
 * What every page of a site (the shell, a console) is given by the site around it: its name for
 * page titles, its look, the router, toasts and dialogs, and what to do when a call fails. Each
 * site's root provides it; the kit's parts and the pages read it with `useSite()`.
 */
import { createContext, type VNode } from 'preact';
import { useContext, useLayoutEffect } from 'preact/hooks';
import type { Overlays } from '../../../sdk/view/chrome/index.ts';
import type { Router } from '../common/history.ts';

/** The class names a site draws the kit's parts with (the shell and the consoles differ). */
export interface Look {
  /** A labelled field, the hint under it, and its controls. */
  field: string;
  hint: string;
  input: string;
  textarea: string;
  select: string;
  /** A status chip is `${chip} ${chip}-${tone}`. */
  chip: string;
  /** Added to empty and failure states. */
  state: string;
  /** A paged list's "Older" button, and the line at its end. */
  more: string;
  end: string;
  /** What stands in while something loads. */
  loading(): VNode;
}

export interface Site {
  /** `Admin console`: the end of every page title. */
  name: string;
  look: Look;
  router: Router<unknown>;
  /** Toasts and dialogs (the host chrome's, sdk/view/chrome). */
  ui: Overlays;
  /** A call failed: a lost sign-in goes back to signing in, anything else is a toast. */
  failed(e: unknown): void;
}

export const SiteContext = createContext<Site | null>(null);

export function useSite(): Site {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite: render inside a SiteContext provider');
  return site;
}

/** Names the page in the browser tab: `Review queue · Admin console`; null, the site's name alone. */
export function useTitle(title: string | null): void {
  const { name } = useSite();
  useLayoutEffect(() => {
    document.title = title === null ? name : `${title} · ${name}`;
  }, [title, name]);
}
