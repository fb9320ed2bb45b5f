/**
 * JSX for mini-programs: esbuild compiles TSX to these calls (jsxImportSource "atrium"), and the
 * `JSX` types give editors completion for every component and prop in the documented set.
 */
import type { components, ComponentName, Json, PropKind, ShellEvent, Style } from './contract/view.ts';

/** What a handler receives. `data` is the node's `data` prop; `value` is what the user entered. */
export interface AtriumEvent<V = Json> {
  type: ShellEvent['type'];
  data: Json;
  value: V;
}

/** A handler: the name of a page method, or a function. */
export type Handler = string | ((event: AtriumEvent<any>) => unknown);

type PropType<K> = K extends readonly string[]
  ? K[number]
  : K extends 'string'
    ? string | number
    : K extends 'number'
      ? number
      : K extends 'boolean'
        ? boolean
        : K extends 'handler'
          ? Handler
          : K extends 'style'
            ? Style
            : K extends 'json'
              ? Json
              : K extends 'strings'
                ? string[]
                : K extends 'src'
                  ? string
                  : never;

/** One node as the SDK builds it; the runtime normalises and validates it after `render()`. */
export interface AtriumNode {
  type: string;
  key?: string | number;
  props: Record<string, unknown>;
  children: unknown;
}

export type Child = AtriumNode | string | number | boolean | null | undefined | Child[];

type Props<C extends ComponentName> = {
  [P in keyof (typeof components)[C]['props']]?: (typeof components)[C]['props'][P] extends PropKind
    ? PropType<(typeof components)[C]['props'][P]>
    : never;
} & { key?: string | number; children?: Child };

type Component<P> = (props: P) => AtriumNode | null;

function node(type: unknown, props: Record<string, unknown> | null, key?: string | number): AtriumNode {
  const { children, ...rest } = props ?? {};
  if (typeof type === 'function') {
    const out = (type as Component<unknown>)({ ...rest, children }) ?? { type: 'view', props: {}, children: [] };
    // `<Card key={id} />` keys the node the component returned, so it can sit in a keyed list.
    return key === undefined || out.key !== undefined ? out : { ...out, key };
  }
  return { type: type as string, key, props: rest, children: children ?? [] };
}

export function jsx(type: unknown, props: Record<string, unknown> | null, key?: string | number): AtriumNode {
  return node(type, props, key);
}
export const jsxs = jsx;
export const jsxDEV = jsx;

/** Groups children in a plain `view` container (the view tree has no fragment node). */
export function Fragment(props: { children?: Child }): AtriumNode {
  return { type: 'view', props: {}, children: props.children ?? [] };
}

export namespace JSX {
  export type Element = AtriumNode;
  export type IntrinsicElements = { [C in ComponentName]: Props<C> };
  export interface ElementChildrenAttribute {
    children: {};
  }
  export interface IntrinsicAttributes {
    key?: string | number;
  }
}
