/**
 * Who is signed in to the shell (a user, or nobody), and the ways that changes from inside it:
 * signing in, signing out, erasing, or finding the sign-in gone.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';

export type Account = Schemas['Account'];

export interface Who {
  account: Account | null;
  /** Signed in (an account), or out (null) by the user's own doing. */
  setAccount(account: Account | null): void;
  /** The host no longer knows this user (signed out elsewhere, expired): sign in, then come back here. */
  signInAgain(): void;
}

export const AccountContext = createContext<Who | null>(null);

export function useWho(): Who {
  const who = useContext(AccountContext);
  if (!who) throw new Error('useWho: render inside the shell');
  return who;
}
