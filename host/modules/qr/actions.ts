import type { Kysely } from 'kysely';
import type { CodeActions, QrTables } from './tables.ts';

/** What the actions of a code need from the rest of the host (messaging, for now). */
export interface ActionPorts {
  /** Puts the user in one of the merchant's customer groups, by its id or handle. */
  joinGroup(merchantId: string, group: string, userId: string): Promise<void>;
  /** The merchant's welcome in the user's service thread. */
  welcome(merchantId: string, userId: string, text: string): Promise<void>;
}

/**
 * What a code does for a person the first time they scan it: tag them as a lead, put them in a
 * group, have the merchant welcome them, credit the code's staff member. Each action runs once per
 * person and code (a row claims it first); one that fails is recorded and logged, and neither it
 * nor its neighbours hold up the scan.
 */
export function createActions(db: Kysely<QrTables>, clock: () => Date, ports: ActionPorts, log: (line: string) => void) {
  /** Runs `work` once for (code, user, action); a failure is kept beside the claim. */
  async function once(codeId: string, userId: string, action: string, work: () => Promise<void>): Promise<void> {
    const claimed = await db.insertInto('qr_actions_done').values({ code_id: codeId, user_id: userId, action, at: clock().toISOString(), error: null }).onConflict((oc) => oc.columns(['code_id', 'user_id', 'action']).doNothing()).returning('action').executeTakeFirst();
    if (!claimed) return;
    try {
      await work();
    } catch (e) {
      const message = (e as Error).message.slice(0, 300);
      log(`QR action ${action} for code ${codeId} failed: ${message}`);
      await db.updateTable('qr_actions_done').set({ error: message }).where('code_id', '=', codeId).where('user_id', '=', userId).where('action', '=', action).execute();
    }
  }

  async function run(code: { id: string; merchant_id: string; staff: string | null; actions: string }, userId: string): Promise<void> {
    const a = JSON.parse(code.actions) as CodeActions;
    const at = clock().toISOString();
    const jobs: Promise<void>[] = [];
    if (a.tags?.length) {
      jobs.push(once(code.id, userId, 'tags', async () => {
        await db.insertInto('qr_lead_tags').values(a.tags!.map((tag) => ({ merchant_id: code.merchant_id, user_id: userId, tag, code_id: code.id, at }))).onConflict((oc) => oc.columns(['merchant_id', 'user_id', 'tag']).doNothing()).execute();
      }));
    }
    if (a.group) jobs.push(once(code.id, userId, 'group', () => ports.joinGroup(code.merchant_id, a.group!, userId)));
    if (a.welcome) jobs.push(once(code.id, userId, 'welcome', () => ports.welcome(code.merchant_id, userId, a.welcome!)));
    if (a.assignStaff && code.staff) {
      // The first code that assigns a staff member keeps them; later codes do not take the person away.
      jobs.push(once(code.id, userId, 'staff', async () => {
        await db.updateTable('qr_touches').set({ staff: code.staff }).where('merchant_id', '=', code.merchant_id).where('user_id', '=', userId).where('staff', 'is', null).execute();
      }));
    }
    await Promise.all(jobs);
  }

  return { run };
}

export type Actions = ReturnType<typeof createActions>;
