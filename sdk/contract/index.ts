/**
 * THE host API contract: every method a mini-program can call, declared once. The guest SDK's
 * types, the runtime's dispatcher and the host's implementations are all derived from it.
 */
import type { z } from 'zod';
import type { MethodSpec } from './define.ts';
import { AtriumError } from './errors.ts';
import { auth } from './auth.ts';
import { crm } from './crm.ts';
import { groups } from './groups.ts';
import { net } from './net.ts';
import { payments } from './payments.ts';
import { qr } from './qr.ts';
import { storage } from './storage.ts';
import { subscribe } from './subscribe.ts';
import { ui } from './ui.ts';

export const contract = { ui, storage, auth, net, payments, groups, qr, crm, subscribe } as const;

export type Contract = typeof contract;
export type NamespaceName = keyof Contract;
export type MethodName = { [N in NamespaceName]: `${N}.${keyof Contract[N] & string}` }[NamespaceName];

export type SpecOf<M extends MethodName> = M extends `${infer N extends NamespaceName}.${infer K}`
  ? K extends keyof Contract[N]
    ? Contract[N][K]
    : never
  : never;

/** What the guest passes (before defaults are applied). */
export type ArgsInput<M extends MethodName> = z.input<SpecOf<M>['args']>;
/** What the host receives after validation. */
export type ArgsOutput<M extends MethodName> = z.output<SpecOf<M>['args']>;
/** What the guest's promise resolves to. */
export type ResultOf<M extends MethodName> = z.output<SpecOf<M>['result']>;

type IsRuntime<S> = S extends { handledBy: 'runtime' } ? true : false;

/** Methods the host must implement: everything but those the runtime serves in the sandbox. */
export type HostMethodName = { [M in MethodName]: IsRuntime<SpecOf<M>> extends true ? never : M }[MethodName];

/**
 * The host's side of the contract. An implementation object `satisfies HostImplementation<Ctx>`,
 * so a contract method without an implementation (or with the wrong types) fails the type check.
 */
export type HostImplementation<Ctx> = {
  [N in NamespaceName]: {
    [K in keyof Contract[N] as IsRuntime<Contract[N][K]> extends true ? never : K]: Contract[N][K] extends MethodSpec
      ? (ctx: Ctx, args: z.output<Contract[N][K]['args']>) => Promise<z.input<Contract[N][K]['result']>>
      : never;
  };
};

type GuestMethod<S extends MethodSpec> = undefined extends z.input<S['args']>
  ? (args?: z.input<S['args']>) => Promise<z.output<S['result']>>
  : (args: z.input<S['args']>) => Promise<z.output<S['result']>>;

/** The guest SDK's view of one namespace: every method returns a promise. */
export type GuestNamespace<N extends NamespaceName> = {
  [K in keyof Contract[N]]: Contract[N][K] extends MethodSpec ? GuestMethod<Contract[N][K]> : never;
};

export const methodNames = Object.entries(contract).flatMap(([ns, methods]) =>
  Object.keys(methods).map((name) => `${ns}.${name}` as MethodName),
);

/** Methods declared but not yet offered by the host (`planned`): every host refuses them alike. */
export const plannedMethods: readonly HostMethodName[] = methodNames.filter((m) => (getMethod(m) as { planned?: true } | undefined)?.planned) as HostMethodName[];

/** How every host (the real one, `atrium dev`, `atrium/testing`) refuses a planned method. */
export function notOffered(method: string): AtriumError {
  return new AtriumError('not_implemented', `${method} is not available on this host yet`);
}

/**
 * An implementation with every planned method refused by `notOffered`, whatever it had there:
 * the real host and the harnesses apply it alike, so they cannot disagree about such a method.
 */
export function refusingPlanned<Ctx>(impl: HostImplementation<Ctx>): HostImplementation<Ctx> {
  const out = { ...impl } as Record<string, Record<string, unknown>>;
  for (const m of plannedMethods) {
    const [ns, name] = m.split('.') as [string, string];
    out[ns] = { ...out[ns], [name]: async () => { throw notOffered(m); } };
  }
  return out as unknown as HostImplementation<Ctx>;
}

/** Looks a method up by its dotted name; `undefined` for anything not in the contract. */
export function getMethod(name: string): MethodSpec | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const ns = name.slice(0, dot);
  const key = name.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const methods = contract[ns as NamespaceName] as Record<string, MethodSpec>;
  return Object.hasOwn(methods, key) ? methods[key] : undefined;
}

export { method, scopes, scopeNames, type MethodSpec, type Scope } from './define.ts';
export * from './errors.ts';
export { currencyCodes, currencyExponents, isSupportedCurrency, unsupportedCurrencyMessage, type CurrencyCode } from './currencies.ts';
export { describeTextProblem, findTextProblem, NUL, type TextProblem } from './text.ts';
export * from './view.ts';
export { manifestSchema, type Manifest, type ManifestInput } from './manifest.ts';
export {
  fieldValueSchemas,
  MAX_TEMPLATE_FIELDS,
  MAX_TEMPLATES,
  MAX_TEXT_FIELD,
  requestedTemplates,
  subscriptionsSchema,
  templateFieldTypes,
  templateIdSchema,
  templateSchema,
  templateValuesSchema,
  type SubscriptionTemplate,
  type TemplateField,
  type TemplateFieldType,
  type TemplateFieldValue,
} from './templates.ts';
export { events, eventEnvelope, eventNames, eventTypes, isEventType, type EventData, type EventType, type OutboundEvent } from './events.ts';
