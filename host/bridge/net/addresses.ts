import { promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** One resolved address, as `dns.lookup(host, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses. The system resolver by default; tests inject one so they need no DNS. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await dns.lookup(hostname, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * Everything a mini-program must not reach outside development: the host's own machine, the
 * private network it sits in, and the cloud metadata service (169.254.169.254, in link-local).
 * Node's BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 rules,
 * so the mapped forms need no rules of their own.
 */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local machine on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, often the provider's internal network
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, with the cloud metadata service
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking, used for internal test networks
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback (::1) and the old IPv4-compatible form
  ['64:ff9b::', 96], // NAT64: would carry a private IPv4 address through the gateway
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, no brackets) is one a mini-program may not reach in production. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return forbidden.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The reason carried by a connection refused for its address, recognised by the bridge's error mapping. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  constructor(
    readonly hostname: string,
    readonly addresses: string[],
  ) {
    super(`${hostname} resolves only to private or loopback addresses (${addresses.join(', ')}), which mini-programs may not reach`);
  }
}

/**
 * A `lookup` for `net.connect`: it runs when the socket is opened, on the very addresses the
 * socket will use, so a name that resolved to a public address a moment ago and to 127.0.0.1 now
 * (DNS rebinding) is still refused. Forbidden addresses are dropped; none left means refusal.
 * Node calls lookup with `all: true` when it races address families, and without it otherwise.
 */
export function guardedLookup(resolve: Resolve, check: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const usable = check ? wanted.filter((a) => !isForbiddenAddress(a.address)) : wanted;
        const first = usable[0];
        if (!first) {
          const err = wanted.length > 0 ? new RefusedAddressError(hostname, wanted.map((a) => a.address)) : notFound(hostname);
          callback(err, '', 0);
        } else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}
