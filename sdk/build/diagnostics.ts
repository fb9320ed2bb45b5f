/** A build problem, located so an editor or terminal can point at it. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const at = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  return `${at}: ${d.message}`;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}
