/** Who is signed in to the console: its pages are drawn only for an account of the console's kind. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';

export type Account = Schemas['Account'];

export const AccountContext = createContext<Account | null>(null);

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount: only pages of a signed-in console have an account');
  return account;
}
