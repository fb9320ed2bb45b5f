/**
 * The parts of the host's answers the CLI reads (host/modules/apps/views.ts and checks/types.ts
 * hold the full shapes). Declared here so the SDK imports nothing of the host; views.test.ts
 * fails to compile if the host's shapes stop fitting these.
 */

export interface Finding {
  severity: 'error' | 'warning';
  message: string;
  page?: string;
  scope?: string;
}

export interface CheckResult {
  id: string;
  title: string;
  outcome: 'passed' | 'failed' | 'skipped';
  summary: string;
  findings: Finding[];
}

export interface ReleaseState {
  version: string;
  gray: { version: string; percent: number } | null;
  releasedAt: string;
}

export interface AppView {
  id: string;
  name: string;
  category: string;
  status: 'active' | 'suspended';
  suspendedReason: string | null;
  release: ReleaseState | null;
  inReview: string | null;
}

export interface VersionView {
  id: string;
  version: string;
  status: 'in_review' | 'approved' | 'rejected' | 'withdrawn';
  releaseNotes: string;
  checks: CheckResult[];
  submittedAt: string;
  decidedAt: string | null;
  reviewSeconds: number | null;
  reasons: { page?: string; scope?: string; message: string }[];
  live: 'full' | 'gray' | null;
  grayPercent: number | null;
}
