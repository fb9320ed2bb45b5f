/** @jsxImportSource preact */
/**
 * A secret the host gives out once (an app's secret when the app is made or the secret replaced,
 * a webhook endpoint's signing secret), with copy buttons and a plain warning: it is never shown
 * again.
 */
import type { ComponentChildren } from 'preact';
import { Copyable } from '../desk/copy.tsx';
import { Facts } from '../desk/ui.tsx';
import type { AppSecret } from './api.ts';

export function ShownOnce({ title, advice, testid, children }: { title: ComponentChildren; advice: string; testid: string; children: ComponentChildren }) {
  return (
    <div class="desk-secret" role="alert" data-testid={testid}>
      <div class="desk-secret-title">{title}</div>
      {children}
      <p class="desk-secret-warning">
        <strong>Copy it now: this is the only time Atrium shows it. </strong>
        {advice}
      </p>
    </div>
  );
}

export function SecretReveal({ secret, title = 'Your app secret' }: { secret: AppSecret; title?: string }) {
  return (
    <ShownOnce
      title={title}
      testid="secret-once"
      advice="Keep it on your server, never in a mini-program or a public repository. Your backend uses it to exchange login codes and to check webhook signatures. If it is lost or leaked, rotate it."
    >
      <Facts
        rows={[
          ['App id', <Copyable value={secret.appId} label="app id" testid="app-id" />],
          ['App secret', <Copyable value={secret.appSecret} label="app secret" testid="app-secret" />],
        ]}
      />
    </ShownOnce>
  );
}
