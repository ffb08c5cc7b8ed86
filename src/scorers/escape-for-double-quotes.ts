const SPECIAL_IN_DOUBLE_QUOTES = /[\\$`"]/g;
const ESCAPED_IN_DOUBLE_QUOTES = /\\([\\$`"])/g;

/**
 * Escapes text for a double-quoted shell word, where `\`, `$`, backtick and `"` are special:
 * `"` + escapeForDoubleQuotes(text) + `"` reads back as `text`.
 *
 * @example
 * ```ts
 * escapeForDoubleQuotes('console.log($$$ARGS)'); // 'console.log(\\$\\$\\$ARGS)'
 * ```
 */
export function escapeForDoubleQuotes(text: string): string {
  return text.replace(SPECIAL_IN_DOUBLE_QUOTES, '\\$&');
}

/** The inverse of {@link escapeForDoubleQuotes}, for text that escapeForDoubleQuotes produced. */
export function unescapeForDoubleQuotes(text: string): string {
  return text.replace(ESCAPED_IN_DOUBLE_QUOTES, '$1');
}
