import { InvalidArgumentError } from 'commander';

/** Reads the value of `--benchmark`: a benchmark name, which may not be blank. */
export function benchmarkName(text: string): string {
  if (!/\S/.test(text)) throw new InvalidArgumentError('must be the name of a benchmark, not blank');
  return text;
}
