import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every module specifier reachable from `entry` through static and dynamic imports. */
function reachableImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the core entry', () => {
  it('never loads the testing kit, ajv, yaml or node:http2', () => {
    const { files, packages } = reachableImports(resolve(SRC, 'index.ts'));
    expect([...files].filter((file) => file.includes('/testing/'))).toEqual([]);
    expect([...packages].sort()).toEqual(['@runloop/api-client', '@runloop/api-client/core', '@runloop/api-client/resources/scenarios/scenarios', 'zod']);
  });

  it('while the testing entry does not depend on the DSL it checks', () => {
    const { files } = reachableImports(resolve(SRC, 'testing/index.ts'));
    expect([...files].filter((file) => !file.includes('/testing/'))).toEqual([]);
  });
});
