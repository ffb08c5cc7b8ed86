import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builderName, isScenarioBuilder } from '../scenario/scenario-builder.js';
import { collectBuilders, isBrandedSuite, type CollectedBuilder } from '../suite/collect-builders.js';
import type { ScenarioFileLoader } from './scenario-file-loader.js';

/**
 * Loads a `.ts` or `.js` module (TypeScript through tsx) and collects the scenarios it exports
 * with `defineSuite`'s rule: builders, suites, arrays, sets and generators of them. An exported
 * builder without a name is a template, not a scenario: it is skipped, with a note. Other exports
 * (helpers, data) are left alone, unless they hold builders mixed with other things. A module
 * that fails to load is a problem naming the file, with the place in the user's code when known.
 */
export const loadModuleFile: ScenarioFileLoader = async ({ path, shown, cwd }) => {
  const { tsImport } = await import('tsx/esm/api');
  let module: Record<string, unknown>;
  try {
    module = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    return { entries: [], notes: [], problems: [`${shown}: could not be loaded: ${describeLoadError(error, cwd)}`] };
  }
  const found: CollectedBuilder[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  for (const [exportName, value] of Object.entries(module)) {
    const origin = `${shown}, export ${exportName}`;
    if (isScenarioBuilder(value) && builderName(value) === undefined) {
      notes.push(`skipped ${origin}: a builder without a name is a template, not a scenario`);
      continue;
    }
    if (!mayHoldScenarios(value)) continue;
    const others: string[] = [];
    let entries: CollectedBuilder[];
    try {
      entries = collectBuilders(value, { origin, onOther: (_other, at) => others.push(at) });
    } catch (error) {
      problems.push(`${origin}: ${describeLoadError(error, cwd)}`);
      continue;
    }
    if (entries.length === 0) continue; // data, not scenarios
    if (others.length > 0) {
      problems.push(`${origin}: holds scenario builders and other values (at ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}); export only builders, suites, or arrays and generators of them`);
      continue;
    }
    found.push(...entries);
  }
  return { entries: found, notes, problems };
};

/** Whether an export may be a suite's source: a builder, a suite, a generator function, or an iterable object (not a string). */
function mayHoldScenarios(value: unknown): boolean {
  if (isScenarioBuilder(value) || isBrandedSuite(value)) return true;
  if (typeof value === 'function') return Object.prototype.toString.call(value) === '[object GeneratorFunction]';
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

/**
 * A load error in a line: its message (without tsx's "Transform failed" preamble) and, for an
 * error thrown while the module ran, where in the user's code, paths relative to `cwd`.
 */
function describeLoadError(error: unknown, cwd: string): string {
  if (!(error instanceof Error)) return String(error);
  const here = `${cwd.replace(/[\\/]$/, '')}${sep}`;
  // paths relative to cwd, without the query tsx adds to the modules it loads
  const local = (text: string) => text.split(pathToFileURL(here).href).join('').split(here).join('').replace(/\?tsx-namespace=[\w-]+/g, '');
  const message = error.message.replace(/^Transform failed with \d+ errors?:\n/, '').trim();
  const name = error.name === 'Error' || error.name === 'TransformError' ? '' : `${error.name}: `;
  const frame = error.stack
    ?.split('\n')
    .map((line) => /((?:file:\/\/)?\/[^\s():]+|[A-Za-z]:\\[^\s():]+):(\d+)(?::(\d+))?/.exec(line))
    .find((match) => match !== null && !match[1]!.includes('node_modules'));
  const at = frame && !message.includes(frame[1]!) ? ` (at ${local(frame[0])})` : '';
  return local(`${name}${message}${at}`);
}
