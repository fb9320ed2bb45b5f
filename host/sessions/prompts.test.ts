import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../realtime/index.ts';
import type { ShellMessage } from './messages.ts';
import { createPrompts } from './prompts.ts';

describe('host-drawn prompts', () => {
  const bus = createMemoryBus();
  afterAll(() => bus.close());
  const templates = [
    { id: 'order-shipped', title: 'Order shipped' },
    { id: 'restock', title: 'Back in stock' },
  ];
  /** The prompt the shell of `sessionId` is shown, once asked. */
  async function shown(sessionId: string): Promise<{ first: Promise<Extract<ShellMessage, { promptId: string }>> }> {
    let heard!: (m: Extract<ShellMessage, { promptId: string }>) => void;
    const first = new Promise<Extract<ShellMessage, { promptId: string }>>((r) => (heard = r));
    await bus.subscribe<ShellMessage>(`session:${sessionId}`, null, (m) => {
      if (m.data.kind !== 'prompt-closed' && 'promptId' in m.data) heard(m.data);
    });
    return { first };
  }

  it('resolves a subscription prompt with the templates the user accepted, in the prompt\'s order', async () => {
    const prompts = createPrompts(bus);
    const { first: message } = await shown('s1');
    const answer = prompts.ask('s1', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates });
    const m = await message;
    expect(m).toMatchObject({ kind: 'subscribe', appName: 'Tea House', templates });
    prompts.answer('s1', m.promptId, { accept: ['restock'] });
    expect(await answer).toEqual({ accept: ['restock'] });
  });

  it('takes yes or no for every template of a subscription prompt, from a shell that draws it as a dialog', async () => {
    const prompts = createPrompts(bus);
    const { first: yes } = await shown('s2');
    const all = prompts.ask('s2', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates });
    prompts.answer('s2', (await yes).promptId, true);
    expect(await all).toEqual({ accept: ['order-shipped', 'restock'] });
    const { first: no } = await shown('s3');
    const none = prompts.ask('s3', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates });
    prompts.answer('s3', (await no).promptId, false);
    expect(await none).toEqual({ accept: [] });
  });

  it('refuses an answer that does not fit its prompt, and keeps the prompt waiting', async () => {
    const prompts = createPrompts(bus);
    const { first: message } = await shown('s4');
    const answer = prompts.ask('s4', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates });
    const { promptId } = await message;
    expect(() => prompts.answer('s4', promptId, { accept: ['restock', 'spam'] })).toThrow(expect.objectContaining({ code: 'invalid_args', message: expect.stringMatching(/"spam"/) }));
    expect(prompts.open('s4')).toHaveLength(1);
    prompts.answer('s4', promptId, { accept: ['order-shipped'] });
    expect(await answer).toEqual({ accept: ['order-shipped'] });

    const { first: modal } = await shown('s5');
    const confirm = prompts.ask('s5', { kind: 'modal', title: 'Sure?', showCancel: true });
    const id = (await modal).promptId;
    expect(() => prompts.answer('s5', id, { accept: [] })).toThrow(expect.objectContaining({ code: 'invalid_args' }));
    prompts.answer('s5', id, true);
    expect(await confirm).toBe(true);
  });

  it('accepts nothing when a subscription prompt goes unanswered or its session ends', async () => {
    const prompts = createPrompts(bus, 20);
    expect(await prompts.ask('s6', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates })).toEqual({ accept: [] });
    const slow = createPrompts(bus);
    const waiting = slow.ask('s7', { kind: 'subscribe', appId: 'shop', appName: 'Tea House', templates });
    slow.cancelAll('s7');
    expect(await waiting).toEqual({ accept: [] });
  });
});
