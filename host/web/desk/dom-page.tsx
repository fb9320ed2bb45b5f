/** @jsxImportSource preact */
/**
 * Pages still built with DOM calls (the merchant console's, until they are ported) inside the
 * Preact console: each is made when it appears, given the context it was written for, and told
 * when it goes. Delete this file and ./dom/ once no console uses them.
 */
import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Router } from '../common/history.ts';
import { useSite } from '../kit/index.ts';
import { useAccount } from './account-context.ts';
import type { DeskContext, Page } from './dom/context.ts';

/** `page` for `startDesk` from a function that makes DOM pages. */
export function domPages<R>(pageFor: (ctx: DeskContext<R>, route: R) => Page): (route: R) => VNode {
  return (route) => <DomPage make={(ctx) => pageFor(ctx as DeskContext<R>, route)} />;
}

function DomPage({ make }: { make(ctx: DeskContext<unknown>): Page }) {
  const { router, ui, failed, name } = useSite();
  const account = useAccount();
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The desk made its router with the console's own parse, so it is the console's Router<R>.
    const page = make({ router: router as Router<unknown>, ui, account, failed });
    slot.current!.replaceChildren(page.el);
    document.title = `${page.title} · ${name}`;
    return () => page.unmount?.();
  }, []);
  return <div class="desk-dom-page" ref={slot} />;
}
