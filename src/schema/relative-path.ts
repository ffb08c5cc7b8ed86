/** A relative path with no empty, `.` or `..` segment, nothing to normalise. */
const ALREADY_NORMAL = /^(?=.*\S)(?![~\\]|[A-Za-z]:[\\/])(?:(?!\.\.?\/)[^/]+\/)*(?!\.\.?$)[^/]+$/;

/**
 * Checks a path that must stay inside the working directory and gives its normal form
 * (`./a//b` → `a/b`), by which two paths are compared; the payload keeps the path as written.
 * Returns the problem instead when the path is absolute, empty, a directory, or climbs out
 * with `..`.
 */
export function normalizeRelativePath(path: string): { path?: string; problem?: string } {
  if (ALREADY_NORMAL.test(path)) return { path };
  if (/^(\/|~|[A-Za-z]:[\\/]|\\)/.test(path)) {
    return { problem: `${JSON.stringify(path)} is absolute; give a path relative to the working directory` };
  }
  if (path.endsWith('/') || path.trim() === '') {
    return { problem: `${JSON.stringify(path)} is not a file path` };
  }
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') parts.push(segment);
    else if (parts.pop() === undefined) {
      return { problem: `${JSON.stringify(path)} climbs out of the working directory with ".."` };
    }
  }
  if (parts.length === 0) return { problem: `${JSON.stringify(path)} is not a file path` };
  return { path: parts.join('/') };
}
