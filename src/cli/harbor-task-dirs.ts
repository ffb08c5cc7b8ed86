import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** The files that make a folder a task: Harbor's, and legacy Terminal-Bench's. */
const TASK_FILES = ['task.toml', 'task.yaml'];

/**
 * The task folders of `paths` (relative to `cwd`), each as given and as an absolute path: a
 * folder holding a task.toml or task.yaml is a task; a folder holding neither stands for its
 * subfolders that do (a dataset's `tasks/`), in name order, or, when none does, for itself (the
 * import then says what it lacks). A path that does not exist, or is not a folder, is a usage
 * error naming every such path.
 */
export async function harborTaskDirs(paths: readonly string[], cwd: string): Promise<{ shown: string; dir: string }[]> {
  const missing: string[] = [];
  const found: { shown: string; dir: string }[] = [];
  for (const path of paths) {
    const dir = resolve(cwd, path);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
      missing.push(`${path}: ${info === undefined ? 'no such folder' : 'not a folder'}`);
      continue;
    }
    if (await isTask(dir)) {
      found.push({ shown: path, dir });
      continue;
    }
    const children = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const tasks: string[] = [];
    for (const child of children) if (await isTask(join(dir, child))) tasks.push(child);
    if (tasks.length === 0) found.push({ shown: path, dir });
    else found.push(...tasks.map((child) => ({ shown: join(path, child), dir: join(dir, child) })));
  }
  if (missing.length > 0) throw new UsageError(`${missing.join('\n')}\nName Harbor task folders (holding task.toml or task.yaml), or folders of them. Nothing was imported.`);
  return found;
}

async function isTask(dir: string): Promise<boolean> {
  for (const file of TASK_FILES) if ((await stat(join(dir, file)).catch(() => undefined))?.isFile()) return true;
  return false;
}
