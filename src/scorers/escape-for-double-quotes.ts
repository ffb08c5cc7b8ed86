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

/**
 * Whether the shell leaves `text` unchanged as the contents of a double-quoted word: every `$`,
 * backtick and `"` is escaped by a backslash, and no lone backslash ends it (it would escape the
 * closing quote). Text that escapeForDoubleQuotes produced always is.
 */
export function isEscapedForDoubleQuotes(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      if (index === text.length - 1) return false;
      index++; // the next character is taken literally either way
    } else if (char === '$' || char === '`' || char === '"') return false;
  }
  return true;
}
