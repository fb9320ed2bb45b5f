import type { Manifest } from '../../../../sdk/contract/index.ts';
import { result } from './static.ts';
import type { CheckResult, Finding } from './types.ts';

const TITLE = 'Subscription message templates';

/**
 * What the program may ask users to accept, for the reviewer to read (each template's title and
 * fields), and that templates and the `subscribe` scope come together: either alone, every
 * request would be refused. Only for programs that declare or use subscriptions (null otherwise).
 */
export function checkSubscriptions(m: Manifest, bundle: string): CheckResult | null {
  const templates = m.subscriptions?.templates ?? [];
  const scoped = m.permissions.subscribe !== undefined;
  // The SDK's call reads `subscribe.requestSubscribe`, and a bundle keeps property names minified.
  const calls = /\brequestSubscribe\b/.test(bundle);
  if (!templates.length && !scoped && !calls) return null;
  const findings: Finding[] = [];
  if (templates.length && !scoped) {
    findings.push({
      severity: 'error',
      scope: 'subscribe',
      message: 'the manifest declares subscription templates but not the "subscribe" scope, so subscribe.requestSubscribe would be refused and no user could accept them: add "subscribe" under permissions with a reason',
    });
  }
  if (!templates.length) {
    const uses = [scoped ? 'declares the "subscribe" scope' : '', calls ? 'calls subscribe.requestSubscribe' : ''].filter(Boolean).join(' and ');
    findings.push({ severity: 'error', scope: 'subscribe', message: `the program ${uses} but declares no templates under "subscriptions" in atrium.json, so every request would be refused` });
  }
  const listed = templates.map((t) => `${t.id} “${t.title}” (${t.fields.map((f) => `${f.label}: ${f.type}`).join(', ')})`);
  const summary = templates.length ? `${templates.length} template${templates.length > 1 ? 's' : ''}: ${listed.join('; ')}` : 'no templates declared';
  return result('subscriptions', TITLE, summary, findings);
}
