import { afterEach, describe, expect, it } from 'vitest';
import { openProgram, type ProgramTester } from '../../sdk/testing/index.ts';

const dir = new URL('.', import.meta.url).pathname;
let t: ProgramTester;
afterEach(() => t?.close());

describe('hello', () => {
  it('greets the world when opened without a name', async () => {
    t = await openProgram(dir);
    expect(t.text({ id: 'greeting' })).toBe('Hello, world!');
  });

  it('greets the name given in the query', async () => {
    t = await openProgram(dir, { query: { name: 'Ada' } });
    expect(t.text({ id: 'greeting' })).toBe('Hello, Ada!');
  });

  it('counts taps', async () => {
    t = await openProgram(dir);
    await t.tap('Tap me');
    await t.tap('Tap me');
    expect(t.text({ id: 'count' })).toBe('Tapped 2 times');
  });

  it('shows a host toast on the tenth tap', async () => {
    t = await openProgram(dir);
    for (let i = 0; i < 10; i++) await t.tap({ id: 'add' });
    expect(t.host.toasts).toEqual([{ title: 'Ten taps!', icon: 'success' }]);
  });
});
