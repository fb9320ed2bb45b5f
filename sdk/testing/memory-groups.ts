import { AtriumError, type HostImplementation } from '../contract/index.ts';

/** A group of the program's merchant, as a test sets it up. */
export interface TestGroup {
  groupId: string;
  name: string;
  /** Anyone may join without an invite. */
  open?: boolean;
  /** Members besides the user. */
  memberCount?: number;
  /** The user is in it from the start, with this role. */
  role?: 'owner' | 'admin' | 'member';
  muted?: boolean;
}

/** What the in-memory groups hold: the user's role in each, and what they posted. */
export interface GroupsState {
  groups: Map<string, Omit<TestGroup, 'role'> & { role: NonNullable<TestGroup['role']> | null; sent: string[]; invites: string[] }>;
}

/**
 * `groups` in memory, following the host's rules: only the merchant's groups exist, joining a
 * closed one needs an invite the program was given, sending and inviting need membership.
 */
export function memoryGroups(initial: TestGroup[] = []): { state: GroupsState; groups: HostImplementation<unknown>['groups'] } {
  const state: GroupsState = { groups: new Map(initial.map((g) => [g.groupId, { ...g, role: g.role ?? null, sent: [], invites: [] }])) };
  const find = (groupId: string) => {
    const g = state.groups.get(groupId);
    if (!g) throw new AtriumError('not_found', `The merchant has no group "${groupId}".`);
    return g;
  };
  const member = (groupId: string) => {
    const g = find(groupId);
    if (!g.role) throw new AtriumError('forbidden', 'You are not in that group.');
    return g;
  };
  let codes = 0;
  return {
    state,
    groups: {
      async join(_, a) {
        const g = find(a.groupId);
        if (g.role) return { groupId: g.groupId, role: g.role };
        if (!g.open && !(a.inviteCode && g.invites.includes(a.inviteCode))) throw new AtriumError('forbidden', 'This group needs an invite to join.');
        g.role = 'member';
        return { groupId: g.groupId, role: g.role };
      },
      async leave(_, a) {
        const g = state.groups.get(a.groupId);
        if (g) g.role = null;
        return null;
      },
      async listMine() {
        const mine = [...state.groups.values()].filter((g) => g.role);
        return { groups: mine.map((g) => ({ groupId: g.groupId, name: g.name, role: g.role!, memberCount: (g.memberCount ?? 0) + 1, muted: g.muted ?? false })) };
      },
      async sendMessage(_, a) {
        const g = member(a.groupId);
        if (g.muted) throw new AtriumError('forbidden', 'You are muted in that group.');
        g.sent.push(a.text);
        return { messageId: `msg_test_${g.sent.length}`, sentAt: new Date().toISOString() };
      },
      async createInvite(_, a) {
        const g = member(a.groupId);
        const code = `invite${++codes}`;
        g.invites.push(code);
        return { inviteCode: code, url: `/join/${code}`, expiresAt: new Date(Date.now() + (a.expiresInHours ?? 168) * 3600_000).toISOString() };
      },
    },
  };
}
