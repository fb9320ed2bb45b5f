/** What Atrium's own pages may take from QR lead capture: the shapes its API answers with. Types only. */
export type { CodeView } from './codes.ts';
export type { ReportRow, Dimension } from './reports.ts';
export type { CodeActions, Channel } from './tables.ts';
