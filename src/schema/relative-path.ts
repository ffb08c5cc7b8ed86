/** A relative path with no empty, `.` or `..` segment, nothing to normalise. */
const ALREADY_NORMAL = /^(?=.*\S)(?![~\\]|[A-Za-z]:[\\/])(?:(?!\.\.?\/)[^/]+\/)*(?!\.\.?$)[^/]+$/;

/** What is wrong with a path that should stay inside the working directory. */
export type PathProblem = 'absolute' | 'outside' | 'not-a-file';

/**
 * Checks a path that must stay inside the working directory and gives its normal form
 * (`./a//b` → `a/b`), by which two paths are compared; the payload keeps the path as written.
 * Returns the problem instead when the path is absolute, climbs out with `..`, or (for a file)
 * names a directory or nothing.
 */
export function normalizeRelativePath(
  path: string,
  { file = true } = {},
): { path: string; problem?: undefined; message?: undefined } | { path?: undefined; problem: PathProblem; message: string } {
  if (ALREADY_NORMAL.test(path)) return { path };
  if (/^(\/|~|[A-Za-z]:[\\/]|\\)/.test(path)) {
    return { problem: 'absolute', message: `${JSON.stringify(path)} is absolute; give a path relative to the working directory` };
  }
  const notAFile = { problem: 'not-a-file', message: `${JSON.stringify(path)} is not a file path` } as const;
  if (file && (path.endsWith('/') || path.trim() === '')) return notAFile;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.pop() === undefined) {
      return { problem: 'outside', message: `${JSON.stringify(path)} climbs out of the working directory with ".."` };
    }
  }
  if (parts.length === 0 && file) return notAFile;
  return { path: parts.join('/') || '.' };
}
