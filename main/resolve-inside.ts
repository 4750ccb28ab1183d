import path from 'node:path';

/**
 * Maps the (percent-encoded) path of an app:// URL to a file under `root`, or null
 * when the path could name anything outside it. Rejection is deliberately broad:
 * the renderer's own asset names never need dot segments, backslashes, colons,
 * empty segments or control characters, so anything carrying them is refused
 * rather than normalised.
 */
export const resolveInside = (root: string, urlPath: string): string | null => {
  if (urlPath.includes('\\') || urlPath.includes('\0')) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // Decoding may have produced what the raw check could not see (%5c, %00, %0a).
  if (/[\\\0-\x1f\x7f]/.test(decoded)) return null;

  // One leading slash is the URL's own; a second would make the rest absolute.
  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (relative === '' || relative.startsWith('/')) return null;

  const segments = relative.split('/');
  for (const segment of segments) {
    // ':' covers Windows drive letters (C:) and alternate data streams (a.txt:s).
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':')) {
      return null;
    }
  }

  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
};
