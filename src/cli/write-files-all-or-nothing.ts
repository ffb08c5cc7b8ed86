import { link, lstat, mkdir, mkdtemp, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Writes `files` into the directory `out` (relative to `cwd`, made when missing), all or none:
 * every place is checked first (a file where `out` or a folder above it should be is refused, as
 * is a folder or another non-file where a file should go;
 * without `overwrite`, so is an existing file), every file is written to a staging folder inside
 * `out`, and only then are they moved into place: renamed over what is there, or, without
 * `overwrite`, linked, which fails for a file that appeared in the meantime rather than replace it
 * (the files linked before it are then removed). When anything fails before the moves, the
 * staging folder (and `out`, if it was made here) is removed and `out` is as it was.
 */
export async function writeFilesAllOrNothing(
  cwd: string,
  out: string,
  files: readonly { name: string; contents: string }[],
  { overwrite = true }: { overwrite?: boolean } = {},
): Promise<void> {
  const dir = resolve(cwd, out);
  const blocking = await fileInTheWay(cwd, out);
  if (blocking !== undefined) throw new UsageError(`${blocking} is a file, not a directory, so nothing can be written in it; move it, or choose another --out. Nothing was written.`);
  for (const { name } of files) {
    const existing = await lstat(join(dir, name)).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
      throw new UsageError(`${join(out, name)} exists and is not a file, so it cannot be replaced; move it, or choose another --out. Nothing was written.`);
    }
    if (existing !== undefined && !overwrite) throw refuseOverwrite(join(out, name));
  }
  const made = await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.scenariokit-build-'));
  const linked: string[] = [];
  try {
    for (const { name, contents } of files) {
      await writeFile(join(staging, name), contents).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`could not write ${join(out, name)} (${error.code ?? error.message}); nothing was written`);
      });
    }
    for (const { name } of files) {
      if (overwrite) await rename(join(staging, name), join(dir, name));
      else {
        await link(join(staging, name), join(dir, name)).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'EEXIST' ? refuseOverwrite(join(out, name)) : error;
        });
        linked.push(join(dir, name));
      }
    }
  } catch (error) {
    await Promise.all(linked.map((file) => unlink(file).catch(() => {})));
    if (made !== undefined) await rm(made, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The closest of `out` and the folders above it that exists, as `out` names it, when it is not a directory (symbolic links followed). */
async function fileInTheWay(cwd: string, out: string): Promise<string | undefined> {
  for (let path = out; ; path = dirname(path)) {
    // missing (ENOENT), or under a file (ENOTDIR): look further up; any other error is mkdir's to report
    const info = await stat(resolve(cwd, path)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : null));
    if (info === null) return undefined;
    if (info !== undefined) return info.isDirectory() ? undefined : path;
    if (dirname(path) === path) return undefined;
  }
}

/**
 * Refuses an `--out` file (relative to `cwd`) that exists, unless `force`: checked before a
 * command does its work, so that it does none in vain; the write checks again, and never
 * replaces a file without `force`. `outcome` says what did not happen.
 */
export async function refuseExistingOut(cwd: string, out: string, force: boolean, outcome = 'Nothing was written.'): Promise<void> {
  if (!force && (await stat(resolve(cwd, out)).catch(() => undefined)) !== undefined) throw refuseOverwrite(out, outcome);
}

function refuseOverwrite(file: string, outcome = 'Nothing was written.'): UsageError {
  return new UsageError(`${file} already exists; pass --force to overwrite it, or choose another --out file. ${outcome}`);
}
