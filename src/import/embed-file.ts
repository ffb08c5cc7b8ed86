import { shellQuote } from '../util/shell-quote.js';

/** Bytes per line of embedded base64, as `base64` writes it. */
const BASE64_LINE = 76;

/**
 * Bash lines that write `content` byte for byte to the file `path` (a shell expression such as
 * `"$work/test.patch"`). Text that ends with a newline goes in a quoted here-document (nothing
 * in it is expanded) whose delimiter is proven absent from the text; anything else (binary data,
 * text without a final newline, which a here-document would add) goes in as base64.
 */
export function embedFile(path: string, content: string | Uint8Array, label: string): string {
  if (typeof content === 'string' && content.endsWith('\n') && !content.includes('\0')) {
    const delimiter = delimiterFor(content, label);
    return `cat > ${path} <<'${delimiter}'\n${content}${delimiter}\n`;
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const encoded = bytes.toString('base64');
  const lines = encoded.match(new RegExp(`.{1,${BASE64_LINE}}`, 'g')) ?? [];
  const delimiter = delimiterFor(encoded, label);
  return `base64 -d > ${path} <<'${delimiter}'\n${lines.map((line) => `${line}\n`).join('')}${delimiter}\n`;
}

/** `SCENARIOKIT_<LABEL>`, with a number added until it occurs nowhere in `content`. */
function delimiterFor(content: string, label: string): string {
  const base = `SCENARIOKIT_${label.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  let delimiter = base;
  for (let n = 2; content.includes(delimiter); n++) delimiter = `${base}_${n}`;
  return delimiter;
}

/** `export NAME=value` lines for environment variables (names already checked). */
export function exportLines(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join('');
}
