/**
 * The HTML pages of Atrium's own sites (the shell, the merchant console, the admin console): our
 * own static markup that loads one stylesheet and one script. No data from the server or a program
 * is ever written into them, and they have no inline script or style.
 */

export interface PageOptions {
  title: string;
  /** `/shell.css` */
  stylesheet: string;
  /** `/shell.js` */
  script: string;
  themeColor: string;
  /** Shown when JavaScript is off. */
  noscript: string;
}

export function htmlPage(o: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="${o.themeColor}">
<meta name="color-scheme" content="light">
<title>${o.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${o.stylesheet}">
<script type="module" src="${o.script}"></script>
</head>
<body>
<noscript><p class="shell-noscript">${o.noscript}</p></noscript>
</body>
</html>
`;
}

export const shellHtml = htmlPage({ title: 'Atrium', stylesheet: '/shell.css', script: '/shell.js', themeColor: '#ededed', noscript: 'Atrium needs JavaScript to open mini-programs.' });

export const consoleHtml = htmlPage({ title: 'Merchant console · Atrium', stylesheet: '/desk.css', script: '/console.js', themeColor: '#ffffff', noscript: 'The merchant console needs JavaScript.' });

export const adminHtml = htmlPage({ title: 'Admin console · Atrium', stylesheet: '/desk.css', script: '/admin.js', themeColor: '#ffffff', noscript: 'The admin console needs JavaScript.' });

/**
 * Only our own script, styles and connections; images may also come from https hosts (a program's
 * remote pictures). No inline script or style, no plugins, no framing, no <base> tricks.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' https: data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Not no-referrer: with it a browser sends `Origin: null` on same-origin POSTs, which the host's
  // cross-site check refuses.
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** The shell's icon: the brand's green rounded square with an "A". */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="16" fill="#07c160"/><path d="M32 13 16 51h8l3.4-9h9.2l3.4 9h8L32 13zm-2.2 22L32 28.6 34.2 35h-4.4z" fill="#fff"/></svg>`;
