const VERSION = String.raw`\d+(?:\.\d+)*`;
const SUFFIX = String.raw`(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?`;
const CLAUSE = new RegExp(
  String.raw`^\s*(?:(?:===?|!=)\s*${VERSION}(?:\.\*|${SUFFIX})|(?:~=|<=|>=|<|>)\s*${VERSION}${SUFFIX})\s*$`,
);

/**
 * Whether `text` is a PEP 440 version specifier set such as `==3.12.10`, `>=3.10,<3.13` or
 * `~=3.11` (what Runloop puts in `python_version_constraint`).
 */
export function isPythonVersionSpecifier(text: string): boolean {
  return text.split(',').every((clause) => CLAUSE.test(clause) && (!clause.includes('~=') || /\d\.\d/.test(clause)));
}
