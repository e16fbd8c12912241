import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who is calling, as far as limits are concerned: the connection's remote address, from
 * @hono/node-server (X-Forwarded-For is not read: any client can write it).
 *
 * IPv6 clients are counted by their /64 network: one host commonly owns a whole /64, and
 * counting single addresses would give it 2^64 budgets. An IPv4 address seen through an IPv6
 * socket (`::ffff:203.0.113.7`) is that IPv4 address.
 *
 * Null when the request came without a socket: `app.request()` in tests, or another caller
 * inside this process, which no remote client can reach.
 */
export function clientKey(c: Context): string | null {
  // getConnInfo reads c.env.incoming, which only @hono/node-server's listener sets.
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return null;
  const address = getConnInfo(c).remote.address;
  return address ? addressKey(address) : null;
}

/** An address as counted: IPv4 as it is, IPv6 as its /64 (`2001:db8:0:1::/64`). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  const bare = address.split('%')[0] ?? address; // a zone id (fe80::1%eth0) is the same host
  if (!isIPv6(bare)) return address;
  return `${groups(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded, each in lower-case hex without zeros. */
function groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const part = (text: string | undefined) =>
    text ? text.split(':').flatMap((g) => (g.includes('.') ? ipv4Groups(g) : [g])) : [];
  const left = part(head);
  const right = part(tail);
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16).toString(16));
}

/** The dotted IPv4 tail of an IPv6 address (`::1.2.3.4`) as two hex groups. */
function ipv4Groups(dotted: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
