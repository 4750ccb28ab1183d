import path from 'node:path';

/**
 * Whether the module at `filename` is the script being run (tsx does not set
 * import.meta.main), so CLI scripts can also be imported by their tests.
 */
export const isEntry = (filename: string): boolean =>
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(filename);
