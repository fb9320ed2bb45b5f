/** What the shell may take from sessions: what opening an app answers, and what its stream says. Types only. */
export type { Opened } from './manager.ts';
export type { ShellMessage } from './messages.ts';
