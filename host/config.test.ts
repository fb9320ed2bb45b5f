import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReviewPolicy, loadConfig } from './config.ts';

describe('the host configuration', () => {
  it('runs on SQLite under ./data on port 3000 when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, hostname: '127.0.0.1', dataDir: resolve('./data'), databaseUrl: null, dev: true, shards: 2, admin: null, seedDemo: true, publicOrigin: null });
  });

  it('uses PostgreSQL when given a postgres URL', () => {
    expect(loadConfig({ ATRIUM_DATABASE_URL: 'postgres://u@db:5432/atrium' }).databaseUrl).toBe('postgres://u@db:5432/atrium');
  });

  it('refuses a database URL that is not PostgreSQL, naming the variable', () => {
    expect(() => loadConfig({ ATRIUM_DATABASE_URL: 'mysql://db/atrium' })).toThrow(/ATRIUM_DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('believes no X-Forwarded-For unless told how many proxies stand in front', () => {
    expect(loadConfig({}).trustedProxies).toBe(0);
    expect(loadConfig({ ATRIUM_TRUSTED_PROXIES: '1' }).trustedProxies).toBe(1);
    expect(() => loadConfig({ ATRIUM_TRUSTED_PROXIES: 'all' })).toThrow(/ATRIUM_TRUSTED_PROXIES/);
  });

  it('takes the first admin only with both email and password', () => {
    expect(() => loadConfig({ ATRIUM_ADMIN_EMAIL: 'root@example.com' })).toThrow(/go together/);
    expect(loadConfig({ ATRIUM_ADMIN_EMAIL: 'root@example.com', ATRIUM_ADMIN_PASSWORD: 'a long password' }).admin).toEqual({ email: 'root@example.com', password: 'a long password' });
  });

  it('is production only when NODE_ENV says so', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).dev).toBe(false);
  });

  it('takes a public origin, and refuses one with a path', () => {
    expect(loadConfig({ ATRIUM_PUBLIC_ORIGIN: 'https://atrium.example.com/' }).publicOrigin).toBe('https://atrium.example.com');
    expect(() => loadConfig({ ATRIUM_PUBLIC_ORIGIN: 'https://atrium.example.com/app' })).toThrow(/an origin only/);
    expect(() => loadConfig({ ATRIUM_PUBLIC_ORIGIN: 'javascript:alert(1)' })).toThrow(/ATRIUM_PUBLIC_ORIGIN/);
  });

  it('reads the review policy as comma lists, and keeps the defaults when unset', () => {
    expect(loadConfig({}).review).toEqual(defaultReviewPolicy);
    expect(loadConfig({ ATRIUM_RESTRICTED_CATEGORIES: 'Gambling, crypto ,', ATRIUM_BANNED_TERMS: 'Miracle Cure' }).review).toEqual({
      restrictedCategories: ['gambling', 'crypto'],
      bannedTerms: ['miracle cure'],
    });
  });

  it('caps the sessions one user holds and opens, 6 and 20 a minute unless told', () => {
    expect(loadConfig({})).toMatchObject({ sessionsPerUser: 6, sessionOpensPerMinute: 20 });
    expect(loadConfig({ ATRIUM_SESSIONS_PER_USER: '3', ATRIUM_SESSION_OPENS_PER_MINUTE: '9' })).toMatchObject({ sessionsPerUser: 3, sessionOpensPerMinute: 9 });
    expect(() => loadConfig({ ATRIUM_SESSIONS_PER_USER: '0' })).toThrow(/ATRIUM_SESSIONS_PER_USER/);
  });

  it('gives the submission checks one shard of their own unless told more', () => {
    expect(loadConfig({}).reviewShards).toBe(1);
    expect(loadConfig({ ATRIUM_REVIEW_SHARDS: '2' }).reviewShards).toBe(2);
    expect(() => loadConfig({ ATRIUM_REVIEW_SHARDS: '0' })).toThrow(/ATRIUM_REVIEW_SHARDS/);
  });
});
