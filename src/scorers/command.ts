import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';

/**
 * A scorer that runs one command in the working directory and passes when it exits with status 0.
 *
 * @example
 * ```ts
 * command('npm run typecheck', { name: 'types' });
 * // definition: { type: 'command_scorer', command: 'npm run typecheck' }
 * ```
 */
export function command(cmd: string, options?: ScorerOptions): Scorer {
  return makeScorer({ type: 'command_scorer', command: cmd }, options);
}
