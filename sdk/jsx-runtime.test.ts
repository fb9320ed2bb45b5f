import { describe, expect, it } from 'vitest';
import { Fragment, jsx } from './jsx-runtime.ts';

describe('the JSX runtime', () => {
  it('builds a node with its props and children', () => {
    expect(jsx('button', { kind: 'primary', children: 'Buy' })).toEqual({ type: 'button', key: undefined, props: { kind: 'primary' }, children: 'Buy' });
  });

  it('keeps the key apart from the props', () => {
    expect(jsx('view', { id: 'a' }, 7)).toMatchObject({ key: 7, props: { id: 'a' } });
  });

  it('calls function components with their props and children', () => {
    const Price = (p: { amount: number }) => jsx('text', { children: `¥${p.amount}` });
    expect(jsx(Price, { amount: 3 })).toMatchObject({ type: 'text', children: '¥3' });
  });

  it('keys the node a function component returned', () => {
    const Row = () => jsx('view', {});
    expect(jsx(Row, {}, 'row-1')).toMatchObject({ type: 'view', key: 'row-1' });
  });

  it('renders a fragment as a plain container', () => {
    expect(Fragment({ children: ['a', 'b'] })).toEqual({ type: 'view', props: {}, children: ['a', 'b'] });
  });
});
