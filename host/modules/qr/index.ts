/** QR lead capture: codes that open programs with a scene, every scan recorded and credited to revenue. */
export { qrMigrations } from './migrations.ts';
export { createQr, type Qr, type QrOptions } from './service.ts';
export type { CodeView } from './codes.ts';
export type { ReportRow, Dimension } from './reports.ts';
export type { QrExport } from './personal.ts';
export type { QrTables, CodeActions, Channel } from './tables.ts';
export { qrModule } from './module.ts';
