import type { ScorerDefinition } from '../../scorers/registry.js';
import type { ScorerRunner } from '../scorer-runtime.js';
import { scoreByExitCode } from './scorer-outcome.js';

/** `command_scorer`: runs the command in the working directory; exit 0 scores 1.0, anything else 0.0. */
export const runCommandScorer: ScorerRunner<Extract<ScorerDefinition, { type: 'command_scorer' }>> = async (definition, runtime) =>
  scoreByExitCode(await runtime.bash(definition.command), runtime.timeoutSeconds);
