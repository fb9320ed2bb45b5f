import type { ErrorBody } from '../../sdk/contract/index.ts';
import type { ViewUpdate } from '../../runtime/index.ts';

/** What the shell hears about one session, over server-sent events. Host-drawn UI only. */
export type ShellMessage =
  | { kind: 'frame'; update: ViewUpdate }
  | { kind: 'toast'; title: string; icon: 'success' | 'error' | 'loading' | 'none'; durationMs: number }
  | { kind: 'loading'; title: string | null }
  | { kind: 'modal'; promptId: string; title: string; content?: string; confirmText?: string; cancelText?: string; showCancel: boolean }
  | { kind: 'consent'; promptId: string; scope: string; title: string; reason: string; appName: string }
  | {
      kind: 'payment';
      promptId: string;
      orderId: string;
      appName: string;
      merchantName: string;
      items: { name: string; quantity: number; unitAmount: number }[];
      amount: number;
      currency: string;
      /** When the order stops being payable; the sheet closes then. */
      expiresAt: string;
    }
  /** The host's chat picker: the shell posts the card to the chat the user picks, as the user. */
  | { kind: 'share'; promptId: string; appId: string; appName: string; title: string; page: string; query: Record<string, string> }
  /**
   * The host's subscription prompt: the app asks to send the user one message of each template.
   * The shell answers with the ids the user accepted (`{ accept: [...] }`), or true or false for all.
   */
  | { kind: 'subscribe'; promptId: string; appId: string; appName: string; templates: { id: string; title: string }[] }
  | { kind: 'prompt-closed'; promptId: string }
  | { kind: 'ended'; reason: ErrorBody };

export const sessionTopic = (sessionId: string) => `session:${sessionId}`;
