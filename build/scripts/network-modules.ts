/** Node built-ins that open sockets; the product must never load any of them. */
export const NETWORK_MODULES: readonly string[] = [
  'http',
  'https',
  'net',
  'dgram',
  'tls',
  'dns',
  'http2',
];
