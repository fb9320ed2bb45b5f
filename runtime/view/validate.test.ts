import { describe, expect, it } from 'vitest';
import { validateView } from './validate.ts';

const bounds = { viewNodes: 100 };
const v = (raw: unknown) => validateView(raw, bounds);
const node = (type: string, props: Record<string, unknown> = {}, children: unknown[] = []) => ({ type, props, children });

describe('view validation', () => {
  it('accepts every documented component with its props', () => {
    const view = node('view', { id: 'root', style: { padding: 12, color: '#333' }, data: { a: [1, 'b'] }, onTap: 'go' }, [
      node('text', { selectable: true }, ['hi']),
      node('image', { src: 'assets/tea.png', mode: 'aspectFill' }),
      node('button', { kind: 'primary', disabled: false, onTap: '$3' }, ['Buy']),
      node('input', { name: 'q', value: '', type: 'text', onInput: 'typed' }),
      node('picker', { options: ['a', 'b'], value: 1, onChange: 'picked' }, ['A']),
      { type: 'list', props: {}, children: [{ ...node('view'), key: 1 }, { ...node('view'), key: 'two' }] },
    ]);
    expect(v(view)).toEqual(view);
  });

  it('refuses an unknown component', () => {
    expect(() => v(node('script'))).toThrow(/unknown component "script"/);
  });

  it('refuses an unknown prop', () => {
    expect(() => v(node('view', { innerHTML: '<b>x</b>' }))).toThrow(/unknown prop "innerHTML"/);
  });

  it('refuses a value outside an enumeration', () => {
    expect(() => v(node('button', { kind: 'huge' }))).toThrow(/kind: must be one of primary, default, warn/);
  });

  it('refuses style properties outside the allowlist', () => {
    expect(() => v(node('view', { style: { behavior: 'x' } }))).toThrow(/not a supported style property/);
  });

  it('refuses url() in style values', () => {
    expect(() => v(node('view', { style: { background: 'url(https://evil.example/x.png)' } }))).toThrow(/no url/);
  });

  it('refuses image sources that are neither https nor a program asset', () => {
    expect(() => v(node('image', { src: 'javascript:alert(1)' }))).toThrow(/https URL/);
    expect(() => v(node('image', { src: '../../etc/passwd' }))).toThrow(/https URL/);
  });

  it('refuses children on components that take none', () => {
    expect(() => v(node('image', { src: 'assets/a.png' }, ['x']))).toThrow(/takes no children/);
  });

  it('requires unique keys on every child of a list', () => {
    expect(() => v(node('list', {}, [node('view')]))).toThrow(/needs a key/);
    expect(() => v(node('list', {}, [{ ...node('view'), key: 1 }, { ...node('view'), key: 1 }]))).toThrow(/duplicate key/);
  });

  it('refuses more nodes than the bound', () => {
    const many = node('view', {}, Array.from({ length: 100 }, () => node('view')));
    expect(() => v(many)).toThrow(/more than 100 nodes/);
  });

  it('refuses prototype keys in data payloads', () => {
    const raw = JSON.parse('{"type":"view","props":{"data":{"__proto__":{"polluted":true}}},"children":[]}');
    expect(() => v(raw)).toThrow(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses handler names that are not identifiers', () => {
    expect(() => v(node('button', { onTap: 'alert(1)' }))).toThrow(/handler name/);
  });

  it('says where in the tree the problem is', () => {
    expect(() => v(node('view', {}, [node('text'), node('view', { style: { behavior: 'x' } })]))).toThrow('view<view>[1]<view>.style.behavior: is not a supported style property');
    expect(() => v(node('view', {}, [node('view', { data: { a: [1, { b: [Infinity] }] } })]))).toThrow('view<view>[0]<view>.data.a[1].b[0]: numbers must be finite');
    expect(() => v(node('view', {}, ['x', node('view', {}, [node('script')])]))).toThrow('view<view>[1]<view>[0]: unknown component "script"');
  });

  it('checks every style value, also one it has seen pass before in another place', () => {
    expect(v(node('view', { style: { color: '#333' } }))).toBeTruthy();
    expect(() => v(node('view', {}, [node('text', { style: { color: '#333', background: 'url(x)' } })]))).toThrow('view<view>[0]<text>.style.background: must be a number or a short plain value (no url)');
  });

  it('rebuilds the tree from fresh objects', () => {
    const raw = node('view', { id: 'x' });
    const out = v(raw);
    expect(out).not.toBe(raw);
    expect(out.props).not.toBe(raw.props);
  });
});
