/**
 * TypeScript source for JSON data, safe for any string: nothing in a value can end a string,
 * a template, a comment or the file's UTF-8 (lone surrogates and line terminators are escaped),
 * and a `__proto__` key stays a key.
 */

/** A TypeScript expression for a JSON value, indented for a chain at `depth`. */
export function literal(value: unknown, depth: number): string {
  if (typeof value === 'string') return value.includes('\n') ? templateLiteral(value) : quote(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  const items = Array.isArray(value)
    ? value.map((item) => literal(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${literal(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (items.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const inline = `${open}${items.join(', ')}${close}`;
  if (inline.length <= 80 && !inline.includes('\n')) return inline;
  return `${open.trim()}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${outer}${close.trim()}`;
}

/** A string literal: single-quoted, or double-quoted when that needs fewer escapes. */
export function quote(text: string): string {
  const mark = text.includes("'") && !text.includes('"') ? '"' : "'";
  const special = mark === '"' ? /[\\"]/g : /[\\']/g;
  return `${mark}${text.replace(special, '\\$&').replace(UNSAFE_IN_QUOTES, escapeCodeUnit)}${mark}`;
}

/** A template literal for multi-line text: newlines and tabs are written as they are. */
function templateLiteral(text: string): string {
  return `\`${text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`).replace(UNSAFE_IN_TEMPLATE, escapeCodeUnit)}\``;
}

/** An object key: a bare identifier when it is one, quoted otherwise, and computed for `__proto__` (which a literal key would make the prototype). */
function propertyKey(key: string): string {
  if (key === '__proto__') return `[${quote(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/** Control characters, line and paragraph separators, and surrogates that are not part of a pair. */
const UNSAFE_IN_QUOTES = /[\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, except newline and tab, which a template literal holds as they are. */
const UNSAFE_IN_TEMPLATE = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeCodeUnit(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Words that cannot name a `const` in a module (strict mode), or that would shadow a global the code relies on. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await eval arguments undefined NaN Infinity globalThis'
  ).split(' '),
);

/**
 * A camelCase identifier for `name` that is not reserved and not in `taken` (the names already
 * used in the module, its imports included): `fix-null-check` → `fixNullCheck`; a clash gets a
 * `Scenario` suffix, then a number.
 */
export function identifierFor(name: string, taken: ReadonlySet<string>): string {
  const camel = name
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ''))
    .replace(/^[A-Z]/, (c) => c.toLowerCase());
  const base = camel === '' ? 'scenario' : /^[0-9]/.test(camel) ? `scenario${camel}` : camel;
  const free = (candidate: string) => !RESERVED.has(candidate) && !taken.has(candidate);
  if (free(base)) return base;
  if (free(`${base}Scenario`)) return `${base}Scenario`;
  let n = 2;
  while (!free(`${base}Scenario${n}`)) n++;
  return `${base}Scenario${n}`;
}
