/** @jsxImportSource preact */
/**
 * A link inside the site: a plain click moves with the router (no page load); a click that asks
 * for a new tab or window, or a download, is left to the browser.
 */
import type { JSX } from 'preact';
import { useSite } from './site.tsx';

export function Link({ href, replace = false, onClick, ...rest }: JSX.IntrinsicElements['a'] & { href: string; replace?: boolean }) {
  const { router } = useSite();
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        if (typeof onClick === 'function') onClick(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.navigate(href, { replace });
      }}
    />
  );
}
