import { randomUUID } from 'node:crypto';
import { AtriumError } from '../../sdk/contract/index.ts';
import type { Bus } from '../realtime/index.ts';
import { sessionTopic, type ShellMessage } from './messages.ts';

type PromptMessage = Extract<ShellMessage, { kind: 'modal' | 'consent' | 'payment' | 'share' }>;

/**
 * Questions the host draws in the shell (dialogs, consent) and waits on. The answer comes back
 * over HTTP from the session's own user; an unanswered prompt counts as "no" after `timeoutMs`.
 */
export function createPrompts(bus: Bus, timeoutMs = 5 * 60_000) {
  const waiting = new Map<string, { sessionId: string; message: PromptMessage; resolve: (answer: boolean) => void; timer: NodeJS.Timeout }>();

  /** `waitMs` replaces the usual wait, for a prompt with a deadline of its own (a payment's order). */
  function ask(sessionId: string, prompt: DistributiveOmit<PromptMessage, 'promptId'>, waitMs = timeoutMs): Promise<boolean> {
    const promptId = randomUUID();
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(promptId, false), Math.max(0, waitMs));
      timer.unref();
      const message = { ...prompt, promptId } as PromptMessage;
      waiting.set(promptId, { sessionId, message, resolve, timer });
      void bus.publish<ShellMessage>(sessionTopic(sessionId), message).catch(() => settle(promptId, false));
    });
  }

  function settle(promptId: string, answer: boolean): void {
    const w = waiting.get(promptId);
    if (!w) return;
    waiting.delete(promptId);
    clearTimeout(w.timer);
    void bus.publish<ShellMessage>(sessionTopic(w.sessionId), { kind: 'prompt-closed', promptId }).catch(() => {});
    w.resolve(answer);
  }

  /** The shell's answer; only prompts of that session can be answered through it. */
  function answer(sessionId: string, promptId: string, value: boolean): void {
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
    for (const [id, w] of waiting) if (w.sessionId === sessionId) settle(id, false);
  }

  return { ask, answer, open, cancelAll };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Prompts = ReturnType<typeof createPrompts>;
