import type { FieldChange } from './payload-changes.js';

/** Unchanged lines kept around a change. */
const CONTEXT = 2;

/**
 * Readable text for a plan item: every changed field as a line diff of its pretty-printed JSON,
 * with long unchanged runs shortened; a field that is new is all additions. Loads the `diff`
 * package when there is something to compare.
 */
export async function describeChanges(title: string, changes: Record<string, FieldChange>): Promise<string> {
  const needsDiff = Object.values(changes).some(({ before }) => before !== undefined);
  const { diffLines } = needsDiff ? await import('diff') : { diffLines: undefined };
  const sections = Object.entries(changes).map(([field, { before, after }]) => {
    const parts = before === undefined || !diffLines ? [{ value: pretty(after), added: true, removed: false }] : diffLines(pretty(before), pretty(after));
    const lines = parts.flatMap((part) => {
      const text = part.value.replace(/\n$/, '').split('\n');
      if (part.added || part.removed) return text.map((line) => `${part.added ? '+' : '-'} ${line}`);
      const kept = text.length > 2 * CONTEXT + 1 ? [...text.slice(0, CONTEXT), '…', ...text.slice(-CONTEXT)] : text;
      return kept.map((line) => `  ${line}`);
    });
    return [`  ${field}:`, ...lines.map((line) => `    ${line}`)].join('\n');
  });
  return [title, ...sections].join('\n');
}

function pretty(value: unknown): string {
  return value === undefined ? '' : `${JSON.stringify(value, null, 2)}\n`;
}
