import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readlink, symlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * Copies a workspace directory tree to `target` (which must not exist): files with their modes
 * (a copy-on-write clone where the file system has them), directories, and symbolic links as
 * they are, except that a relative link leading out of the workspace is made absolute, so that
 * it still points where it pointed (a `node_modules` link to a shared install keeps working)
 * while links within the workspace point within the copy. Faster than `fs.cp` for the many
 * small trees verify copies.
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
