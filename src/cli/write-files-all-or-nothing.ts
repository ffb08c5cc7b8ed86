import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Writes `files` into the directory `out` (relative to `cwd`, made when missing), all or none:
 * every file is first written to a staging folder inside `out`, then moved into place; when any
 * write fails, the staging folder (and `out`, if it was made here) is removed and nothing of
 * `out` has changed.
 */
export async function writeFilesAllOrNothing(cwd: string, out: string, files: readonly { name: string; contents: string }[]): Promise<void> {
  const dir = resolve(cwd, out);
  const made = await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.scenariokit-build-'));
  try {
    for (const { name, contents } of files) {
      await writeFile(join(staging, name), contents).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`could not write ${join(out, name)}: ${error.code ?? error.message}; nothing was written`);
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
