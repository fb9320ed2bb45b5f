/**
 * What the dev server and the dev shell page say to each other. The server pushes `ServerMessage`s
 * over server-sent events (the SSE event name is the `kind`); the page answers with POSTs.
 */
import type { Json, ShellEvent } from '../../contract/view.ts';
import type { ViewUpdate } from '../../../runtime/index.ts';
import type { DialogRequest } from '../../view/chrome/index.ts';

/** The parts of a manifest the shell draws around the page. */
export interface ProgramInfo {
  name: string;
  version: string;
  title: string | null;
  /** The page background from the manifest's `window.background`. */
  background: string | null;
  tabBar: { page: string; text: string }[];
}

/** A host-drawn dialog the dev page shows and answers by `id`. */
export type ModalRequest = { id: number } & Pick<DialogRequest, 'kind' | 'title' | 'content' | 'confirmText' | 'cancelText' | 'showCancel'>;

export type ServerMessage =
  | { kind: 'program'; program: ProgramInfo }
  | { kind: 'reload' }
  | { kind: 'update'; update: ViewUpdate }
  | { kind: 'errors'; lines: string[] }
  | { kind: 'toast'; title: string; icon: 'success' | 'error' | 'loading' | 'none'; durationMs: number }
  | { kind: 'modal'; modal: ModalRequest }
  | { kind: 'loading'; title: string | null }
  | { kind: 'log'; level: string; text: string }
  | { kind: 'ended'; code: string; message: string };

/** POST `event`. */
export interface EventPost {
  client: string;
  event: ShellEvent;
}

/** POST `modal`: the user's answer to a host-drawn dialog. */
export interface ModalPost {
  client: string;
  id: number;
  confirm: boolean;
}

/** POST `restart`: open the program afresh for this page. */
export interface RestartPost {
  client: string;
}

export type { Json, ShellEvent };
