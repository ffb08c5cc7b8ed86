import { z } from 'zod';
import { SomeTextSchema } from '../schema/primitives.js';
import { lazy } from '../util/lazy.js';
import { makeScorer, type Scorer, type ScorerOptions } from './scorer.js';
import { defineScorerKind, scorerOptions } from './scorer-kind.js';
import { scoreByExitCode } from './scorer-outcome.js';

/** `command_scorer`: passes when the command exits with status 0. */
const commandDefinitionSchema = lazy(() =>
  z.strictObject({
    type: z.literal('command_scorer'),
    command: SomeTextSchema,
  }),
);

/** The factory's options, `name` included. */
const commandOptionsSchema = lazy(() => scorerOptions({}));

/** The command scorer kind. */
export const commandKind = defineScorerKind<typeof commandDefinitionSchema, [command: string, options?: ScorerOptions], typeof commandOptionsSchema>({
  type: 'command_scorer',
  factory: 'command',
  defaultName: 'command',
  parameters: ['command'],
  options: commandOptionsSchema,
  definition: commandDefinitionSchema,
  inputs: { command: 'command' },
  toDefinition: ([command]) => ({ type: 'command_scorer', command }),
  toArguments: (definition) => [definition.command, {}],
  /** Runs the command in the working directory: exit 0 scores 1.0, anything else 0.0. */
  run: async (definition, runtime) => scoreByExitCode(await runtime.bash(definition.command), runtime.timeoutSeconds),
});

/**
 * A scorer that runs one command in the working directory and passes when it exits with status 0.
 *
 * @example
 * ```ts
 * command('npm run typecheck', { name: 'types' });
 * // definition: { type: 'command_scorer', command: 'npm run typecheck' }
 * ```
 */
export function command(command: string, options?: ScorerOptions): Scorer {
  return makeScorer(commandKind, [command, options]);
}
