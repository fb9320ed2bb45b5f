import { describe, expect, it } from 'vitest';
import { findTextProblem } from './text.ts';

describe('text that may cross a boundary', () => {
  it('passes JSON without a NUL, however wide', () => {
    expect(findTextProblem({ items: Array.from({ length: 1000 }, (_, i) => ({ sku: `s${i}`, qty: i })), note: null, ok: true })).toBeNull();
  });

  it('names where a string holds a NUL', () => {
    expect(findTextProblem({ items: [{ sku: 'a' }, { name: 'tea\u0000' }] })).toEqual({ kind: 'nul', path: 'items.1.name' });
    expect(findTextProblem('\u0000')).toEqual({ kind: 'nul', path: '' });
  });

  it('names the object whose key holds a NUL', () => {
    expect(findTextProblem({ query: { 'from\u0000': 'qr' } })).toEqual({ kind: 'nul', path: 'query."from\\u0000"' });
  });

  it('answers a value nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextProblem(deep, 64)).toEqual({ kind: 'depth', maxDepth: 64 });
    expect(findTextProblem(deep)).toBeNull();
  });
});
