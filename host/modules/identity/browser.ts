/** What Atrium's own pages may take from identity: the account as the API shows it. Types only. */
export type { AccountView } from './account-input.ts';
