import { execFile } from 'node:child_process';

/**
 * Linux: GNU dd with `iflag=nocache count=0` asks the kernel (posix_fadvise DONTNEED) to
 * drop every cached page of the file. Only clean pages go, so the caller fsyncs first.
 * Node has no binding for fadvise; dd is in coreutils on every Debian-like system.
 */
export const evictLinuxCache = (file: string): Promise<boolean> =>
  new Promise((resolve) => {
    execFile('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'], { timeout: 30_000 }, (err) => resolve(!err));
  });
