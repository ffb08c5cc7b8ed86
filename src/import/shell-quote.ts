/** Text for a `#` comment line: whitespace runs (newlines too) become one space, so nothing leaves the comment. */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Quotes `text` as one bash word that stands for exactly `text`: single quotes, with each `'`
 * written as `'\''`. Words made only of safe characters are left bare, for readability.
 */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
