import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builderName, isScenarioBuilder, type ScenarioBuilder } from '../scenario/scenario-builder.js';
import { isSuite } from '../suite/define-suite.js';
import { UsageError } from './usage-error.js';

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** The scenarios found in some files, and notes about what was skipped. */
export interface LoadedScenarios {
  readonly builders: readonly ScenarioBuilder[];
  readonly notes: readonly string[];
}

/**
 * Loads `.ts` and `.js` modules (a directory stands for the modules directly in it) and collects
 * the scenarios they export: builders, arrays of builders and suites, each builder once however
 * often it is exported. An exported builder without a name is a template, not a scenario: it is
 * skipped, with a note. TypeScript is loaded with tsx.
 */
export async function loadScenarios(paths: readonly string[], cwd: string): Promise<LoadedScenarios> {
  const { tsImport } = await import('tsx/esm/api');
  // a set: one builder exported twice (a suite and the array it was made from, a default export) is one scenario
  const builders = new Set<ScenarioBuilder>();
  const notes: string[] = [];
  for (const file of await moduleFiles(paths, cwd)) {
    const module = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      for (const builder of scenariosIn(value)) {
        if (builderName(builder) === undefined) {
          notes.push(`skipped ${exportName} in ${file}: a builder without a name is a template, not a scenario`);
        } else builders.add(builder);
      }
    }
  }
  return { builders: [...builders], notes };
}

function scenariosIn(value: unknown): ScenarioBuilder[] {
  if (isScenarioBuilder(value)) return [value];
  if (isSuite(value)) return [...value.builders];
  if (Array.isArray(value)) return value.flatMap(scenariosIn);
  return [];
}

async function moduleFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => {
      throw new UsageError(`${path}: no such file or directory`);
    });
    if (!info.isDirectory()) {
      files.push(absolute);
      continue;
    }
    const entries = (await readdir(absolute)).filter(
      (name) => MODULE_EXTENSIONS.has(extname(name)) && !/\.d\.[cm]?ts$/.test(name),
    );
    files.push(...entries.sort().map((name) => join(absolute, name)));
  }
  return files;
}
