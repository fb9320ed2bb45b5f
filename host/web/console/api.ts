/** The merchant API as the console calls it (see host/modules/apps/merchant.routes.ts). */
import type { AppView, ReleaseState, VersionView } from '../../modules/apps/browser.ts';
import { request, seg } from '../common/http.ts';

export type { AppView, ReleaseState, VersionView } from '../../modules/apps/browser.ts';

export interface NewApp {
  name: string;
  category: string;
  description: string;
  /** PNG, JPEG or WebP as base64, at most 256 KiB. */
  icon?: string;
}

/** Shown once, when an app is made or its secret replaced. */
export interface AppSecret {
  appId: string;
  appSecret: string;
}

const app = (appId: string) => `/api/merchant/apps/${seg(appId)}`;

export const merchantApi = {
  apps: () => request<{ apps: AppView[] }>('GET', '/api/merchant/apps').then((r) => r.apps),
  app: (appId: string) => request<{ app: AppView; versions: VersionView[] }>('GET', app(appId)),
  create: (input: NewApp) => request<{ app: AppView; secret: AppSecret }>('POST', '/api/merchant/apps', input),
  rotateSecret: (appId: string) => request<{ secret: AppSecret }>('POST', `${app(appId)}/secret`).then((r) => r.secret),
  withdraw: (appId: string, version: string) => request<{ version: VersionView }>('POST', `${app(appId)}/versions/${seg(version)}/withdraw`).then((r) => r.version),
  /** To everyone, or to `percent` of users (a gray release). */
  release: (appId: string, version: string, percent?: number) => request<{ release: ReleaseState }>('POST', `${app(appId)}/release`, percent === undefined ? { version } : { version, percent }).then((r) => r.release),
  /** Without a version: call off the gray release, or go back to the version before. */
  rollback: (appId: string, version?: string) => request<{ release: ReleaseState }>('POST', `${app(appId)}/rollback`, version === undefined ? {} : { version }).then((r) => r.release),
};
