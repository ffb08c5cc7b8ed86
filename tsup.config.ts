import { defineConfig } from 'tsup';

const shared = {
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  splitting: false,
} as const;

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      cli: 'src/cli/index.ts',
      verify: 'src/verify/index.ts',
      import: 'src/import/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // `import.meta.url` (scenariokit/testing finds openapi/ at run time; the CLI loads files; verify finds the ast-grep binary) in the CJS build.
    shims: true,
  },
  {
    ...shared,
    // the `scenariokit` command; ESM only (it awaits at the top level), split so that what a
    // command does not need (the embedded target, the SDK) is loaded only when it is used
    entry: { bin: 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: true,
    outDir: 'dist/bin',
  },
]);
