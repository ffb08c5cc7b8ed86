/**
 * Quotes `text` as one bash word that stands for exactly `text`: single quotes, with each `'`
 * written as `'\''`. Words made only of characters the shell never interprets are left bare,
 * for readability. Imports nothing, so the scorer kinds' local runners can use it.
 *
 * @example
 * ```ts
 * shellQuote("it's"); // `'it'\''s'`
 * shellQuote('tests/test_a.py'); // `tests/test_a.py`
 * ```
 */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
