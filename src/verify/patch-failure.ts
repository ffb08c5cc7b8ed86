/** The file `patch` is at: `checking file x` (dry run) or `patching file x`, possibly quoted. */
const FILE_LINE = /^(?:checking|patching) file (.+)$/;
const FAILED_HUNK = /^Hunk #(\d+) FAILED/;
const ALREADY_APPLIED = /^Reversed \(or previously applied\) patch detected!/;
const NOT_APPLIED = /^Unreversed patch detected!/;
const MISSING_FILE = /^can't find file to patch/;
/** The header lines `patch` quotes after a missing file: `|+++ b/path` and `|--- a/path`. */
const QUOTED_HEADER = /^\|(\+\+\+|---) (\S+)/;
const FATAL = /^patch: \*{4} (.+)$/;
const GARBAGE = /^Only garbage was found in the patch input\./;

const unquote = (name: string) => name.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
/** A header path with its first component stripped, as `patch -p1` reads it. */
const stripped = (path: string) => path.replace(/^[^/]*\//, '');

/** `hunk 1 of a.py`, `hunks 1 and 3 of a.py`, `hunks 1, 2 and 4 of a.py`. */
function hunksOf(file: string, hunks: readonly string[]): string {
  const list = hunks.length === 1 ? hunks[0]! : `${hunks.slice(0, -1).join(', ')} and ${hunks.at(-1)}`;
  return `hunk${hunks.length === 1 ? '' : 's'} ${list} of ${file}`;
}

/**
 * Why `patch` refused a reference diff, read from its output, as the end of a sentence:
 * `does not apply: hunk 1 of slugify/core.py`, `is not a valid patch: malformed patch at line 6`.
 */
export function describePatchFailure(output: string, reverse: boolean): string {
  const lines = output.split('\n');
  const fatal = lines.map((line) => FATAL.exec(line)?.[1]).find((text) => text !== undefined);
  if (fatal !== undefined) return `is not a valid patch: ${fatal.replace(/:\s*$/, '')}`;
  if (lines.some((line) => GARBAGE.test(line))) return 'is not a valid patch: patch found only garbage in it';

  const reasons: string[] = [];
  const failedHunks = new Map<string, string[]>();
  let file = '';
  lines.forEach((line, index) => {
    const fileMatch = FILE_LINE.exec(line);
    if (fileMatch) file = unquote(fileMatch[1]!);
    const hunk = FAILED_HUNK.exec(line)?.[1];
    if (hunk !== undefined) failedHunks.set(file, [...(failedHunks.get(file) ?? []), hunk]);
    if (ALREADY_APPLIED.test(line)) reasons.push(`${file} looks patched already${reverse ? '' : ': is the diff reversed (validation REVERSE)?'}`);
    if (NOT_APPLIED.test(line)) reasons.push(`${file} does not look patched, so there is nothing to reverse`);
    if (MISSING_FILE.test(line)) {
      const headers = lines.slice(index + 1, index + 8).map((next) => QUOTED_HEADER.exec(next)).filter((m) => m !== null);
      const named = headers.find((m) => m[1] === '+++' && m[2] !== '/dev/null') ?? headers[0];
      reasons.push(`${named ? stripped(named[2]!) : 'a file it names'} does not exist`);
    }
  });
  const hunks = [...failedHunks].map(([name, numbers]) => hunksOf(name, numbers));
  const all = [...hunks, ...reasons];
  const how = reverse ? 'does not apply reversed (-R)' : 'does not apply';
  return all.length > 0 ? `${how}: ${all.join('; ')}` : `${how}: ${lines.filter((line) => line.trim() !== '').at(-1) ?? 'patch failed'}`;
}
