import type { CommandOutcome, ScorerRun } from './scorer-runtime.js';

/** A float as a scorer prints it: `1`, `1.0`, `.5`, `2.5e-1`. */
const FLOAT = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
/** A line that states a score: `score=<float>` or a bare float (surrounding blanks ignored). */
const SCORE_LINE = new RegExp(String.raw`^\s*(?:score=)?(${FLOAT})\s*$`);

/** The score a script printed: its last line of the form `score=<f>` or `<f>`, if any. */
export function printedScore(stdout: string): { readonly line: string; readonly score: number } | undefined {
  const lines = stdout.split(/\r?\n/);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = SCORE_LINE.exec(lines[index]!);
    if (match) return { line: lines[index]!.trim(), score: Number(match[1]) };
  }
  return undefined;
}

/** `[scenariokit] …` lines before a scorer's own output, for what the local engine did differently. */
export function withNotes(notes: readonly string[], output: string): string {
  return notes.map((note) => `[scenariokit] ${note}\n`).join('') + output;
}

/** How a process ended, as a phrase: `exit 1`, `killed by SIGKILL`. */
export function ending(outcome: CommandOutcome): string {
  return outcome.exitCode !== null ? `exit ${outcome.exitCode}` : `killed by ${outcome.signal ?? 'a signal'}`;
}

/** A scorer that ran out of time: an error, scored 0. */
export function timedOut(outcome: CommandOutcome, timeoutSeconds: number, notes: readonly string[] = []): ScorerRun {
  return { score: 0, state: 'error', output: withNotes(notes, outcome.output), summary: `timed out after ${timeoutSeconds} s` };
}

/** Scores by exit status, as `command_scorer` and `test_based_scorer` do: 0 passes (1.0), anything else fails (0.0). */
export function scoreByExitCode(outcome: CommandOutcome, timeoutSeconds: number, notes: readonly string[] = []): ScorerRun {
  if (outcome.timedOut) return timedOut(outcome, timeoutSeconds, notes);
  const passed = outcome.exitCode === 0;
  return {
    score: passed ? 1 : 0,
    state: 'complete',
    output: withNotes(notes, outcome.output),
    summary: `${passed ? 'passed' : 'failed'} (${ending(outcome)})`,
  };
}

/**
 * Scores by what a script printed, as bash, Python and custom scorers do: the last stdout line
 * `score=<f>` or `<f>`, which must be in [0, 1]; the exit status does not matter. No such line,
 * or a score out of range, is an error.
 */
export function scoreByPrintedScore(outcome: CommandOutcome, timeoutSeconds: number, notes: readonly string[] = []): ScorerRun {
  if (outcome.timedOut) return timedOut(outcome, timeoutSeconds, notes);
  const output = withNotes(notes, outcome.output);
  const printed = printedScore(outcome.stdout);
  if (printed === undefined) {
    return { score: 0, state: 'error', output, summary: `printed no score (${ending(outcome)})` };
  }
  if (!(printed.score >= 0 && printed.score <= 1)) {
    return { score: 0, state: 'error', output, summary: `printed ${printed.line}, outside [0, 1]` };
  }
  return { score: printed.score, state: 'complete', output, summary: `scored ${printed.line.replace(/^score=/, '')}` };
}
