import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readlink, realpath, symlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, parse, resolve, sep } from 'node:path';

/**
 * Copies a workspace directory tree to `target` (which must not exist): files with their modes
 * (a copy-on-write clone where the file system has them), directories, and symbolic links as
 * they are, except that a relative link leading out of the workspace is made absolute, so that
 * it still points where it pointed (a `node_modules` link to a shared install keeps working)
 * while links within the workspace point within the copy (`fs.cp` makes every relative link
 * absolute, pointing into the original, or, with `verbatimSymlinks`, none).
 */
export async function copyWorkspace(source: string, target: string, root = source): Promise<void> {
  await mkdir(target, { recursive: true });
  const entries = await readdir(source, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const from = join(source, entry.name);
      const to = join(target, entry.name);
      if (entry.isDirectory()) return copyWorkspace(from, to, root);
      if (entry.isSymbolicLink()) {
        const link = await readlink(from);
        const resolved = resolve(dirname(from), link);
        const within = resolved === root || resolved.startsWith(`${root}${sep}`);
        return symlink(isAbsolute(link) || within ? link : resolved, to);
      }
      if (entry.isFile()) return copyFile(from, to, constants.COPYFILE_FICLONE);
      return undefined; // sockets, pipes and devices are not part of a checkout
    }),
  );
}

/**
 * Why `workspace` cannot be copied for each run, as a phrase, or undefined: the root directory
 * and the home directory are far more than a project, and a directory holding
 * `temporaryDirectory` (where every run's copy goes) would be copied into itself, over and over.
 * Symbolic links are followed, so that `/tmp` and `/private/tmp` are one directory.
 */
export async function workspaceProblem(workspace: string, temporaryDirectory: string): Promise<string | undefined> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  const [at, temporary, home] = await Promise.all([real(workspace), real(temporaryDirectory), real(homedir())]);
  if (at === parse(at).root) return `its workspace ${workspace} is the root directory, which verify would copy whole for every run; give the project's directory`;
  if (temporary === at || temporary.startsWith(`${at}${sep}`)) {
    return `its workspace ${workspace} holds the temporary directory ${temporaryDirectory}, where verify copies the workspace for each run, so it would be copied into itself; give a directory that does not hold it, or set TMPDIR to a directory outside the workspace`;
  }
  if (at === home) return `its workspace ${workspace} is the home directory, which verify would copy whole for every run; give the project's directory`;
  return undefined;
}
