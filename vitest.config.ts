import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{main,shared,renderer,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
  },
});
