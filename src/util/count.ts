/** `1 scenario`, `2 scenarios`: a count with its noun in the right number. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** `is` for one, `are` for several (or none). */
export const isAre = (n: number): string => (n === 1 ? 'is' : 'are');

/** `was` for one, `were` for several (or none). */
export const wasWere = (n: number): string => (n === 1 ? 'was' : 'were');
