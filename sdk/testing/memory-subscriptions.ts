import { requestedTemplates, type HostImplementation, type Manifest } from '../contract/index.ts';

/** How the user answers subscription prompts in tests: accept all, reject all, or per template (unnamed ones rejected). */
export type SubscribeAnswer = 'accept' | 'reject' | Record<string, 'accept' | 'reject'>;

/** What the in-memory host keeps of subscriptions, as the real host does. */
export interface SubscriptionsState {
  /** Every prompt the program raised: the templates named and what the user answered. */
  prompts: { templateIds: string[]; titles: string[]; results: Record<string, 'accept' | 'reject'> }[];
  /** Unused grants by template id: one per acceptance, the sends the merchant may make. */
  grants: Record<string, number>;
}

/**
 * `subscribe` in memory, by the host's rules: only templates the manifest declares (others are
 * `invalid_args`), the user's answer from `ask`, one grant per acceptance. The runtime's
 * dispatcher applies the tap rule (`gesture_required`) before any of this, as in the host.
 */
export function memorySubscriptions(
  manifest: () => Manifest | undefined,
  ask: (templates: { id: string; title: string }[]) => Promise<string[]>,
): { state: SubscriptionsState; subscribe: HostImplementation<unknown>['subscribe'] } {
  const state: SubscriptionsState = { prompts: [], grants: {} };
  return {
    state,
    subscribe: {
      async requestSubscribe(_, a) {
        const templates = requestedTemplates(manifest()?.subscriptions?.templates, a.templateIds);
        const accepted = await ask(templates.map((t) => ({ id: t.id, title: t.title })));
        const results = Object.fromEntries(a.templateIds.map((id) => [id, accepted.includes(id) ? ('accept' as const) : ('reject' as const)]));
        for (const id of a.templateIds) if (results[id] === 'accept') state.grants[id] = (state.grants[id] ?? 0) + 1;
        state.prompts.push({ templateIds: [...a.templateIds], titles: templates.map((t) => t.title), results });
        return { results };
      },
    },
  };
}

/** The ids a configured answer accepts out of those offered. */
export function acceptedBy(answer: SubscribeAnswer | undefined, offered: { id: string }[]): string[] {
  if (answer === undefined || answer === 'accept') return offered.map((t) => t.id);
  if (answer === 'reject') return [];
  return offered.filter((t) => answer[t.id] === 'accept').map((t) => t.id);
}
