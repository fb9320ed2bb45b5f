import type { AccountKind, StaffRole } from '../../http/index.ts';

/** What an account row may be: the kinds that sign in for themselves, and a merchant's staff. */
export type StoredKind = AccountKind | 'staff';

/** The identity module's tables, as Kysely sees them (see migrations.ts for how they are made). */
export interface IdentityTables {
  identity_accounts: {
    id: string;
    kind: StoredKind;
    /** Lowercased; unique per kind, so one person may be a user and a merchant with one email. */
    email: string;
    display_name: string;
    /** `scrypt$N$r$p$salt$hash` (passwords.ts). */
    password_hash: string;
    created_at: string;
    disabled: 0 | 1;
    /**
     * Tokens issued before this moment no longer verify (ISO time): set when the password changes
     * or the person signs out everywhere. Null until then.
     */
    sessions_valid_from: string | null;
  };
  identity_app_credentials: {
    app_id: string;
    merchant_id: string;
    /** HMAC of the secret under the platform secret; the secret itself is shown once. */
    secret_hash: string;
    created_at: string;
  };
  identity_login_codes: {
    code: string;
    app_id: string;
    account_id: string;
    expires_at: string;
    used_at: string | null;
  };
  /** Wrong passwords per account (`kind:email`) in the current window, shared by every node. */
  identity_login_failures: {
    key: string;
    failures: number;
    /** When the window of this count began (ISO time). */
    since: string;
  };
  /** Tokens signed out before they expired; a row is kept until the token would have expired. */
  identity_revoked_tokens: {
    jti: string;
    expires_at: string;
  };
  /** Who works for which merchant, in which role. A staff account belongs to one merchant. */
  identity_staff: {
    account_id: string;
    merchant_id: string;
    role: StaffRole;
    /** The name they joined with, kept with the team's records after they leave. */
    display_name: string;
    added_by: string;
    added_at: string;
    /** Set when the merchant took them off the team; their account is then erased and disabled. */
    removed_at: string | null;
  };
  /** An invitation to a merchant's team: a link the merchant hands on, used once. */
  identity_staff_invites: {
    id: string;
    /** SHA-256 of the code in the link; the code itself is shown once. */
    code_hash: string;
    merchant_id: string;
    email: string;
    role: StaffRole;
    created_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
    /** The staff account it made. */
    account_id: string | null;
    revoked_at: string | null;
  };
}
