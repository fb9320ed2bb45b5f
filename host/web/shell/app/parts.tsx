/** @jsxImportSource preact */
/** What the runner draws around a program besides the chrome: the splash while it opens, the suspension notice. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { AppIcon } from '../../kit/index.ts';

/**
 * A part of the host chrome (sdk/view/chrome: built with DOM calls, and shared with the dev shell)
 * in its place in the runner. The slot itself takes no part in the layout.
 */
export function ChromeSlot({ part }: { part: HTMLElement }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => void slot.current!.append(part), []);
  return <div class="shell-chrome-slot" ref={slot} />;
}

/** While the program opens: its icon and name (when this browser has opened it before), and dots. */
export function Splash({ app, name }: { app: { id: string; name: string }; name: string }) {
  return (
    <div class="shell-splash">
      <AppIcon app={app} size="large" />
      <div class="shell-splash-name">{name}</div>
      <div class="shell-dots">
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}

/**
 * The platform suspended the program (opening was refused, or the live session ended by it): said
 * plainly, with the platform's reason, and only the way out, since reopening would be refused again.
 */
export function Suspended({ name, reason, leave }: { name: string; reason: string; leave(): void }) {
  return (
    <div class="shell-sheet shell-suspended" role="alert" data-testid="app-suspended">
      <div class="shell-suspended-icon" />
      <div class="shell-sheet-title">{name ? `${name} is suspended` : 'This mini-program is suspended'}</div>
      <p class="shell-sheet-note">Atrium suspended this mini-program, so it cannot be opened for now. The reason:</p>
      <p class="shell-suspended-reason">{reason}</p>
      <div class="shell-suspended-actions">
        <button type="button" class="shell-primary" onClick={leave}>
          Back to Discover
        </button>
      </div>
    </div>
  );
}
