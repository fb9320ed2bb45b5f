import { formatMoney } from '../../../lib/money.ts';
import { AtriumError, templateValuesSchema, type SubscriptionTemplate, type TemplateFieldValue } from '../../../sdk/contract/index.ts';
import type { NoticeBody } from '../messaging/index.ts';

/**
 * The fields a sender filled, checked against the template: every declared key, each of its
 * type, nothing else. Every problem is named by its field (`fields.carrier: ...`), all at once.
 */
export function checkFields(template: SubscriptionTemplate, values: unknown): Record<string, TemplateFieldValue> {
  const parsed = templateValuesSchema(template).safeParse(values);
  if (parsed.success) return parsed.data as Record<string, TemplateFieldValue>;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `fields: "${template.id}" has no field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const key = issue.path[0];
    const field = template.fields.find((f) => f.key === key);
    const what = field ? ` (${field.type})` : '';
    return `fields.${issue.path.map(String).join('.')}${what}: ${issue.message}`;
  });
  throw new AtriumError('invalid_args', problems.join('; '), { problems });
}

/** What the user reads for each field, in the template's order: labels, and values as text. */
export function noticeFields(template: SubscriptionTemplate, values: Record<string, TemplateFieldValue>): NoticeBody['fields'] {
  return template.fields.map((f) => {
    const v = values[f.key]!;
    const value = f.type === 'money' ? formatMoney((v as { amount: number }).amount, (v as { currency: string }).currency) : String(v);
    return { key: f.key, label: f.label, type: f.type, value };
  });
}
