/** Node built-ins that open sockets; the product must never load any of them. */
export const NETWORK_MODULES: readonly string[] = [
  'http',
  'https',
  'net',
  'dgram',
  'tls',
  'dns',
  'http2',
  // Opens a debugger's WebSocket server on a TCP port.
  'inspector',
  // Old public names for the internals of http and tls; still loadable.
  '_http_agent',
  '_http_client',
  '_http_common',
  '_http_incoming',
  '_http_outgoing',
  '_http_server',
  '_tls_common',
  '_tls_wrap',
];

/**
 * The one exception: the run-time block imports these to disable them, and nothing
 * else may. The static check and the bundle check both allow exactly this file and
 * exactly these modules (with or without `node:`).
 */
export const NETWORK_BLOCKER_SOURCE = 'src/platform/block-node-network.ts';
export const NETWORK_BLOCKER_MODULES: readonly string[] = ['net', 'dgram', 'dns', 'http2'];
