import type { CodeView } from './codes.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A batch as one print-ready page: a grid of codes on A4, each with its name and labels under it,
 * cut marks by the cell borders. The codes are the QR library's own SVG, drawn in the page; the
 * names are the merchant's text, escaped, never markup.
 */
export const printSheet = {
  css: `@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.3 -apple-system, "Segoe UI", "PingFang SC", "Noto Sans", sans-serif; color: #111; }
h1 { font-size: 13pt; margin: 0 0 6mm; }
.sheet { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0; }
.cell { border: 0.2mm dashed #bbb; padding: 5mm; text-align: center; break-inside: avoid; }
.cell svg { width: 48mm; height: 48mm; display: block; margin: 0 auto 2mm; }
.name { font-weight: 600; font-size: 12pt; }
.meta { color: #555; font-size: 9pt; }
@media screen { body { padding: 10mm; background: #f4f4f4; } .sheet { background: #fff; } }
`,

  async html(codes: CodeView[], svgOf: (codeId: string) => Promise<string>): Promise<string> {
    const cells = await Promise.all(
      codes.map(async (c) => {
        const meta = [c.campaign, c.store, c.staff].filter(Boolean).map((s) => escape(s!)).join(' · ');
        return `<div class="cell">${await svgOf(c.codeId)}<div class="name">${escape(c.name)}</div>${meta ? `<div class="meta">${meta}</div>` : ''}<div class="meta">${escape(c.codeId)}</div></div>`;
      }),
    );
    const title = escape(codes[0]?.campaign ?? 'QR codes');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/api/qr/sheet.css"></head>
<body><h1>${title} — ${codes.length} codes</h1><div class="sheet">${cells.join('')}</div></body></html>
`;
  },
};
