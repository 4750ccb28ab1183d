import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'main/**/*.test.ts',
            'migrations/**/*.test.ts',
            'build/**/*.test.ts',
            'tests/sqlcipher/**/*.test.ts',
            'tests/print/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
