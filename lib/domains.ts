/**
 * The manifest's network rule, one reading for every side: the CLI's dev server, the host's egress
 * and the checks. An entry is a host (`api.example.com`), a wildcard of its subdomains
 * (`*.example.com`, never the bare domain) or `localhost` with an optional port. Pure.
 */
/** Whether a host (and port) matches an entry of the allowlist. */
export function domainAllowed(host: string, port: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return domains.some((d) => {
    const entry = d.toLowerCase();
    if (entry.startsWith('localhost')) return `${h}${port ? `:${port}` : ''}` === entry || (h === 'localhost' && entry === 'localhost');
    if (entry.startsWith('*.')) return h.endsWith(entry.slice(1)) && h.length > entry.length - 1;
    return h === entry;
  });
}
