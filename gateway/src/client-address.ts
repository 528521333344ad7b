import { BlockList, isIP } from 'node:net';

// Node built-ins only: web/server.js imports this module too (docs/operations.md#client-addresses).

const mappedIpv4 = (address: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

/**
 * The entries of a comma-separated list of addresses and CIDR ranges ("127.0.0.1, ::1, 10.0.0.0/8"), or the
 * entries that are neither.
 */
export function parseAddressList(text: string): { entries: string[] } | { bad: string[] } {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return true;
    return prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return bad.length > 0 ? { bad } : { entries };
}

export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const isTrusted = (address: string, trusted: BlockList) => trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

/**
 * The address of the client behind a request. The peer's own address, unless the peer is a trusted proxy:
 * then X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping the
 * trusted proxies, and the first other address is the client. A client's own X-Forwarded-For entries sit
 * left of what the trusted proxies appended, so a client cannot choose the address it is counted under.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = mappedIpv4(peer ?? '');
  if (isIP(client) === 0 || !isTrusted(client, trusted)) return client || 'unknown';
  const hops = [forwardedFor ?? []].flat().flatMap((header) => header.split(','));
  for (const hop of hops.reverse()) {
    const address = mappedIpv4(hop.trim());
    if (isIP(address) === 0) break;
    client = address;
    if (!isTrusted(address, trusted)) break;
  }
  return client;
}

/**
 * What one client is counted under: an IPv4 address, or an IPv6 address's /64 network, since one subscriber
 * is commonly handed a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
