// Which addresses and Host headers count as "this machine" for the development routes (issue #6,
// defect 9). Names are never trusted by their spelling: `127.evil.com` is a DNS name anyone can
// point anywhere, and a browser tricked by DNS rebinding sends the attacker's name as Host.
import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IP literal in 127.0.0.0/8 or ::1, in any spelling (BlockList also maps ::ffff:127.x). */
export function isLoopbackIp(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The bind host as configured: a loopback IP literal, or exactly `localhost` (checked again once bound). */
export function isLoopbackBindHost(host: string): boolean {
  return host === 'localhost' || isLoopbackIp(host);
}

/**
 * The request's Host header names this machine: `localhost`, a 127.x.x.x literal or `[::1]`, each
 * with an optional port. A missing Host (HTTP/1.0) is refused: nothing vouches for the caller.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(header.trim().toLowerCase());
  if (!m) return false;
  const name = m[1];
  if (name === 'localhost') return true;
  if (name.startsWith('[')) return isIP(name.slice(1, -1)) === 6 && isLoopbackIp(name.slice(1, -1));
  return isIP(name) === 4 && isLoopbackIp(name);
}
