import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { builderWorkspace } from '../scenario/scenario-builder.js';
import { findScenarioFiles } from './find-scenario-files.js';
import { loadModuleFile } from './load-module-file.js';
import { loadPayloadFile } from './load-payload-file.js';
import type { LoadedEntry, ScenarioFileLoader } from './scenario-file-loader.js';
import { UsageError } from './usage-error.js';

/** The scenarios found in some files, what was skipped, and the files that could not be used. */
export interface LoadedScenarios {
  /** Every builder found, once, with the file (and export, or place in a payload file) it came from. */
  readonly entries: readonly LoadedEntry[];
  /** What was skipped and why (templates), for stderr. */
  readonly notes: readonly string[];
  /** Every problem with the files (one that fails to load, an export that is not a scenario, an invalid payload), each naming the file: exit code 2. */
  readonly problems: readonly string[];
  /** How many files were read. */
  readonly files: number;
}

/**
 * How each kind of scenario file is read, by extension: the one place that decides. Modules run
 * and their exports are collected; payload files hold create payloads as data. A file named on
 * the command line with another extension is a usage error (a directory's others are left out).
 */
const LOADERS: Readonly<Record<string, ScenarioFileLoader>> = {
  '.ts': loadModuleFile,
  '.mts': loadModuleFile,
  '.cts': loadModuleFile,
  '.js': loadModuleFile,
  '.mjs': loadModuleFile,
  '.cjs': loadModuleFile,
  '.json': loadPayloadFile,
  '.yaml': loadPayloadFile,
  '.yml': loadPayloadFile,
};

/** What `<files...>` may be, for the commands' `--help`. */
export const FILES_ARGUMENT_HELP = '.ts/.js modules, .json/.yaml payload files, or directories of them';

/**
 * Loads the scenarios of `paths` (relative to `cwd`): `.ts`/`.js` modules, whose exported
 * scenarios are collected, and `.json`/`.yaml`/`.yml` files holding create payloads. A directory
 * stands for every such file in it and its subdirectories (declaration files, dot files and a
 * project's tool files left out: {@link NEVER_SCENARIOS}). A file
 * that cannot be used is reported, naming it, and the others are still read; every problem in
 * every file is returned. A builder reached from several files counts once.
 */
export async function loadScenarios(paths: readonly string[], cwd: string): Promise<LoadedScenarios> {
  const files = await findScenarioFiles(paths, cwd, isScenarioFile);
  const unknown = files.filter((path) => !Object.hasOwn(LOADERS, extname(path)));
  if (unknown.length > 0) {
    const kinds = Object.keys(LOADERS).join(', ');
    throw new UsageError(`${unknown.map((path) => relative(cwd, path) || path).join(', ')}: not a kind of scenario file; the kinds are ${kinds} (${FILES_ARGUMENT_HELP})`);
  }
  const found = new Map<unknown, LoadedEntry>();
  const notes: string[] = [];
  const problems: string[] = [];
  for (const path of files) {
    const shown = relative(cwd, path).split(sep).join('/') || path;
    const loaded = await LOADERS[extname(path)]!({ path, shown, cwd });
    notes.push(...loaded.notes);
    problems.push(...loaded.problems);
    for (const entry of loaded.entries) if (!found.has(entry.builder)) found.set(entry.builder, withWorkspaceResolved(entry, path));
  }
  return { entries: [...found.values()], notes, problems, files: files.length };
}

/**
 * The entry with its builder's relative `.workspace()` resolved against `file`, the file it was
 * loaded from, when the call stack did not name the file that called `.workspace()` (tsx runs a
 * CommonJS module from a `data:` URL): the command knows the file, the library cannot guess it.
 */
function withWorkspaceResolved(entry: LoadedEntry, file: string): LoadedEntry {
  const local = builderWorkspace(entry.builder);
  if (local === undefined || local.definedIn !== undefined || typeof local.path !== 'string' || local.path === '') return entry;
  if (local.path.startsWith('file:') || isAbsolute(local.path)) return entry;
  return { ...entry, builder: entry.builder.workspace(resolve(dirname(file), local.path)) };
}

/**
 * Files a directory holds that are never scenarios, by name: declaration files, dot files, the
 * tool files of a JavaScript project (its manifest, lock files, compiler settings) and JSON
 * Schemas (such as `scenariokit schema --out`'s). Named on the command line, they are read.
 */
const NEVER_SCENARIOS = /^\.|\.d\.[cm]?ts$|^(package|package-lock|npm-shrinkwrap|composer)\.json$|^[tj]sconfig(\..+)?\.json$|\.schema\.json$|^pnpm-(lock|workspace)\.yaml$/;

/** Whether a directory's file is read: a kind of scenario file, and not one {@link NEVER_SCENARIOS} names. */
function isScenarioFile(name: string): boolean {
  return Object.hasOwn(LOADERS, extname(name)) && !NEVER_SCENARIOS.test(name);
}
