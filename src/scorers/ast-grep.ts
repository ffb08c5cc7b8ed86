import { z } from 'zod';
import { argumentTextSchema, hasText } from '../schema/primitives.js';
import { normalizeRelativePath } from '../schema/relative-path.js';
import { didYouMean } from '../util/did-you-mean.js';
import { lazy } from '../util/lazy.js';
import { shellQuote } from '../util/shell-quote.js';
import { withoutNulls } from '../util/without-nulls.js';
import { coded } from '../validation/report-issue.js';
import { AST_GREP_LANGUAGES } from './ast-grep-languages.js';
import { escapeForDoubleQuotes, isEscapedForDoubleQuotes, unescapeForDoubleQuotes } from './escape-for-double-quotes.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { count } from '../util/count.js';
import { ending, timedOut } from './scorer-outcome.js';

/**
 * Options of {@link astGrep}.
 *
 * @example
 * ```ts
 * const options: AstGrepOptions = { searchDirectory: 'src', lang: 'typescript', name: 'null-guard' };
 * astGrep('if ($X == null) { $$$ }', options);
 * ```
 */
export interface AstGrepOptions extends ScorerOptions {
  /** Where ast-grep searches, relative to the working directory. Default `.`. */
  searchDirectory?: string;
  /** The pattern's language: an ast-grep language id such as `typescript`, `ts`, `python`. */
  lang?: string;
  /**
   * Set when `pattern` is already escaped for the double-quoted shell word Runloop passes it in
   * (`\$\$\$`); by default scenariokit escapes it for you.
   */
  escaped?: boolean;
}

/** Characters a search directory can hold without a shell reading anything into them. */
const PLAIN_PATH = /^[\w.@+=,:%/-]*$/;

const searchDirectorySchema = lazy(() =>
  argumentTextSchema().refine(
    (directory) => normalizeRelativePath(directory, { file: false }).problem === undefined,
    coded<string>('search-directory-outside', (directory) => `${JSON.stringify(directory)} is outside the working directory; give a path inside it, such as "src" or "."`),
  ).refine(
    (directory) => PLAIN_PATH.test(directory),
    coded<string>('search-directory-special-characters', (directory) => {
      const special = [...new Set(directory.replace(/[\w.@+=,:%/-]/g, ''))].map((char) => JSON.stringify(char)).join(' ');
      return `${JSON.stringify(directory)} has characters a shell interprets (${special}); use a plain relative path`;
    }),
  ),
);

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(AST_GREP_LANGUAGES);

const languageSchema = lazy(() =>
  argumentTextSchema().refine(
    (lang) => !hasText(lang) || KNOWN_LANGUAGES.has(lang.toLowerCase()),
    coded<string>('unknown-ast-grep-language', (lang) => {
      const guess = didYouMean(lang, AST_GREP_LANGUAGES);
      const hint = guess === undefined ? '' : ` — did you mean ${JSON.stringify(guess)}?`;
      return `${JSON.stringify(lang)} is not one of ast-grep's built-in languages${hint} (a language registered in sgconfig.yml is fine)`;
    }),
  ),
);

const patternSchema = lazy(() =>
  argumentTextSchema().refine(
    isEscapedForDoubleQuotes,
    coded(
      'pattern-not-escaped',
      'has a $, backtick or " that is not escaped (or ends with a lone \\), so the shell changes it before ast-grep reads it; write the pattern as ast-grep reads it and leave out escaped: true',
    ),
  ),
);

/** `ast_grep_scorer`: passes when ast-grep finds `pattern` under `search_directory`. */
const astGrepDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('ast_grep_scorer'),
    pattern: patternSchema(),
    search_directory: searchDirectorySchema(),
    lang: languageSchema().optional(),
  }),
);

/** The factory's options, `name` included. */
const astGrepOptionsSchema = lazy(() => scorerOptions({ searchDirectory: z.unknown(), lang: z.unknown(), escaped: z.boolean({ error: 'must be true or false' }) }));

/** The ast-grep scorer kind. */
export const astGrepKind = defineScorerKind<typeof astGrepDefinitionSchema, [pattern: string, options?: AstGrepOptions], typeof astGrepOptionsSchema>({
  type: 'ast_grep_scorer',
  factory: 'astGrep',
  defaultName: 'ast-grep',
  parameters: ['pattern'],
  options: astGrepOptionsSchema,
  definition: astGrepDefinitionSchema,
  inputs: { pattern: 'pattern', search_directory: 'searchDirectory', lang: 'lang' },
  toDefinition([pattern, options]) {
    const { searchDirectory = '.', lang, escaped = false } = options ?? {};
    return {
      type: 'ast_grep_scorer',
      pattern: escaped === true || typeof pattern !== 'string' ? pattern : escapeForDoubleQuotes(pattern),
      search_directory: searchDirectory,
      ...(lang !== undefined && { lang }),
    };
  },
  toArguments(definition) {
    // written as ast-grep reads it when the stored pattern is escaped the way scenariokit escapes
    const plain = unescapeForDoubleQuotes(definition.pattern);
    const readable = escapeForDoubleQuotes(plain) === definition.pattern;
    const searchDirectory = definition.search_directory === '.' ? undefined : definition.search_directory;
    return [readable ? plain : definition.pattern, withoutNulls({ searchDirectory, lang: definition.lang, escaped: readable ? undefined : true })];
  },
  /**
   * Runs ast-grep through bash with the stored pattern inside double quotes (it is stored
   * escaped for exactly that), and scores by the JSON match list, not the exit status (which
   * differs between ast-grep versions): one match or more scores 1.0, none 0.0. Output that is
   * not a match list is an error.
   */
  async run(definition, runtime) {
    const binary = await runtime.astGrepBinary();
    const lang = definition.lang === undefined ? '' : ` --lang ${shellQuote(definition.lang)}`;
    const commandLine = `${shellQuote(binary)} run --pattern "${definition.pattern}"${lang} --json=compact -- ${shellQuote(definition.search_directory)}`;
    const outcome = await runtime.bash(commandLine);
    if (outcome.timedOut) return timedOut(outcome, runtime.timeoutSeconds);
    const matches = countMatches(outcome.stdout);
    if (matches === undefined) {
      const reason = ERROR_LINE.exec(outcome.output)?.[1] ?? outcome.output.trim().split('\n')[0] ?? '';
      return { score: 0, state: 'error', output: outcome.output, summary: `printed no match list (${ending(outcome)}${reason ? `: ${reason}` : ''})` };
    }
    if (matches === 0) {
      const reason = ERROR_LINE.exec(outcome.output)?.[1];
      return { score: 0, state: 'complete', output: outcome.output, summary: `found no match${reason ? ` (ast-grep: ${reason})` : ''}` };
    }
    return { score: 1, state: 'complete', output: outcome.output, summary: matches === Infinity ? 'found matches' : `found ${count(matches, 'match', 'matches')}` };
  },
});

/** The first `ERROR: …` line ast-grep wrote, if any (e.g. a search directory that does not exist). */
const ERROR_LINE = /^ERROR: (.*)$/m;

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

/**
 * A scorer that passes when ast-grep finds `pattern`. Write the pattern as ast-grep reads it;
 * it is escaped for the shell that runs it (`$`, backtick, `"`, `\`) unless `escaped` is set.
 *
 * @example
 * ```ts
 * astGrep('console.log($$$ARGS)', { searchDirectory: 'src', lang: 'typescript' });
 * // definition: { type: 'ast_grep_scorer', pattern: 'console.log(\\$\\$\\$ARGS)', search_directory: 'src', lang: 'typescript' }
 * ```
 */
export function astGrep(pattern: string, options?: AstGrepOptions): Scorer {
  return makeScorer(astGrepKind, [pattern, options]);
}
