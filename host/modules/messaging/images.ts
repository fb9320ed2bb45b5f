import { AtriumError } from '../../../sdk/contract/index.ts';
import { sortableId } from '../../db/index.ts';
import type { MsgContext } from './context.ts';
import type { PartyId } from './tables.ts';

/** The formats a chat image may be, told by their first bytes, never by what the sender claims. */
const formats: { mime: string; matches(b: Uint8Array): boolean }[] = [
  { mime: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { mime: 'image/webp', matches: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP' },
];

export function sniffImage(bytes: Uint8Array): string | null {
  return formats.find((f) => bytes.length >= 12 && f.matches(bytes))?.mime ?? null;
}

/**
 * Images sent in chats: stored by the host after their bytes prove them PNG, JPEG, GIF or WebP and
 * within the size cap, and served only to their uploader and to members of a conversation they
 * were sent in.
 */
export function createImages(ctx: MsgContext) {
  const { db } = ctx;

  async function upload(party: PartyId, bytes: Uint8Array): Promise<{ imageId: string; mime: string; size: number }> {
    if (bytes.length === 0) throw new AtriumError('invalid_request', 'The image is empty.');
    if (bytes.length > ctx.limits.imageBytes) throw new AtriumError('too_large', `An image is at most ${Math.floor(ctx.limits.imageBytes / 1024 / 1024)} MiB.`);
    const mime = sniffImage(bytes);
    if (!mime) throw new AtriumError('invalid_request', 'Only PNG, JPEG, GIF and WebP images can be sent.');
    const id = `img_${sortableId()}`;
    await db.insertInto('msg_images').values({ id, uploaded_by: party, mime, size: bytes.length, data: bytes, created_at: ctx.clock().toISOString() }).execute();
    return { imageId: id, mime, size: bytes.length };
  }

  async function read(party: PartyId, imageId: string): Promise<{ mime: string; data: Uint8Array }> {
    const img = await db.selectFrom('msg_images').selectAll().where('id', '=', imageId).executeTakeFirst();
    if (!img) throw new AtriumError('not_found', 'No such image.');
    if (img.uploaded_by !== party) {
      const seen = await db
        .selectFrom('msg_messages as m')
        .innerJoin('msg_members as me', (j) => j.onRef('me.conversation_id', '=', 'm.conversation_id').on('me.member_id', '=', party).on('me.left_at', 'is', null))
        .select('m.id')
        .where('m.sender_id', '=', img.uploaded_by)
        .where('m.body', 'like', `%"imageId":"${imageId}"%`)
        .where('m.removed_at', 'is', null)
        .whereRef('m.seq', '>', 'me.joined_seq')
        .executeTakeFirst();
      if (!seen) throw new AtriumError('not_found', 'No such image.');
    }
    return { mime: img.mime, data: new Uint8Array(img.data) };
  }

  return { upload, read };
}

export type Images = ReturnType<typeof createImages>;
