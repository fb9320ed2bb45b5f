import type { Kysely, Transaction } from 'kysely';
import { AtriumError, type SubscriptionTemplate } from '../../../sdk/contract/index.ts';
import { sortableId } from '../../db/index.ts';
import { earlierAnswer, onceByKey, type IdempotencyClaim } from '../../http/index.ts';
import type { Emit, TopicLog } from '../../realtime/index.ts';
import type { AppsService, Lifecycle } from '../apps/index.ts';
import type { Messaging } from '../messaging/index.ts';
import { checkFields, noticeFields } from './fields.ts';
import type { Grants } from './grants.ts';
import type { SendInput } from './schemas.ts';
import type { SubscriptionsTables } from './tables.ts';
import type { SentMessage } from './views.ts';

export interface SenderDeps {
  db: Kysely<SubscriptionsTables>;
  topics: TopicLog;
  apps: Pick<AppsService, 'runnable'>;
  lifecycle: Pick<Lifecycle, 'app'>;
  notices: Messaging['notices'];
  grants: Grants;
  clock?: () => Date;
}

/** Who sends: a merchant, or its backend with one app's secret (then only that app). */
export interface Sender {
  merchantId: string;
  appId?: string;
}

const IDEMPOTENCY = 'sub_idempotency';

/**
 * Sending a subscription message: checked against the template the user's version of the app
 * declares, one unused grant used, the notice posted to the user's service notifications, all in
 * one transaction with the Idempotency-Key's claim and answer.
 */
export function createSender(deps: SenderDeps) {
  const clock = deps.clock ?? (() => new Date());

  async function send(who: Sender, appId: string, input: SendInput, claim?: IdempotencyClaim): Promise<{ replayed: boolean; result: { message: SentMessage } }> {
    // Another merchant's app, or another app than the secret's, is no app at all.
    if (who.appId !== undefined && who.appId !== appId) throw new AtriumError('not_found', `No app "${appId}" among yours.`);
    await deps.lifecycle.app({ kind: 'merchant', id: who.merchantId }, appId);
    if (claim) {
      const earlier = await earlierAnswer<{ message: SentMessage }>(deps.db, IDEMPOTENCY, claim);
      if (earlier) return { replayed: true, result: earlier };
    }
    const released = await deps.apps.runnable(appId);
    const userId = await deps.grants.userOf(appId, input.openid);
    // The user's own version (a gray release may differ): the one the notice opens.
    const version = userId ? await deps.apps.runnable(appId, userId) : released;
    const template = templateOf(version.manifest.subscriptions?.templates ?? [], input.templateId, version.version);
    const values = checkFields(template, input.fields);
    if (!version.manifest.pages.includes(input.page)) {
      throw new AtriumError('invalid_args', `page: version ${version.version} has no page "${input.page}"; its pages are ${version.manifest.pages.join(', ')}.`);
    }
    if (!userId) throw new AtriumError('no_grant', `The user has no unused subscription to "${input.templateId}": they have not accepted it.`);

    const work = async (trx: Transaction<any>, emit: Emit): Promise<{ message: SentMessage }> => {
      const sendId = `sm_${sortableId()}`;
      const grant = await deps.grants.use(trx, { appId, openid: input.openid, templateId: template.id, sendId });
      const query = input.query ?? {};
      const posted = await deps.notices.deliver(trx, emit, userId, {
        appId,
        appName: version.manifest.name,
        templateId: template.id,
        title: grant.title,
        fields: noticeFields(template, values),
        page: input.page,
        query,
      });
      const sentAt = clock().toISOString();
      await (trx as Transaction<SubscriptionsTables>)
        .insertInto('sub_sends')
        .values({ id: sendId, app_id: appId, merchant_id: who.merchantId, user_id: userId, openid: input.openid, template_id: template.id, grant_id: grant.id, page: input.page, conversation_id: posted.conversationId, message_id: posted.id, created_at: sentAt })
        .execute();
      return { message: { id: sendId, appId, openid: input.openid, templateId: template.id, page: input.page, sentAt } };
    };
    // The topic log's own transaction (not one joined), so the user's inbox hears the notice once it commits.
    return deps.topics.write(async (trx, emit) => (claim ? onceByKey(trx, IDEMPOTENCY, claim, () => work(trx, emit)) : { replayed: false, result: await work(trx, emit) }));
  }

  return { send };
}

function templateOf(templates: SubscriptionTemplate[], id: string, version: string): SubscriptionTemplate {
  const t = templates.find((x) => x.id === id);
  if (t) return t;
  const declared = templates.length ? `it declares ${templates.map((x) => `"${x.id}"`).join(', ')}` : 'it declares none';
  throw new AtriumError('invalid_args', `templateId: version ${version} of the app declares no template "${id}"; ${declared}.`);
}

export type SubscriptionSender = ReturnType<typeof createSender>;
