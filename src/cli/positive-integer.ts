import { InvalidArgumentError } from 'commander';

/** Parses an option's value as a whole number of at least 1 (`--concurrency <n>`), or tells commander why not. */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return value;
}
