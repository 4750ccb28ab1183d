/**
 * The run-time half of "保密台账 never uses a network" (the static half is
 * `npm run check:no-network`): after blockNodeNetwork(), every way this realm's Node has
 * of opening a socket, resolving a name or listening throws NetworkBlockedError.
 *
 * Node keeps its built-in modules per realm: the Electron main process, each worker
 * thread and the CLI must each call it, first thing. It patches choke points rather than
 * every client: http, https, tls, http2 and the fetch behind undici all end in
 * net.Socket.prototype.connect, and every server in net.Server.prototype.listen.
 *
 * Not covered (see the static check for these): Chromium's own network stack in Electron
 * (the session hardening in main/security.ts), child processes, files on network shares,
 * native addons, and code that captured an original before this ran.
 *
 * This is the one file in src/ allowed to import the network modules, only to disable
 * them; check-no-network.ts and build-main.ts know it by name (NETWORK_BLOCKER_SOURCE).
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import http2 from 'node:http2';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

export class NetworkBlockedError extends Error {
  readonly code = 'ERR_NETWORK_BLOCKED';

  constructor(what: string) {
    super(`保密台账不联网，已阻止 ${what}`);
    this.name = 'NetworkBlockedError';
  }
}

/** process.binding() names that hand out raw sockets and resolvers, bypassing net. */
const NETWORK_BINDINGS = new Set(['tcp_wrap', 'udp_wrap', 'cares_wrap', 'pipe_wrap', 'tls_wrap', 'js_udp_wrap']);

const DNS_QUERY = /^(?:lookup|lookupService|resolve\w*|reverse)$/;

const refusal = (what: string) =>
  function refused(): never {
    throw new NetworkBlockedError(what);
  };

// Read-only and not configurable: code that runs later cannot put a saved original
// back, and an attempt throws (strict mode) instead of quietly succeeding.
const seal = (target: object, key: string, value: unknown): void => {
  const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? false;
  Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable });
};

const sealRefusal = (target: object, key: string, what: string): void => seal(target, key, refusal(what));

const blockDnsQueries = (target: object, prefix: string): void => {
  for (const key of Object.getOwnPropertyNames(target)) {
    if (DNS_QUERY.test(key)) sealRefusal(target, key, `${prefix}.${key}`);
  }
};

let blocked = false;

/** Idempotent. Returns nothing to undo with: there is no way back in this realm. */
export const blockNodeNetwork = (): void => {
  if (blocked) return;
  blocked = true;

  // A child process's stdio pipes are sockets made from handles, never connected,
  // and a worker's messages use MessagePorts: neither passes through here.
  sealRefusal(net.Socket.prototype, 'connect', 'net.Socket.connect (http/https/tls/net)');
  sealRefusal(net.Server.prototype, 'listen', 'net.Server.listen');

  sealRefusal(dgram, 'createSocket', 'dgram.createSocket');
  for (const key of ['bind', 'connect', 'send']) sealRefusal(dgram.Socket.prototype, key, `dgram.Socket.${key}`);

  blockDnsQueries(dns, 'dns');
  blockDnsQueries(dns.Resolver.prototype, 'dns.Resolver');
  blockDnsQueries(dns.promises, 'dns/promises');
  blockDnsQueries(dns.promises.Resolver.prototype, 'dns/promises.Resolver');

  sealRefusal(http2, 'connect', 'http2.connect');

  // Deprecated and untyped, but still there: tcp_wrap makes a socket without net.
  const legacy = process as unknown as { binding?: (name: string) => unknown };
  const originalBinding = legacy.binding?.bind(process);
  if (originalBinding) {
    seal(process, 'binding', (name: string) => {
      if (NETWORK_BINDINGS.has(name)) throw new NetworkBlockedError(`process.binding('${name}')`);
      return originalBinding(name);
    });
  }

  sealRefusal(globalThis, 'fetch', 'fetch');
  for (const name of ['WebSocket', 'EventSource']) {
    if (name in globalThis) sealRefusal(globalThis, name, name);
  }

  // `import { lookup } from 'node:dns'` reads the ES module view, which is a copy.
  syncBuiltinESMExports();
};
