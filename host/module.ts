/**
 * The one plug every part of the host fits: a domain module (host/modules/*) or a flow that spans
 * modules (host/flows/*) is a name, its migrations and a `start` that returns its service and
 * what it adds to the host (routes, host API namespaces, timers, a way to stop). platform.ts
 * starts a list of them, in order; adding one is a folder and a line there.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Runtime } from '../runtime/index.ts';
import type { HostApi } from './bridge/index.ts';
import type { Config } from './config.ts';
import type { Db, ModuleMigrations } from './db/index.ts';
import type { AppEnv } from './http/index.ts';
import type { Bus, TopicLog } from './realtime/index.ts';

/**
 * Each started module's service, by the module's name. A module adds its own entry where it is
 * declared (`declare module '../../module.ts' { interface ModuleServices { payments: Payments } }`),
 * so `host.get('payments')` is typed without a list kept here.
 */
export interface ModuleServices {}

export type ModuleName = keyof ModuleServices & string;

/** What the host gives every module when it starts. */
export interface ModuleHost {
  config: Config;
  db: Db<any>;
  log(line: string): void;
  /** Fan-out to shells and other nodes. */
  bus: Bus;
  /** Durable, sequenced topics for what must not be lost. */
  topics: TopicLog;
  /** The sandbox running users' sessions. */
  runtime: Runtime;
  /** The sandbox running submission checks, apart from users' sessions. */
  reviewRuntime: Runtime;
  /**
   * A module started before this one, at start; any module, once start-up is over (from a route
   * or a timer). Asking for one that has not started is a wiring mistake and throws at once.
   */
  get<K extends ModuleName>(name: K): ModuleServices[K];
  /** The host API programs call, assembled from every module's namespaces once all have started. */
  hostApi(): HostApi;
}

/** Work on a clock, run by the host with its failures logged; stopped when the host stops. */
export interface ModuleTimer {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
  /** Also once at start (work that fell due while the host was down). */
  atStart?: boolean;
}

/** What a module adds to the host once started. */
export interface Started<S> {
  service: S;
  /** Mounted at the root; their paths start with /api/. */
  routes?: OpenAPIHono<AppEnv>[];
  /** The host API namespaces it serves to programs. */
  bridge?: Partial<HostApi>;
  /** Routes that take bodies over the host's 1 MiB (an upload), each with its own cap. */
  largeBodies?: { path: RegExp; maxBytes: number }[];
  timers?: ModuleTimer[];
  /** Called when the host stops, in the reverse order of starting. */
  close?(): Promise<void>;
}

export interface HostModule<N extends string = string, S = unknown> {
  name: N;
  /** Its tables' migrations (a flow has none). */
  migrations?: ModuleMigrations;
  start(host: ModuleHost): Promise<Started<S>> | Started<S>;
}

/** Declares a module, keeping its name's literal type. */
export function defineModule<const N extends string, S>(m: HostModule<N, S>): HostModule<N, S> {
  return m;
}
