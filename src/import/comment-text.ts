/** Text for a `#` comment line: whitespace runs (newlines too) become one space, so nothing leaves the comment. */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ');
}
