import { lstat, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Writes `files` into the directory `out` (relative to `cwd`, made when missing), all or none:
 * every place is checked first (a folder or another non-file where a file should go is refused),
 * every file is written to a staging folder inside `out`, and only then are they moved into place
 * (a rename within one folder). When anything fails before the moves, the staging folder (and
 * `out`, if it was made here) is removed and `out` is as it was.
 */
export async function writeFilesAllOrNothing(cwd: string, out: string, files: readonly { name: string; contents: string }[]): Promise<void> {
  const dir = resolve(cwd, out);
  for (const { name } of files) {
    const existing = await lstat(join(dir, name)).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
      throw new UsageError(`${join(out, name)} exists and is not a file, so it cannot be replaced; move it, or choose another --out. Nothing was written.`);
    }
  }
  const made = await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.scenariokit-build-'));
  try {
    for (const { name, contents } of files) {
      await writeFile(join(staging, name), contents).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`could not write ${join(out, name)} (${error.code ?? error.message}); nothing was written`);
      });
    }
    for (const { name } of files) await rename(join(staging, name), join(dir, name));
  } catch (error) {
    if (made !== undefined) await rm(made, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
