/**
 * The shell's one HTML page: our own static markup that loads the stylesheet and the script. No
 * data from the server or a program is ever written into it, and it has no inline script.
 */

export const shellHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#ededed">
<meta name="color-scheme" content="light">
<title>Atrium</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/shell.css">
<script type="module" src="/shell.js"></script>
</head>
<body>
<noscript><p class="shell-noscript">Atrium needs JavaScript to open mini-programs.</p></noscript>
</body>
</html>
`;

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
