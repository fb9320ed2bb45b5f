import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the host reads from its environment, read once in main.ts and passed down. */
export interface Config {
  port: number;
  /** Address to listen on; loopback unless told otherwise. */
  hostname: string;
  /** Where the SQLite database, the signing key and uploads live. */
  dataDir: string;
  /** `postgres://...` to use PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl: string | null;
  /** Development mode: relaxed cookies over http, `net` may reach loopback. */
  dev: boolean;
  /** Worker-thread shards running QuickJS for users' sessions. */
  shards: number;
  /**
   * Shards of their own for the submission checks, which run merchants' code nobody has
   * reviewed yet: a bundle built to stall its shard stalls only these, never users' sessions.
   */
  reviewShards: number;
  /**
   * Sessions of each recently opened version kept evaluated ahead of time, so the next user's
   * open skips parsing the bundle; 0 turns it off.
   */
  warmSessions: number;
  /** Live mini-program sessions one user may hold at once, and open per minute (per node). */
  sessionsPerUser: number;
  sessionOpensPerMinute: number;
  /** The first admin, made on first start when given. */
  admin: { email: string; password: string } | null;
  /** Seed the demo merchant, apps and user on a fresh database. */
  seedDemo: boolean;
  /**
   * The origin browsers reach the host at (`https://atrium.example.com`), when a proxy in front
   * rewrites the Host header; cookie-riding requests from it pass the cross-site check.
   */
  publicOrigin: string | null;
  /** What the automated checks on a submitted version refuse. */
  review: ReviewPolicy;
  /** The platform's fee on funds released to merchants, in basis points (60 = 0.6%). */
  feeBps: number;
  /**
   * Reverse proxies in front of the host that append the client's address to X-Forwarded-For;
   * the address that many hops back is the client's (sign-in throttling counts by it).
   */
  trustedProxies: number;
  /** Days after a QR touch within which a paid order is credited to its code. */
  attributionDays: number;
}

export interface ReviewPolicy {
  /** Categories an app may only trade in with an admin-granted licence. */
  restrictedCategories: string[];
  /** Words and phrases no page may show; matched as whole words, without case. */
  bannedTerms: string[];
}

export const defaultReviewPolicy: ReviewPolicy = {
  restrictedCategories: ['tobacco', 'pharmaceuticals', 'adult', 'weapons', 'gambling'],
  bannedTerms: ['counterfeit', 'replica watches', 'pyramid scheme', 'guaranteed returns', 'fake id'],
};

/** `a, b ,c` → ['a', 'b', 'c']; lower case, blanks dropped. */
const list = z.string().transform((s) => s.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ATRIUM_DATA_DIR: z.string().min(1).default('./data'),
  ATRIUM_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  NODE_ENV: z.string().optional(),
  ATRIUM_SHARDS: z.coerce.number().int().min(1).max(64).default(2),
  ATRIUM_REVIEW_SHARDS: z.coerce.number().int().min(1).max(16).default(1),
  ATRIUM_WARM_SESSIONS: z.coerce.number().int().min(0).max(32).default(2),
  ATRIUM_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(6),
  ATRIUM_SESSION_OPENS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  ATRIUM_ADMIN_EMAIL: z.email().optional(),
  ATRIUM_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
  ATRIUM_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  ATRIUM_PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).origin === u.replace(/\/$/, ''), 'an origin only, like https://atrium.example.com (no path)')
    .optional(),
  ATRIUM_RESTRICTED_CATEGORIES: list.optional(),
  ATRIUM_BANNED_TERMS: list.optional(),
  ATRIUM_PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(60),
  ATRIUM_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  ATRIUM_ATTRIBUTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
});

/** Reads and checks the environment; a bad value fails start-up with a message naming it. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.ATRIUM_ADMIN_EMAIL) !== Boolean(e.ATRIUM_ADMIN_PASSWORD)) {
    throw new Error('invalid configuration:\n  ATRIUM_ADMIN_EMAIL and ATRIUM_ADMIN_PASSWORD go together');
  }
  return {
    port: e.PORT,
    hostname: e.HOST,
    dataDir: resolve(e.ATRIUM_DATA_DIR),
    databaseUrl: e.ATRIUM_DATABASE_URL ?? null,
    dev: e.NODE_ENV !== 'production',
    shards: e.ATRIUM_SHARDS,
    reviewShards: e.ATRIUM_REVIEW_SHARDS,
    warmSessions: e.ATRIUM_WARM_SESSIONS,
    sessionsPerUser: e.ATRIUM_SESSIONS_PER_USER,
    sessionOpensPerMinute: e.ATRIUM_SESSION_OPENS_PER_MINUTE,
    admin: e.ATRIUM_ADMIN_EMAIL && e.ATRIUM_ADMIN_PASSWORD ? { email: e.ATRIUM_ADMIN_EMAIL, password: e.ATRIUM_ADMIN_PASSWORD } : null,
    seedDemo: e.ATRIUM_SEED_DEMO === 'true',
    publicOrigin: e.ATRIUM_PUBLIC_ORIGIN ? new URL(e.ATRIUM_PUBLIC_ORIGIN).origin : null,
    review: {
      restrictedCategories: e.ATRIUM_RESTRICTED_CATEGORIES ?? defaultReviewPolicy.restrictedCategories,
      bannedTerms: e.ATRIUM_BANNED_TERMS ?? defaultReviewPolicy.bannedTerms,
    },
    feeBps: e.ATRIUM_PLATFORM_FEE_BPS,
    trustedProxies: e.ATRIUM_TRUSTED_PROXIES,
    attributionDays: e.ATRIUM_ATTRIBUTION_DAYS,
  };
}
