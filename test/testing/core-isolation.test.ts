import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Value imports (not `import type`) reachable from `entry`: static ones, and those made lazily with `import()`. */
function reachableImports(entry: string) {
  const files = new Set<string>();
  const packages = { static: new Set<string>(), lazy: new Set<string>() };
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''); // not the examples in doc comments
    const staticImports = [...source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
    const lazyImports = [...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
    for (const specifier of staticImports) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.static.add(specifier);
    }
    for (const specifier of lazyImports) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.lazy.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the core entry', () => {
  const { files, packages } = reachableImports(resolve(SRC, 'index.ts'));

  it('loads only zod when imported', () => {
    expect([...packages.static]).toEqual(['zod']);
  });

  it('loads the SDK and the helpers of its terminals lazily, and never the testing kit', () => {
    expect([...packages.lazy].sort()).toEqual(['@runloop/api-client', 'diff', 'p-limit']);
    expect([...files].filter((file) => file.includes('/testing/') || file.includes('/cli/') || file.includes('/verify/') || file.includes('/import/'))).toEqual([]);
  });
});

describe('the scorer kinds', () => {
  it('import no Node module and no package but zod: their local runners get processes and files through the ScorerRuntime', () => {
    const { files, packages } = reachableImports(resolve(SRC, 'scorers/registry.ts'));
    expect([...packages.static, ...packages.lazy]).toEqual(['zod']);
    // and nothing of the entries above the core (verify's runtime is handed in, never imported)
    expect([...files].filter((file) => !/\/src\/(scorers|schema|util|validation)\//.test(file))).toEqual([]);
  });
});

describe('the import entry', () => {
  it('loads zod, its TOML and YAML parsers and Node built-ins, never the SDK', () => {
    const { packages } = reachableImports(resolve(SRC, 'import/index.ts'));
    expect([...packages.static].filter((name) => !name.startsWith('node:')).sort()).toEqual(['smol-toml', 'yaml', 'zod']);
  });
});

describe('the testing entry', () => {
  it('does not depend on the DSL it checks', () => {
    const { files } = reachableImports(resolve(SRC, 'testing/index.ts'));
    // dependency-free helpers of src/util (shell quoting for the recovery it suggests) are not the DSL
    expect([...files].filter((file) => !file.includes('/testing/') && !file.includes('/src/util/'))).toEqual([]);
    for (const helper of [...files].filter((file) => file.includes('/src/util/'))) expect([...reachableImports(helper).files].filter((file) => !file.includes('/src/util/'))).toEqual([]);
  });
});
