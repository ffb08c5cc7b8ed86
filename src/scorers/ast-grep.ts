import { escapeForDoubleQuotes } from './escape-for-double-quotes.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

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
  /** The pattern's language, e.g. `typescript`, `python`. */
  lang?: string;
  /**
   * Set when `pattern` is already escaped for the double-quoted shell word Runloop passes it in
   * (`\$\$\$`); by default scenariokit escapes it for you.
   */
  escaped?: boolean;
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
  const { searchDirectory = '.', lang, escaped = false } = options ?? {};
  return makeScorer(
    {
      type: 'ast_grep_scorer',
      pattern: escaped || typeof pattern !== 'string' ? pattern : escapeForDoubleQuotes(pattern),
      search_directory: searchDirectory,
      ...(lang !== undefined && { lang }),
    },
    options,
  );
}
