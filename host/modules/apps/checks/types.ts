import type { Manifest } from '../../../../sdk/contract/index.ts';

/** One thing a check found. Errors refuse the submission; warnings go to the reviewer. */
export interface Finding {
  severity: 'error' | 'warning';
  message: string;
  /** The page it is about, when it is about one. */
  page?: string;
  /** The scope it is about, when it is about one. */
  scope?: string;
}

export type CheckId = 'manifest' | 'size' | 'sandbox' | 'scopes' | 'subscriptions' | 'category' | 'terms' | 'diff';

/** A check's outcome, stored with the version and shown to merchant and reviewer alike. */
export interface CheckResult {
  id: CheckId;
  title: string;
  /** passed: no errors; skipped: could not run because an earlier check failed. */
  outcome: 'passed' | 'failed' | 'skipped';
  /** What was checked, in a line: "3 pages rendered", "412 KiB of 2 MiB". */
  summary: string;
  findings: Finding[];
}

/** What changed against the version users had when this one was submitted. */
export interface VersionDiff {
  /** The version compared against; null for an app's first version. */
  against: string | null;
  pagesAdded: string[];
  pagesRemoved: string[];
  scopesAdded: string[];
  scopesRemoved: string[];
  domainsAdded: string[];
  domainsRemoved: string[];
  /** Bytes more (or fewer, negative) than the version compared against. */
  sizeDelta: number | null;
}

/** A version as submitted, before anything about it is trusted. */
export interface Submission {
  manifest: unknown;
  bundle: string;
  assets: { path: string; contentType: string; bytes: Uint8Array }[];
  releaseNotes: string;
}

/** What the checks need to know of the app and its history. */
export interface CheckContext {
  appId: string;
  merchantId: string;
  category: string;
  licensed: boolean;
  /** The version users get now (or the latest submitted, for an app never released). */
  previous: { version: string; manifest: Manifest; sizeBytes: number } | null;
}

export interface CheckReport {
  /** The manifest, when it is valid. */
  manifest: Manifest | null;
  sizeBytes: number;
  checks: CheckResult[];
  diff: VersionDiff | null;
  passed: boolean;
}
