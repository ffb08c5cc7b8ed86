/**
 * A scenario's local workspace, as `.workspace()` was given it: a local-only setting (for
 * `scenariokit/verify`), never part of a payload. `path` is a path or a `file:` URL; a relative
 * path resolves against `definedIn`, the file (a path or a `file:` URL, as the call stack named
 * it) whose code called `.workspace()`, or is undefined when the stack did not tell.
 */
export interface LocalWorkspace {
  readonly path: string;
  readonly definedIn: string | undefined;
}

/** A stack frame's location: `(file:line:column)` or `at file:line:column`, the file a path or a `file:` URL. */
const FRAME_FILE = /(?:\(|\bat )((?:file:\/\/|\/|[A-Za-z]:[\\/])[^()]*?):\d+:\d+\)?\s*$/;

/**
 * The local workspace `.workspace(path)` names: captures, from `stack` (an `Error().stack` made
 * in the method), the first file other than the method's own, which is the caller's file.
 */
export function localWorkspace(path: string | URL, stack: string | undefined): LocalWorkspace {
  const files = (stack ?? '').split('\n').map((line) => FRAME_FILE.exec(line)?.[1]);
  const own = files.find((file) => file !== undefined);
  const definedIn = files.find((file) => file !== undefined && file !== own);
  return Object.freeze({ path: typeof path === 'string' ? path : String(path), definedIn });
}
