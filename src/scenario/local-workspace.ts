/**
 * A scenario's local workspace, as `.workspace()` was given it: a local-only setting (for
 * `scenariokit/verify`), never part of a payload. `path` is a path or a `file:` URL; a relative
 * path resolves against `definedIn`, the file (a path or a `file:` URL, as the call stack named
 * it) whose code called `.workspace()`, or is undefined when the stack did not name a file there
 * (code run from a `data:` URL, as tsx runs a CommonJS module, or from `eval`): such a path stays
 * unresolved, for the command to resolve against the file it loaded the scenario from.
 */
export interface LocalWorkspace {
  readonly path: string;
  readonly definedIn: string | undefined;
}

/** A stack frame's location: `at name (location)` or `at location`. */
const FRAME = /^\s*at (?:.*? \((.+)\)|(.+))$/;
/** A location in a file: a path or a `file:` URL, then `:line:column`. */
const FILE_LOCATION = /^((?:file:\/\/|\/|[A-Za-z]:[\\/]).*):\d+:\d+$/;

/**
 * The local workspace `.workspace(path)` names: captures, from `stack` (an `Error().stack` made
 * in the method), the file of the frame below the method's own, which is the caller's. When that
 * frame is not in a file, the caller's file is unknown: no other frame stands in for it (the next
 * one down is not the caller's, but whatever called the caller: a loader, the command).
 */
export function localWorkspace(path: string | URL, stack: string | undefined): LocalWorkspace {
  const frames = (stack ?? '').split('\n').filter((line) => FRAME.test(line));
  const caller = FRAME.exec(frames[1] ?? '');
  const location = caller?.[1] ?? caller?.[2] ?? '';
  const definedIn = FILE_LOCATION.exec(location)?.[1];
  return Object.freeze({ path: typeof path === 'string' ? path : String(path), definedIn });
}
