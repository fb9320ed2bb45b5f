/**
 * What text may cross a boundary into the host. PostgreSQL refuses the NUL character (U+0000) in
 * text while SQLite keeps it, so text holding one would fail on one database and pass on the
 * other; every boundary (HTTP, bridge) refuses it instead, the same on both.
 */

export const NUL = '\u0000';

export type TextProblem = { kind: 'nul'; path: string } | { kind: 'depth'; maxDepth: number };

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Frame | null;
}

function pathOf(frame: Frame | null, lastKey?: string): string {
  const parts: string[] = lastKey === undefined ? [] : [lastKey];
  for (let f = frame; f && f.key !== null; f = f.parent) parts.push(String(f.key));
  return parts.reverse().join('.');
}

/**
 * The first string or object key in a JSON value that holds a NUL, as a dotted path (`items.0.name`,
 * '' for the value itself), or that the value nests deeper than `maxDepth`. Walks with a stack of
 * its own, never by recursion, so a value nested 100,000 deep is answered, not a stack overflow.
 */
export function findTextProblem(value: unknown, maxDepth = Number.POSITIVE_INFINITY): TextProblem | null {
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return { kind: 'nul', path: pathOf(frame) };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (frame.depth >= maxDepth) return { kind: 'depth', maxDepth };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: frame.depth + 1, key: i, parent: frame });
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      if (k.includes(NUL)) return { kind: 'nul', path: pathOf(frame, JSON.stringify(k)) };
      stack.push({ value: child, depth: frame.depth + 1, key: k, parent: frame });
    }
  }
  return null;
}

/** The words an error gives for a problem: `items.0.name: text may not contain the NUL character \u0000`. */
export function describeTextProblem(problem: TextProblem): string {
  if (problem.kind === 'depth') return `nested more than ${problem.maxDepth} levels deep`;
  return `${problem.path ? `${problem.path}: ` : ''}text may not contain the NUL character \\u0000`;
}
