/** What replaces a secret. */
const MASK = '****';

/**
 * A token: what follows `Bearer ` or a header name up to a quote, a backslash (of an escaped
 * quote), a space or a delimiter; not a variable (`$API_TOKEN`, `${TOKEN}`), which names a
 * secret without holding it, so that a scorer's `curl -H "Authorization: Bearer $TOKEN"` stays as written.
 */
const TOKEN = String.raw`(?!\$)[^\s"'\`,;)}\]\\]+`;
/** Header-style secrets (`Authorization: Bearer x`, `"x-api-key": "x"`, `Cookie: x`), their name and scheme kept. */
const HEADER = new RegExp(String.raw`\b((?:proxy-)?authorization|x-api-key|set-cookie|cookie)(["']?\s*[:=]\s*["']?)((?:Bearer|Basic|Token)\s+)?(?!(?:Bearer|Basic|Token)\s)${TOKEN}`, 'gi');
/** A bearer token anywhere. */
const BEARER = new RegExp(String.raw`\b(Bearer\s+)${TOKEN}`, 'gi');

/** Secrets at least this long are removed wherever they appear; shorter ones only as whole words, so that `x` does not garble `examples`, nor `1` `score 10 of 100`. */
const ANYWHERE_FROM = 8;

/** Options of {@link secretRedactor}. */
export interface RedactOptions {
  /** Also remove anything shaped like a bearer token or a credential header (`Authorization: …`, `x-api-key: …`, `Cookie: …`), whatever its value. */
  readonly credentials?: boolean;
}

/**
 * A function that replaces with `****` each of `secrets` in a text: as is, JSON-escaped and
 * URL-encoded (as a server or a JSON document may echo it), a secret shorter than 8 characters
 * only as a whole word; empty secrets are ignored. The one redactor of the command's output and
 * of verify's reports.
 */
export function secretRedactor(secrets: readonly string[], options: RedactOptions = {}): (text: string) => string {
  const forms = [...new Set(secrets.filter((secret) => secret !== '').flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]))];
  const pattern =
    forms.length === 0
      ? undefined
      : new RegExp(
          forms
            .sort((a, b) => b.length - a.length)
            .map((form) => (form.length >= ANYWHERE_FROM ? escape(form) : `(?<![\\w-])${escape(form)}(?![\\w-])`))
            .join('|'),
          'g',
        );
  return (text) => {
    let out = pattern === undefined ? text : text.replace(pattern, MASK);
    if (options.credentials) {
      out = out.replace(HEADER, (_match, name: string, separator: string, scheme: string | undefined) => `${name}${separator}${scheme ?? ''}${MASK}`);
      out = out.replace(BEARER, (_match, scheme: string) => `${scheme}${MASK}`);
    }
    return out;
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
