import type { CollectedBuilder } from '../suite/collect-builders.js';

/** A file to read scenarios from: where it is, and how messages name it. */
export interface ScenarioFile {
  /** The absolute path. */
  readonly path: string;
  /** The path as messages show it: relative to `cwd`, with `/`. */
  readonly shown: string;
  /** The directory the command runs in. */
  readonly cwd: string;
}

/**
 * A builder found in a file, with where it came from; a payload file's also say on which line
 * each field of the payload is written, so that an issue can name its line.
 */
export interface LoadedEntry extends CollectedBuilder {
  /** `file:line` of a field of the scenario's payload (a wire path); payload files only. */
  readonly locate?: (path: readonly (string | number)[]) => string;
}

/** What one file held: its scenarios, notes for stderr, and problems (exit code 2), each naming the file. */
export interface LoadedFile {
  /** The builders found, each with where in the file it came from. */
  readonly entries: readonly LoadedEntry[];
  /** What was skipped and why. */
  readonly notes: readonly string[];
  /** What is wrong with the file, one problem a line, all of them. */
  readonly problems: readonly string[];
}

/** Reads the scenarios of one kind of file (modules, payload files); never throws for what is in the file. */
export type ScenarioFileLoader = (file: ScenarioFile) => Promise<LoadedFile>;
