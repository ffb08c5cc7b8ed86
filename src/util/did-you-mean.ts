/**
 * The known name closest to `given`, when one is close enough to be a likely typo: the same name
 * in another case or in snake_case (`search_directory` → `searchDirectory`), a prefix of it or
 * it of a prefix (`workingDir` → `workingDirectory`), an abbreviation of it (`memGb` →
 * `memoryGb`), or within a small edit distance (`contxt` → `context`).
 */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  const folded = fold(given);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const other = fold(candidate);
    let score: number;
    if (other === folded) score = 0;
    else if (folded.length >= 3 && (other.startsWith(folded) || folded.startsWith(other))) score = 1 + Math.abs(other.length - folded.length) / 100;
    else if (folded.length >= 3 && folded[0] === other[0] && isSubsequence(folded, other)) score = 2 + (other.length - folded.length) / 100;
    else {
      const distance = editDistance(folded, other);
      if (distance > Math.max(1, Math.min(3, Math.floor(Math.max(folded.length, other.length) / 3)))) continue;
      score = 3 + distance;
    }
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Whether every character of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/** Lower case without `_` and `-`, so that camelCase, snake_case and kebab-case compare equal. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein distance, with a transposition counting as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
