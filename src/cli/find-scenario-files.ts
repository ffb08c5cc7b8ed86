import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** Files that make a folder a project of its own: a workspace (a checkout verify copies), not scenarios. */
const PROJECT_MARKERS = ['package.json', 'pyproject.toml', 'setup.py', 'go.mod', 'Cargo.toml', '.git'];

/**
 * The files that `paths` stand for, in order: a file stands for itself, whatever its name; a
 * directory for the files in it and in its subdirectories whose name `include` accepts, sorted.
 * Left out: `node_modules`, folders whose name starts with a dot, symbolic links to folders, and
 * subfolders that hold a project of their own (a `package.json`, `pyproject.toml`, `setup.py`,
 * `go.mod`, `Cargo.toml` or `.git`): those are workspaces, whose files are not scenarios. A path
 * that does not exist is a {@link UsageError}.
 */
export async function findScenarioFiles(paths: readonly string[], cwd: string, include: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => {
      throw new UsageError(`${path}: no such file or directory`);
    });
    if (info.isDirectory()) files.push(...(await filesUnder(absolute, include)));
    else files.push(absolute);
  }
  return [...new Set(files)];
}

async function filesUnder(dir: string, include: (name: string) => boolean): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && !(await isProject(path))) files.push(...(await filesUnder(path, include)));
    } else if (include(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))) {
      files.push(path);
    }
  }
  return files;
}

async function isProject(dir: string): Promise<boolean> {
  const names = new Set(await readdir(dir));
  return PROJECT_MARKERS.some((marker) => names.has(marker));
}
