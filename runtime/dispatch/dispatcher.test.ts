import { describe, expect, it } from 'vitest';
import { AtriumError } from '../../sdk/contract/index.ts';
import { createMemoryHost } from '../../sdk/testing/memory-host.ts';
import { createDispatcher } from './dispatcher.ts';

function setup(opts: { permissions?: Record<string, { reason: string }>; consent?: boolean; stubs?: Record<string, unknown> } = {}) {
  const host = createMemoryHost({}, (opts.stubs ?? {}) as never);
  const asked: string[] = [];
  const dispatch = createDispatcher<null>({
    implementation: host.implementation,
    permissions: (opts.permissions ?? {}) as never,
    consent: async (scope) => {
      asked.push(scope);
      return opts.consent ?? true;
    },
  });
  return { dispatch: (method: string, args?: unknown) => dispatch({ method, args }, null), host, asked };
}

describe('the dispatcher', () => {
  it('calls the host with validated arguments', async () => {
    const { dispatch, host } = setup();
    expect(await dispatch('storage.set', { key: 'k', value: { a: 1 } })).toEqual({ ok: true, data: null });
    expect(host.state.storage.get('k')).toEqual({ a: 1 });
  });

  it('refuses a method that is not in the contract', async () => {
    const { dispatch } = setup();
    expect(await dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('storage.__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('never lets the host serve a method the runtime owns', async () => {
    const { dispatch } = setup();
    expect(await dispatch('ui.navigateTo', { url: '/x' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses arguments outside the schema with a message naming the field', async () => {
    const { dispatch, host } = setup();
    const out = await dispatch('storage.set', { key: '', value: 1, extra: true });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(JSON.stringify(out)).toMatch(/key/);
    expect(host.state.storage.size).toBe(0);
  });

  it('refuses text holding a NUL, in a value or a key at any depth, before the host sees it', async () => {
    const { dispatch, host } = setup();
    const inValue = await dispatch('storage.set', { key: 'k', value: { cart: [{ note: 'gift\u0000' }] } });
    expect(inValue).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/value\.cart\.0\.note: .*NUL/) } });
    expect(await dispatch('storage.set', { key: 'k', value: { 'a\u0000b': 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(host.state.storage.size).toBe(0);
  });

  it('refuses a scoped method the manifest did not declare', async () => {
    const { dispatch } = setup();
    const out = await dispatch('payments.getOrder', { orderId: 'o1' });
    expect(out).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(JSON.stringify(out)).toMatch(/payments/);
  });

  it('asks for consent before a personal-data scope, and refuses when denied', async () => {
    const { dispatch, asked } = setup({ permissions: { userInfo: { reason: 'to greet you by name' } }, consent: false });
    expect(await dispatch('auth.getUserProfile')).toMatchObject({ ok: false, error: { code: 'consent_denied' } });
    expect(asked).toEqual(['userInfo']);
  });

  it('answers a personal-data method once the user consents', async () => {
    const { dispatch } = setup({ permissions: { userInfo: { reason: 'to greet you by name' } } });
    expect(await dispatch('auth.getUserProfile')).toMatchObject({ ok: true, data: { nickname: 'Test User' } });
  });

  it('passes the stable code of a host error through', async () => {
    const { dispatch } = setup({ stubs: { 'storage.get': () => { throw new AtriumError('quota_exceeded', 'full'); } } });
    expect(await dispatch('storage.get', { key: 'k' })).toEqual({ ok: false, error: { code: 'quota_exceeded', message: 'full' } });
  });

  it('hides the details of an unexpected host failure', async () => {
    const { dispatch } = setup({ stubs: { 'storage.get': () => { throw new Error('db password is hunter2'); } } });
    const out = await dispatch('storage.get', { key: 'k' });
    expect(out).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(out)).not.toMatch(/hunter2/);
  });

  it('refuses a host result outside the contract', async () => {
    const { dispatch } = setup({ stubs: { 'auth.login': () => ({ code: 42 }) } });
    expect(await dispatch('auth.login')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
