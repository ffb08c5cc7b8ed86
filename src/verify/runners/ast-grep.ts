import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { shellQuote } from '../../util/shell-quote.js';

/** The first `ERROR: …` line ast-grep wrote, if any (e.g. a search directory that does not exist). */
const ERROR_LINE = /^ERROR: (.*)$/m;

/**
 * `ast_grep_scorer`: runs ast-grep through bash with the stored pattern inside double quotes
 * (it is stored escaped for exactly that), and scores by the JSON match list, not the exit
 * status (which differs between ast-grep versions): one match or more scores 1.0, none 0.0.
 * Output that is not a match list is an error.
 */
export const runAstGrepScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'ast_grep_scorer' }>> = async (definition, runtime) => {
  const binary = await runtime.astGrepBinary();
  const lang = definition.lang === undefined ? '' : ` --lang ${shellQuote(definition.lang)}`;
  const commandLine = `${shellQuote(binary)} run --pattern "${definition.pattern}"${lang} --json=compact -- ${shellQuote(definition.search_directory)}`;
  const outcome = await runtime.bash(commandLine);
  if (outcome.timedOut) return { score: 0, state: 'error', output: outcome.output, summary: `timed out after ${runtime.timeoutSeconds} s` };
  const matches = countMatches(outcome.stdout);
  if (matches === undefined) {
    const reason = ERROR_LINE.exec(outcome.output)?.[1] ?? outcome.output.trim().split('\n')[0] ?? '';
    return { score: 0, state: 'error', output: outcome.output, summary: `printed no match list (exit ${outcome.exitCode}${reason ? `: ${reason}` : ''})` };
  }
  if (matches === 0) {
    const reason = ERROR_LINE.exec(outcome.output)?.[1];
    return { score: 0, state: 'complete', output: outcome.output, summary: `found no match${reason ? ` (ast-grep: ${reason})` : ''}` };
  }
  return { score: 1, state: 'complete', output: outcome.output, summary: matches === Infinity ? 'found matches' : `found ${matches} match${matches === 1 ? '' : 'es'}` };
};

/** The number of matches in ast-grep's `--json=compact` output; Infinity when it was too long to keep whole; undefined when it is not a match list. */
function countMatches(stdout: string): number | undefined {
  const text = stdout.trim();
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.length : undefined;
  } catch {
    // only the last 64 KiB are kept: a longer list is cut at its start, and holds matches
    return text.endsWith('}]') && !text.startsWith('[') ? Infinity : undefined;
  }
}
