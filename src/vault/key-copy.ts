/**
 * Runs `use` with a copy of the data key, wiped when it ends. A lock zeroes the vault's own
 * key; slow work that began before the lock (a backup's copy, a key derivation) keeps going
 * with its copy and never signs or wraps with zeros.
 */
export async function withKeyCopy<T>(key: Buffer, use: (copy: Buffer) => Promise<T>): Promise<T> {
  const copy = Buffer.from(key);
  try {
    return await use(copy);
  } finally {
    copy.fill(0);
  }
}
