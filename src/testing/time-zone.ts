import { afterAll } from 'vitest';

/**
 * Runs this test file's dates in Beijing time, as the app runs them: instants near midnight
 * only fall on the right day in that zone. Call at the top of the file.
 */
export function inBeijingTime(): void {
  const zone = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  afterAll(() => {
    process.env.TZ = zone;
  });
}
