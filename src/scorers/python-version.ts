/** PEP 440 version specifiers, as `python_version_constraint` holds them: telling one, and matching a version against one. */
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

/** One clause of a PEP 440 specifier, read for matching: operator, release numbers, whether it ends in `.*`. */
const MATCH_CLAUSE = /^\s*(===|==|!=|~=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?[A-Za-z0-9.]*\s*$/;

const release = (version: string) => version.split('.').map(Number);

/** Compares release numbers, the shorter padded with zeros: negative, zero or positive. */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const startsWith = (version: readonly number[], prefix: readonly number[]) => prefix.every((part, index) => (version[index] ?? 0) === part);

/**
 * Whether a Python version such as `3.11.7` satisfies a PEP 440 specifier set such as
 * `==3.12.10` or `>=3.11,<3.13` (`python_version_constraint`). Release numbers only:
 * pre-release, post-release and local parts are ignored, which is enough for interpreters.
 */
export function satisfiesPythonVersion(version: string, specifier: string): boolean {
  const have = release(version);
  return specifier.split(',').every((clause) => {
    const match = MATCH_CLAUSE.exec(clause);
    if (!match) return false;
    const [, operator, numbers, wildcard] = match as unknown as [string, string, string, string | undefined];
    const want = release(numbers);
    if (wildcard) return operator === '!=' ? !startsWith(have, want) : operator === '==' && startsWith(have, want);
    const order = compare(have, want);
    switch (operator) {
      case '===':
      case '==':
        return order === 0;
      case '!=':
        return order !== 0;
      case '~=':
        return order >= 0 && startsWith(have, want.slice(0, -1));
      case '<=':
        return order <= 0;
      case '>=':
        return order >= 0;
      case '<':
        return order < 0;
      default:
        return order > 0;
    }
  });
}
