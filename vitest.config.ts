import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // examples and docs import the package by name, as users do
    alias: [
      { find: /^scenariokit$/, replacement: source('./src/index.ts') },
      { find: /^scenariokit\/testing$/, replacement: source('./src/testing/index.ts') },
      { find: /^scenariokit\/verify$/, replacement: source('./src/verify/index.ts') },
      { find: /^scenariokit\/import$/, replacement: source('./src/import/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
  },
});
