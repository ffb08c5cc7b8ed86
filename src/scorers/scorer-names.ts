import { kindOf } from './registry.js';
import type { Scorer } from './scorer.js';

/**
 * The names scorers carry in a scenario: explicit names as given; an unnamed scorer takes its
 * kind (`ast-grep`), then `ast-grep-2`, `ast-grep-3`, … skipping names already in use.
 */
export function resolveScorerNames(scorers: readonly Scorer[]): string[] {
  const taken = new Set<string>();
  for (const scorer of scorers) if (scorer.name !== undefined) taken.add(scorer.name);
  return scorers.map((scorer) => {
    if (scorer.name !== undefined) return scorer.name;
    const type: unknown = (scorer.definition as { type?: unknown } | null)?.type;
    const base = kindOf(type)?.defaultName ?? String(type).replace(/_scorer$/, '').replaceAll('_', '-');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  });
}
