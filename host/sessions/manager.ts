import type { Kysely } from 'kysely';
import { AtriumError, scopes, type ErrorBody, type HostImplementation, type Json, type Scope, type ShellEvent } from '../../sdk/contract/index.ts';
import { createDispatcher, type OpenOptions, type Runtime, type Session, type Snapshot, type ViewUpdate, type WarmSpec } from '../../runtime/index.ts';
import type { BridgeContext } from '../bridge/context.ts';
import type { Bus } from '../realtime/index.ts';
import { newId, now } from '../db/index.ts';
import type { AppsService, RunnableVersion } from '../modules/apps/index.ts';
import type { Consents } from './consents.ts';
import { endedError, runtimeError } from './ended.ts';
import { LiveSessions } from './live-sessions.ts';
import { createOpenLimits, defaultOpenLimits } from './open-limits.ts';
import { sessionTopic, type ShellMessage } from './messages.ts';
import type { SessionsTables } from './migrations.ts';
import type { Prompts, ShellAnswer } from './prompts.ts';

export interface SessionManagerDeps {
  db: Kysely<SessionsTables>;
  runtime: Runtime;
  apps: AppsService;
  bus: Bus;
  prompts: Prompts;
  consents: Consents;
  /** The host API, or how to get it once it is assembled (after every module has started). */
  implementation: HostImplementation<BridgeContext> | (() => HostImplementation<BridgeContext>);
  openid(appId: string, userId: string): string;
  /** Where program logs go (the merchant's log). */
  log?(appId: string, level: string, text: string): void;
  /** Sessions idle this long are snapshotted and closed; the next event brings them back. */
  idleMs?: number;
  /**
   * Sessions of each version kept evaluated ahead once someone opened it (0 or unset: none). A
   * version nobody opened for `idleMs` stops being kept warm, and at most `warmVersions` are.
   */
  warmSessions?: number;
  warmVersions?: number;
  /**
   * Live sessions one user may have at once (default 6), and may open per minute (default 20):
   * beyond them opening answers quota_exceeded or rate_limited. A session brought back from its
   * snapshot by the user's next event is not refused.
   */
  sessionsPerUser?: number;
  opensPerMinute?: number;
}

interface Live {
  session: Session;
  userId: string;
  version: RunnableVersion;
  lastActive: number;
  /** How it was opened, as the host checked it; kept with its snapshot. */
  scene: Json | null;
}

/** What the shell gets when it opens an app: the session and its first frame. */
export interface Opened {
  sessionId: string;
  /** `versionId` addresses the version's assets: /api/versions/<versionId>/assets/... */
  app: { id: string; name: string; version: string; versionId: string; tabBar: { page: string; text: string }[]; background: string | null };
  frame: ViewUpdate;
}

/**
 * Live mini-program sessions: each is one user's running instance of the version they should see.
 * Calls from the program go through one dispatcher with the user's context; view changes and
 * host-drawn UI go out on the session's bus topic; idle sessions are snapshotted to the database
 * and rehydrated on their next event.
 */
export function createSessionManager(deps: SessionManagerDeps) {
  const { db, runtime, apps, bus, prompts, consents } = deps;
  const live = new LiveSessions<Live>();
  /** Opens under way per user, not yet live. */
  const opening = new Map<string, number>();
  const openLimits = createOpenLimits({
    sessionsPerUser: deps.sessionsPerUser ?? defaultOpenLimits.sessionsPerUser,
    opensPerMinute: deps.opensPerMinute ?? defaultOpenLimits.opensPerMinute,
  });
  // Why recently ended sessions ended, so a shell that sends one more event hears the reason
  // rather than "not found". Bounded: the oldest are forgotten first.
  const endedReasons = new Map<string, { userId: string; reason: ErrorBody }>();
  const rememberEnd = (sessionId: string, userId: string, reason: ErrorBody) => {
    endedReasons.set(sessionId, { userId, reason });
    if (endedReasons.size > 10_000) endedReasons.delete(endedReasons.keys().next().value!);
  };
  /** What the shell of a session hears; a bus that cannot take it loses a frame, not the session. */
  const publish = (sessionId: string, m: ShellMessage): Promise<void> =>
    bus.publish<ShellMessage>(sessionTopic(sessionId), m).then(
      () => {},
      (e: unknown) => deps.log?.('', 'warn', `could not tell session ${sessionId}'s shell (${m.kind}): ${(e as Error).message}`),
    );
  /**
   * The shell hears why its session ended (when someone is there to hear it), and the session's topic
   * goes: nobody can need its messages any more, and a topic kept for every ended session would
   * hold up to 200 messages each for the life of the process.
   */
  async function tellEnded(sessionId: string, reason: ErrorBody, tell = true): Promise<void> {
    prompts.cancelAll(sessionId);
    if (tell) await publish(sessionId, { kind: 'ended', reason });
    await bus.drop(sessionTopic(sessionId)).catch(() => {});
  }
  const idleMs = deps.idleMs ?? 10 * 60_000;

  // Versions opened lately, least recently opened first (a Map keeps insertion order).
  const warming = new Map<string, { appId: string; spec: WarmSpec; lastOpened: number }>();
  const specOf = (version: RunnableVersion): WarmSpec => ({
    merchantId: version.merchantId,
    appId: version.appId,
    bundle: version.bundle,
    pages: { pages: version.manifest.pages, tabs: version.manifest.tabBar?.items.map((i) => i.page) ?? [] },
  });

  /** After an open: the next user of this version should find sessions of it ready. */
  function keepWarm(version: RunnableVersion): void {
    const count = deps.warmSessions ?? 0;
    if (count <= 0) return;
    const known = warming.get(version.versionId);
    const spec = known?.spec ?? specOf(version);
    warming.delete(version.versionId);
    warming.set(version.versionId, { appId: version.appId, spec, lastOpened: Date.now() });
    if (!known) {
      void runtime.warm(spec, count).catch((e) => deps.log?.(version.appId, 'warn', `could not prepare sessions ahead: ${(e as Error).message}`));
    }
    const max = deps.warmVersions ?? 50;
    for (const versionId of warming.keys()) {
      if (warming.size <= max) break;
      stopWarming(versionId);
    }
  }

  function stopWarming(versionId: string): void {
    const w = warming.get(versionId);
    if (!w) return;
    warming.delete(versionId);
    void runtime.warm(w.spec, 0).catch(() => {});
  }

  function consentFor(version: RunnableVersion, userId: string, sessionId: string) {
    return async (scope: Scope): Promise<boolean> => {
      const decided = await consents.decision(userId, version.appId, scope);
      if (decided !== null) return decided;
      const granted = await prompts.ask(sessionId, {
        kind: 'consent',
        scope,
        title: scopes[scope].title,
        reason: version.manifest.permissions[scope]?.reason ?? '',
        appName: version.manifest.name,
      });
      await consents.record(userId, version.appId, scope, granted);
      return granted;
    };
  }

  async function start(userId: string, version: RunnableVersion, sessionId: string, how: Pick<OpenOptions, 'route' | 'query' | 'scene' | 'snapshot' | 'seq'> & { verified?: boolean }): Promise<Live> {
    const ctx: BridgeContext = {
      sessionId,
      appId: version.appId,
      appName: version.manifest.name,
      merchantId: version.merchantId,
      userId,
      openid: deps.openid(version.appId, userId),
      versionId: version.versionId,
      scene: how.verified ? (how.scene ?? null) : null,
      networkDomains: version.manifest.network.domains,
    };
    const dispatch = createDispatcher<BridgeContext>({
      implementation: typeof deps.implementation === 'function' ? deps.implementation() : deps.implementation,
      permissions: version.manifest.permissions,
      consent: consentFor(version, userId, sessionId),
    });
    const session = await runtime
      .open({
        sessionId,
        ...specOf(version),
        ...how,
        onCall: (call) => dispatch(call, ctx),
        listener: {
          update: (update) => void publish(sessionId, { kind: 'frame', update }),
          log: (level, text) => deps.log?.(version.appId, level, text),
          ended: (reason) => void ended(sessionId, reason).catch((e) => deps.log?.(version.appId, 'error', `ending the session failed: ${(e as Error).message}`)),
          // The program was told what it lost; the user only needs to hear when something they
          // started (a payment, a dialog's answer) may not have reached it.
          restored: (lost) => {
            if (lost.calls.length) void publish(sessionId, { kind: 'toast', title: 'This mini-program restarted. Check that your last action went through.', icon: 'none', durationMs: 4000 });
          },
        },
      })
      .catch((e: unknown) => {
        throw runtimeError(e);
      });
    const entry: Live = { session, userId, version, lastActive: Date.now(), scene: ctx.scene };
    live.set(sessionId, entry);
    return entry;
  }

  async function ended(sessionId: string, reason: ErrorBody): Promise<void> {
    const entry = live.get(sessionId);
    if (!entry) return;
    live.delete(sessionId);
    // Its next request hears why it ended (410), not "not found".
    rememberEnd(sessionId, entry.userId, reason);
    // A session the user closed, or the runtime stopping, has no one to tell.
    await tellEnded(sessionId, reason, reason.code !== 'session_ended');
    await db.deleteFrom('sessions_snapshots').where('session_id', '=', sessionId).execute();
  }

  /** The current frame: as the changes from frame `since` when the shell has that one and they are known, else whole. */
  function frameOf(s: Session, since?: number): ViewUpdate {
    const head = { seq: s.seq, route: s.route, title: s.title, stack: s.stack };
    const patches = since === undefined ? null : s.changesSince(since);
    return patches ? { ...head, base: since, patches } : { ...head, view: s.view ?? undefined };
  }

  /**
   * Opens a program for a user. `scene` reaches the program's onLaunch; only a scene the host
   * checked (`verified`: a QR scan, a shared card) is what host APIs like qr.getScene answer from.
   */
  async function open(userId: string, appId: string, opts: { route?: string; query?: Record<string, string>; scene?: Json; verified?: boolean } = {}): Promise<Opened> {
    const version = await apps.runnable(appId, userId);
    if (opts.route && !version.manifest.pages.includes(opts.route)) throw new AtriumError('not_found', `no page "${opts.route}"`);
    // Opens still starting count too, or a burst sent at once would all pass the cap.
    openLimits.admit(userId, live.countOf(userId) + (opening.get(userId) ?? 0));
    opening.set(userId, (opening.get(userId) ?? 0) + 1);
    const sessionId = newId();
    let entry: Live;
    try {
      entry = await start(userId, version, sessionId, opts);
    } finally {
      const n = opening.get(userId)! - 1;
      if (n > 0) opening.set(userId, n);
      else opening.delete(userId);
    }
    keepWarm(version);
    return {
      sessionId,
      app: {
        id: appId,
        name: version.manifest.name,
        version: version.version,
        versionId: version.versionId,
        tabBar: version.manifest.tabBar?.items ?? [],
        background: version.manifest.window?.background ?? null,
      },
      frame: frameOf(entry.session),
    };
  }

  /** Sessions being brought back from their snapshots: every request meanwhile waits for that one start. */
  const reviving = new Map<string, Promise<Live>>();

  /** The user's live session, brought back from its snapshot if it was evicted. Others' are "not found". */
  async function get(userId: string, sessionId: string): Promise<Live> {
    const entry = live.get(sessionId);
    if (entry) {
      if (entry.userId !== userId) throw new AtriumError('not_found', 'no such session');
      entry.lastActive = Date.now();
      return entry;
    }
    // Two requests at once on an evicted session would each start it, and the first guest would
    // be left running on a shard with nothing pointing at it.
    let started = reviving.get(sessionId);
    if (!started) {
      started = revive(userId, sessionId).finally(() => reviving.delete(sessionId));
      reviving.set(sessionId, started);
    }
    const revived = await started;
    if (revived.userId !== userId) throw new AtriumError('not_found', 'no such session');
    return revived;
  }

  async function revive(userId: string, sessionId: string): Promise<Live> {
    const row = await db.selectFrom('sessions_snapshots').where('session_id', '=', sessionId).selectAll().executeTakeFirst();
    if (!row || row.user_id !== userId) {
      const gone = endedReasons.get(sessionId);
      if (gone && gone.userId === userId) throw endedError(gone.reason);
      throw new AtriumError('not_found', 'no such session');
    }
    // A user keeps their version until they reopen, whatever was released since.
    const version = await apps.runningVersion(row.app_id, row.version_id);
    return start(userId, version, sessionId, { snapshot: JSON.parse(row.snapshot) as Snapshot, seq: Number(row.seq), ...(row.scene === null ? {} : { scene: JSON.parse(row.scene) as Json, verified: true }) });
  }

  /**
   * Sends a user's event and answers with the frame after it. A shell that says which frame it
   * has (`since`) gets the changes from there, a few hundred bytes instead of the whole view.
   */
  async function event(userId: string, sessionId: string, ev: ShellEvent, since?: number): Promise<ViewUpdate> {
    const entry = await get(userId, sessionId);
    try {
      await entry.session.event(ev);
    } catch (e) {
      // Stopped on the way (a bound, the watchdog): the session's own reason is the answer.
      throw entry.session.ended ? endedError(entry.session.ended) : runtimeError(e);
    }
    if (entry.session.ended) throw endedError(entry.session.ended);
    return frameOf(entry.session, since);
  }

  /** The current whole frame, for a shell that (re)connects. */
  async function frame(userId: string, sessionId: string): Promise<ViewUpdate> {
    return frameOf((await get(userId, sessionId)).session);
  }

  async function answer(userId: string, sessionId: string, promptId: string, value: ShellAnswer): Promise<void> {
    await get(userId, sessionId);
    prompts.answer(sessionId, promptId, value);
  }

  async function close(userId: string, sessionId: string): Promise<void> {
    const entry = await get(userId, sessionId);
    await entry.session.close();
    await ended(sessionId, { code: 'session_ended', message: 'closed' });
  }

  /** Snapshots and closes sessions idle for longer than `idleMs`; returns how many. */
  async function evictIdle(at = Date.now()): Promise<number> {
    for (const [versionId, w] of warming) if (at - w.lastOpened >= idleMs) stopWarming(versionId);
    let n = 0;
    for (const [sessionId, entry] of live) {
      if (at - entry.lastActive < idleMs || entry.session.inFlight > 0) continue;
      if (await suspend(sessionId, entry)) n++;
    }
    return n;
  }

  /** Writes a session's snapshot and closes it; its next event brings it back, on any node. */
  async function suspend(sessionId: string, entry: Live): Promise<boolean> {
    const snapshot = await entry.session.takeSnapshot().catch(() => entry.session.snapshot);
    if (!snapshot) return false;
    const row = { user_id: entry.userId, app_id: entry.version.appId, version_id: entry.version.versionId, snapshot: JSON.stringify(snapshot), seq: entry.session.seq, scene: entry.scene === null ? null : JSON.stringify(entry.scene), updated_at: now() };
    await db
      .insertInto('sessions_snapshots')
      .values({ session_id: sessionId, ...row })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(row))
      .execute();
    live.delete(sessionId);
    await entry.session.close();
    return true;
  }

  /** Before the host stops: every live session is snapshotted, so users carry on after a restart. */
  async function suspendAll(): Promise<void> {
    for (const [sessionId, entry] of [...live]) await suspend(sessionId, entry).catch(() => live.delete(sessionId));
  }

  /**
   * Ends every session of an app (it was suspended): each user sees `reason` in place of the
   * program, and no snapshot is kept to bring them back.
   */
  async function endApp(appId: string, reason: ErrorBody): Promise<number> {
    for (const [versionId, w] of warming) if (w.appId === appId) stopWarming(versionId);
    let n = 0;
    for (const [sessionId, entry] of [...live]) {
      if (entry.version.appId !== appId) continue;
      live.delete(sessionId);
      rememberEnd(sessionId, entry.userId, reason);
      await tellEnded(sessionId, reason);
      await entry.session.close().catch(() => {});
      n++;
    }
    await db.deleteFrom('sessions_snapshots').where('app_id', '=', appId).execute();
    return n;
  }

  /** Ends every session of a user (their account is being erased); no snapshot is kept. */
  async function endUser(userId: string): Promise<void> {
    const reason: ErrorBody = { code: 'session_ended', message: 'the account was erased' };
    for (const [sessionId, entry] of [...live]) {
      if (entry.userId !== userId) continue;
      live.delete(sessionId);
      await tellEnded(sessionId, reason);
      await entry.session.close().catch(() => {});
    }
    await db.deleteFrom('sessions_snapshots').where('user_id', '=', userId).execute();
  }

  /** Prompts the user has not answered yet, for a shell that connects afresh. */
  async function openPrompts(userId: string, sessionId: string) {
    await get(userId, sessionId);
    return prompts.open(sessionId);
  }

  return {
    open,
    event,
    frame,
    answer,
    openPrompts,
    close,
    evictIdle,
    suspendAll,
    endApp,
    endUser,
    liveCount: () => live.size,
    /** Versions being kept warm, least recently opened first. */
    warmVersions: () => [...warming.keys()],
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
