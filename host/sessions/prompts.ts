import { randomUUID } from 'node:crypto';
import { AtriumError } from '../../sdk/contract/index.ts';
import type { Bus } from '../realtime/index.ts';
import { sessionTopic, type ShellMessage } from './messages.ts';

type PromptMessage = Extract<ShellMessage, { kind: 'modal' | 'consent' | 'payment' | 'share' | 'subscribe' }>;
type PromptKind = PromptMessage['kind'];

/** What a prompt resolves with: yes or no, or for a subscription prompt the templates accepted (in the prompt's order). */
export type PromptAnswer<K extends PromptKind> = K extends 'subscribe' ? { accept: string[] } : boolean;

/**
 * An answer as the shell sends it. A subscription prompt takes the ids the user accepted, or
 * yes or no for all of its templates (a shell that draws it as a plain dialog); every other
 * prompt takes yes or no.
 */
export type ShellAnswer = boolean | { accept: string[] };

/**
 * The answer `given` (null: none came, the prompt timed out or its session ended) in the shape
 * the asker waits for; an answer that does not fit the prompt is refused and the prompt stays open.
 */
function fit(message: PromptMessage, given: ShellAnswer | null): unknown {
  if (message.kind === 'subscribe') {
    const offered = message.templates.map((t) => t.id);
    if (given === null || given === false) return { accept: [] };
    if (given === true) return { accept: offered };
    const stray = given.accept.filter((id) => !offered.includes(id));
    if (stray.length) throw new AtriumError('invalid_args', `The prompt did not offer ${stray.map((id) => `"${id}"`).join(', ')}; it offered ${offered.join(', ')}.`);
    return { accept: offered.filter((id) => given.accept.includes(id)) };
  }
  if (typeof given === 'object' && given !== null) throw new AtriumError('invalid_args', 'This prompt is answered with true or false.');
  return given === true;
}

/**
 * Questions the host draws in the shell (dialogs, consent, subscriptions) and waits on. The
 * answer comes back over HTTP from the session's own user; an unanswered prompt counts as "no"
 * (nothing accepted) after `timeoutMs`.
 */
export function createPrompts(bus: Bus, timeoutMs = 5 * 60_000) {
  const waiting = new Map<string, { sessionId: string; message: PromptMessage; resolve: (answer: unknown) => void; timer: NodeJS.Timeout }>();

  /** `waitMs` replaces the usual wait, for a prompt with a deadline of its own (a payment's order). */
  function ask<P extends DistributiveOmit<PromptMessage, 'promptId'>>(sessionId: string, prompt: P, waitMs = timeoutMs): Promise<PromptAnswer<P['kind']>> {
    const promptId = randomUUID();
    return new Promise<PromptAnswer<P['kind']>>((resolve) => {
      const timer = setTimeout(() => settle(promptId, null), Math.max(0, waitMs));
      timer.unref();
      const message = { ...prompt, promptId } as PromptMessage;
      waiting.set(promptId, { sessionId, message, resolve: resolve as (answer: unknown) => void, timer });
      void bus.publish<ShellMessage>(sessionTopic(sessionId), message).catch(() => settle(promptId, null));
    });
  }

  function settle(promptId: string, given: ShellAnswer | null): void {
    const w = waiting.get(promptId);
    if (!w) return;
    const answer = fit(w.message, given);
    waiting.delete(promptId);
    clearTimeout(w.timer);
    void bus.publish<ShellMessage>(sessionTopic(w.sessionId), { kind: 'prompt-closed', promptId }).catch(() => {});
    w.resolve(answer);
  }

  /** The shell's answer; only prompts of that session can be answered through it. */
  function answer(sessionId: string, promptId: string, value: ShellAnswer): void {
    const w = waiting.get(promptId);
    if (!w || w.sessionId !== sessionId) throw new AtriumError('not_found', 'no such prompt is waiting');
    settle(promptId, value);
  }

  /** Prompts of a session still waiting for an answer, for a shell that connects afresh. */
  function open(sessionId: string): PromptMessage[] {
    return [...waiting.values()].filter((w) => w.sessionId === sessionId).map((w) => w.message);
  }

  /** A session that ends answers its open prompts with "no". */
  function cancelAll(sessionId: string): void {
    for (const [id, w] of waiting) if (w.sessionId === sessionId) settle(id, null);
  }

  return { ask, answer, open, cancelAll };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Prompts = ReturnType<typeof createPrompts>;
