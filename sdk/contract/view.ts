/**
 * The component set a page may render, declared once as data. The runtime validates every view
 * against it, the JSX types are derived from it, and the shell draws exactly these components with
 * DOM APIs. Anything outside it (an unknown component, prop or value kind) is refused.
 */

/** How a prop's value is checked. Arrays are enumerations. */
export type PropKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'handler'
  | 'style'
  | 'json'
  | 'strings'
  | 'src'
  | readonly string[];

const common = {
  id: 'string',
  style: 'style',
  hidden: 'boolean',
  /** A JSON payload handed to event handlers as `event.data`. */
  data: 'json',
  onTap: 'handler',
  onLongPress: 'handler',
} as const;

export const components = {
  view: { children: true, props: { ...common } },
  text: { children: true, props: { ...common, selectable: 'boolean' } },
  image: {
    children: false,
    props: { ...common, src: 'src', alt: 'string', mode: ['aspectFit', 'aspectFill', 'widthFix', 'scaleToFill'] },
  },
  button: {
    children: true,
    props: {
      ...common,
      kind: ['primary', 'default', 'warn'],
      size: ['default', 'mini'],
      disabled: 'boolean',
      loading: 'boolean',
      formType: ['submit', 'reset'],
    },
  },
  input: {
    children: false,
    props: {
      ...common,
      name: 'string',
      value: 'string',
      placeholder: 'string',
      type: ['text', 'number', 'digit', 'password', 'tel', 'email'],
      maxLength: 'number',
      disabled: 'boolean',
      onInput: 'handler',
      onChange: 'handler',
      onConfirm: 'handler',
    },
  },
  textarea: {
    children: false,
    props: {
      ...common,
      name: 'string',
      value: 'string',
      placeholder: 'string',
      maxLength: 'number',
      disabled: 'boolean',
      onInput: 'handler',
      onChange: 'handler',
    },
  },
  switch: {
    children: false,
    props: { ...common, name: 'string', checked: 'boolean', disabled: 'boolean', onChange: 'handler' },
  },
  checkbox: {
    children: true,
    props: { ...common, name: 'string', value: 'string', checked: 'boolean', disabled: 'boolean', onChange: 'handler' },
  },
  picker: {
    children: true,
    props: { ...common, name: 'string', options: 'strings', value: 'number', disabled: 'boolean', onChange: 'handler' },
  },
  form: { children: true, props: { ...common, onSubmit: 'handler', onReset: 'handler' } },
  /** A keyed list: every child carries a unique `key`, so the shell can move rows instead of redrawing them. */
  list: { children: true, props: { ...common, onReachEnd: 'handler' } },
  navigator: {
    children: true,
    props: { ...common, url: 'string', openType: ['navigate', 'redirect', 'switchTab', 'back'] },
  },
  'scroll-view': { children: true, props: { ...common, direction: ['vertical', 'horizontal'], onReachEnd: 'handler' } },
} as const satisfies Record<string, { children: boolean; props: Record<string, PropKind> }>;

export type ComponentName = keyof typeof components;
export const componentNames = Object.keys(components) as ComponentName[];

/**
 * Style properties a program may set; values are short strings or numbers (numbers mean pixels,
 * except for the unitless properties below).
 * No `url(...)`, no custom properties: a program decorates, it never loads or scripts anything.
 */
export const styleProperties = [
  'color', 'background', 'backgroundColor', 'opacity',
  'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'textAlign', 'textDecoration', 'letterSpacing', 'whiteSpace',
  'width', 'height', 'minWidth', 'minHeight', 'maxWidth', 'maxHeight',
  'margin', 'marginTop', 'marginRight', 'marginBottom', 'marginLeft',
  'padding', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'border', 'borderTop', 'borderBottom', 'borderLeft', 'borderRight', 'borderRadius', 'borderColor', 'borderWidth',
  'display', 'flex', 'flexDirection', 'flexWrap', 'flexGrow', 'flexShrink', 'alignItems', 'alignSelf',
  'justifyContent', 'gap', 'overflow', 'boxShadow', 'boxSizing', 'position', 'top', 'right', 'bottom', 'left', 'zIndex',
] as const;

/** Properties whose numbers are plain numbers; every other number is a length in pixels. */
export const unitlessStyleProperties: readonly StyleProperty[] = ['opacity', 'fontWeight', 'lineHeight', 'flex', 'flexGrow', 'flexShrink', 'zIndex'];
export type StyleProperty = (typeof styleProperties)[number];
export type Style = Partial<Record<StyleProperty, string | number>>;

/** A style value: letters, digits, spaces and `#(),.%-`, at most 64 characters, and never `url`. */
export const styleValuePattern = /^(?!.*url)[-#(),.%\w\s]{0,64}$/i;
/** A handler name: a page method, or one the runtime generated for an inline function. */
export const handlerNamePattern = /^[A-Za-z_$][\w$.-]{0,63}$/;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One node of the view tree that crosses from the sandbox to the shell. */
export interface ViewNode {
  type: ComponentName;
  key?: string | number;
  props: Record<string, unknown>;
  children: ViewChild[];
}
export type ViewChild = ViewNode | string;

/** What the shell shows for one page: the tree plus the chrome the host draws around it. */
export interface Frame {
  route: string;
  title: string;
  /** Routes on the page stack, bottom first; more than one means the shell shows a back button. */
  stack: string[];
  view: ViewNode;
}

/** An event the shell sends back: which handler, and what the user did. */
export interface ShellEvent {
  handler: string;
  type: 'tap' | 'longpress' | 'input' | 'change' | 'confirm' | 'submit' | 'reset' | 'reachend';
  /** The node's `data` prop, echoed back. */
  data?: Json;
  /** The value the user entered, picked or submitted (a form submits `{ [name]: value }`). */
  value?: Json;
}
