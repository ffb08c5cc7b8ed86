import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describeValue } from '../../util/describe-value.js';
import type { FieldProblem } from '../import-problem.js';

/**
 * A Harbor task folder (`task.toml`) or a legacy Terminal-Bench one (`task.yaml`), as read from
 * disk: what a blueprint function (the `blueprintId` option) gets to choose or build the
 * environment.
 *
 * @example
 * ```ts
 * const blueprintFor = (task: HarborTask) => `bpt_${task.name.replace(/\W+/g, '_')}`;
 * await fromHarborTask('tasks/hello-world', { blueprintId: blueprintFor });
 * ```
 */
export interface HarborTask {
  /** The folder, as an absolute path. */
  readonly dir: string;
  /** `[task].name` of task.toml, else the folder's name; becomes the scenario's name. */
  readonly name: string;
  /** `harbor` (task.toml) or `terminal-bench` (legacy task.yaml). */
  readonly format: 'harbor' | 'terminal-bench';
  /** The parsed task.toml or task.yaml, as it is. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The Dockerfile the environment is built from (`environment/Dockerfile`, or `Dockerfile` in a legacy folder), when there is one. */
  readonly dockerfile: string | undefined;
  /** `[environment].docker_image`: a prebuilt image instead of the Dockerfile, when given. */
  readonly dockerImage: string | undefined;
}

/** A task folder's files that the import uses, besides its configuration. */
export interface TaskFiles {
  readonly task: HarborTask;
  /** The instruction (instruction.md, or task.yaml's `instruction`). */
  readonly instruction: string | undefined;
  /** The reference solution script (solution/solve.sh, or solution.sh). */
  readonly solution: string | undefined;
  /** Files of tests/, by path relative to it (text as strings, anything else as bytes). */
  readonly tests: ReadonlyMap<string, string | Uint8Array>;
  /** The legacy folder's run-tests.sh. */
  readonly runTests: string | undefined;
  /** The last plain `WORKDIR` of the Dockerfile. */
  readonly dockerWorkdir: string | undefined;
}

/** Reads a task folder; problems name the file (and field) that is wrong. */
export async function readTaskFolder(dir: string): Promise<{ files?: TaskFiles; problems: FieldProblem[] }> {
  const root = resolve(dir);
  const toml = await readText(join(root, 'task.toml'));
  const yaml = toml === undefined ? await readText(join(root, 'task.yaml')) : undefined;
  if (toml === undefined && yaml === undefined) {
    const exists = await readdir(root).then(() => true, () => false);
    return { problems: [{ field: '(folder)', message: exists ? 'has no task.toml (Harbor) or task.yaml (Terminal-Bench)' : 'does not exist or cannot be read' }] };
  }
  let config: Record<string, unknown>;
  try {
    config = (toml !== undefined ? parseToml(toml) : parseYaml(yaml!)) as Record<string, unknown>;
  } catch (error) {
    const file = toml !== undefined ? 'task.toml' : 'task.yaml';
    return { problems: [{ field: file, message: `cannot be parsed: ${firstLine((error as Error).message)}` }] };
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return { problems: [{ field: toml !== undefined ? 'task.toml' : 'task.yaml', message: 'must be a table of settings' }] };
  }
  const harbor = toml !== undefined;
  const taskTable = config.task as { name?: unknown } | undefined;
  const named = harbor && typeof taskTable?.name === 'string' && /\S/.test(taskTable.name) ? taskTable.name : basename(root);
  const environment = (config.environment ?? {}) as { docker_image?: unknown };
  const problems: FieldProblem[] = [];
  const image = environment.docker_image;
  // one token: the image becomes `FROM <image>`, and a line break in it would add instructions
  const imageIsValid = typeof image === 'string' && /^\S+$/.test(image);
  if (image !== undefined && !imageIsValid) {
    problems.push({ field: harbor ? 'task.toml [environment].docker_image' : 'task.yaml environment.docker_image', message: `must be an image name without spaces or line breaks, such as "ubuntu:24.04" (got ${describeValue(image)})` });
  }
  const dockerfilePath = join(root, harbor ? 'environment' : '', 'Dockerfile');
  const dockerfileText = await readText(dockerfilePath);
  const task: HarborTask = {
    dir: root,
    name: named,
    format: harbor ? 'harbor' : 'terminal-bench',
    config,
    dockerfile: dockerfileText === undefined ? undefined : dockerfilePath,
    dockerImage: imageIsValid ? image : undefined,
  };
  const tests = await readTree(join(root, 'tests'), problems);
  return {
    problems,
    files: {
      task,
      instruction: harbor ? await readText(join(root, 'instruction.md')) : legacyInstruction(config),
      solution: await readText(join(root, harbor ? 'solution/solve.sh' : 'solution.sh')),
      tests,
      runTests: harbor ? undefined : await readText(join(root, 'run-tests.sh')),
      dockerWorkdir: dockerfileText === undefined ? undefined : lastWorkdir(dockerfileText),
    },
  };
}

/** task.yaml's `instruction`, or the `base` entry of the older `descriptions` list. */
function legacyInstruction(config: Record<string, unknown>): string | undefined {
  if (typeof config.instruction === 'string') return config.instruction;
  const descriptions = config.descriptions;
  if (!Array.isArray(descriptions)) return undefined;
  const base = descriptions.find((entry) => (entry as { key?: unknown })?.key === 'base') as { description?: unknown } | undefined;
  return typeof base?.description === 'string' ? base.description : undefined;
}

/** The last `WORKDIR /absolute/path` of a Dockerfile, when it is a plain path (no variables). */
function lastWorkdir(dockerfile: string): string | undefined {
  const workdirs = [...dockerfile.matchAll(/^\s*WORKDIR\s+(\S+)\s*$/gim)].map((match) => match[1]!);
  const last = workdirs.at(-1);
  return last !== undefined && /^\/[\w./-]*$/.test(last) ? last : undefined;
}

/** Every file under `dir`, by relative path; text files as strings. A missing folder is empty. */
async function readTree(dir: string, problems: FieldProblem[]): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) {
      problems.push({ field: `tests/${path}`, message: 'is not a regular file (a link?); copy the file it stands for into tests/' });
      continue;
    }
    files.set(path, asText(await readFile(join(dir, path))));
  }
  return files;
}

/** UTF-8 text without NUL as a string; anything else as bytes. */
function asText(bytes: Uint8Array): string | Uint8Array {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? bytes : text;
  } catch {
    return bytes;
  }
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
