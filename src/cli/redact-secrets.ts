/** What replaces a secret in the command's output. */
const MASK = '****';

/** A token: what follows `Bearer ` or a header name up to a quote, a space or a delimiter. */
const TOKEN = String.raw`[^\s"'\`,;)}\]]+`;
/** Header-style secrets (`Authorization: Bearer x`, `"x-api-key": "x"`, `Cookie: x`), their name and scheme kept. */
const HEADER = new RegExp(String.raw`\b((?:proxy-)?authorization|x-api-key|set-cookie|cookie)(["']?\s*[:=]\s*["']?)((?:Bearer|Basic|Token)\s+)?${TOKEN}`, 'gi');
/** A bearer token anywhere. */
const BEARER = new RegExp(String.raw`\b(Bearer\s+)${TOKEN}`, 'gi');

/** Keys at least this long are removed wherever they appear; shorter ones (test keys) only as whole words, so that `x` does not garble `examples`. */
const ANYWHERE_FROM = 8;

/**
 * A function that removes secrets from text the command writes: the value of `RUNLOOP_API_KEY`
 * (as is, JSON-escaped and URL-encoded, as a server or a JSON document may echo it) and anything
 * shaped like a bearer token or an authorization header.
 */
export function secretRedactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const key = env.RUNLOOP_API_KEY?.trim();
  const forms = key ? [...new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)])].sort((a, b) => b.length - a.length) : [];
  const keyPattern =
    forms.length === 0
      ? undefined
      : new RegExp(
          forms.map((form) => (form.length >= ANYWHERE_FROM ? escape(form) : `(?<![\\w-])${escape(form)}(?![\\w-])`)).join('|'),
          'g',
        );
  return (text) => {
    let out = keyPattern === undefined ? text : text.replace(keyPattern, MASK);
    out = out.replace(HEADER, (_match, name: string, separator: string, scheme: string | undefined) => `${name}${separator}${scheme ?? ''}${MASK}`);
    out = out.replace(BEARER, (_match, scheme: string) => `${scheme}${MASK}`);
    return out;
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
