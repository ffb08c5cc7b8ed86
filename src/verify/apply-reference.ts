import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describePatchFailure } from './patch-failure.js';
import { shellQuote } from '../util/shell-quote.js';
import type { CommandOutcome } from '../scorers/scorer-runtime.js';

/** The first line of a unified diff: `diff …` (git), `--- ` (diff -u), `Index: ` (svn) or `From <sha> ` (git format-patch). */
const DIFF_START = /^(?:diff |--- |Index: |From [0-9a-f]{7,40} )/;

/** Whether a reference output is a unified diff (by its first non-blank line); anything else is a bash script. */
export function isUnifiedDiff(reference: string): boolean {
  const first = reference.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && DIFF_START.test(first);
}

/** What {@link applyReference} needs: the text, its direction, a directory outside the workspace, and a way to run bash in the workspace. */
export interface ReferenceApplication {
  readonly reference: string;
  readonly reverse: boolean;
  readonly scratchDirectory: string;
  readonly timeoutSeconds: number;
  readonly run: (commandLine: string) => Promise<CommandOutcome>;
}

/** The last non-blank line of some output, for a sentence. */
export const lastLine = (output: string) => output.split('\n').filter((line) => line.trim() !== '').at(-1)?.trim();

/**
 * Applies a scenario's reference output in the workspace: a unified diff with `patch -p1`
 * (`-R` when reversed), checked first with `--dry-run` so that a diff that does not apply
 * leaves nothing half-applied; anything else runs as a bash script. Resolves with why it
 * failed, as a sentence, or undefined when it was applied.
 */
export async function applyReference({ reference, reverse, scratchDirectory, timeoutSeconds, run }: ReferenceApplication): Promise<string | undefined> {
  if (!isUnifiedDiff(reference)) {
    const outcome = await run(reference);
    if (outcome.timedOut) return `reference_output (a bash script) timed out after ${timeoutSeconds} s`;
    if (outcome.exitCode === 0) return undefined;
    const last = lastLine(outcome.output);
    return `reference_output (a bash script) failed (exit ${outcome.exitCode ?? outcome.signal})${last ? `: ${last}` : ''}`;
  }
  const file = join(scratchDirectory, 'reference.patch');
  await writeFile(file, reference); // as it is: Runloop's harness writes it to a file the same way
  const patch = `patch -p1 --forward${reverse ? ' -R' : ''} -i ${shellQuote(file)}`;
  // one process: the dry run's output when it fails, the real run's otherwise
  const outcome = await run(`dry=$(${patch} --dry-run 2>&1) || { printf '%s\\n' "$dry"; exit 1; }; ${patch}`);
  if (outcome.timedOut) return `reference_output timed out after ${timeoutSeconds} s in patch`;
  if (outcome.exitCode !== 0) return `reference_output ${describePatchFailure(outcome.output, reverse)}`;
  return undefined;
}
