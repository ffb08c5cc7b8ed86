import { stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderWorkspace, type ScenarioBuilder } from '../scenario/scenario-builder.js';
import type { ScenarioCreatePayload } from '../schema/scenario-payload.js';
import { absolutePath, type ParsedVerifyOptions } from './verify-options.js';
import { workspaceProblem } from './copy-workspace.js';
import { scorerEnvironment, type ScorerEnvironment } from './scorer-environment.js';
import { VerifySession } from './verify-session.js';

/** Runloop's scorer timeout when a scenario sets none (`scorer_timeout_sec`). */
const DEFAULT_SCORER_TIMEOUT_SECONDS = 1800;

/** A scenario ready to verify: its payload and everything its runs need, or why it cannot be verified. */
export interface PreparedScenario {
  readonly index: number;
  readonly name: string;
  readonly payload: ScenarioCreatePayload;
  /** The workspace to copy for each run, an absolute path. */
  readonly workspace: string | undefined;
  readonly environment: ScorerEnvironment;
  readonly timeoutSeconds: number;
  /** Whether the reference diff is applied reversed (`-R`). */
  readonly reverse: boolean;
  /** What is missing for a verification, a sentence each; nothing runs when there is any. */
  readonly notVerifiable: readonly string[];
  /** Bad input found (a missing secret, a workspace that does not exist), a sentence each. */
  readonly inputProblems: readonly string[];
}

/** The workspace a builder names with `.workspace()`, as an absolute path (or why it cannot be found). */
function ownWorkspace(builder: ScenarioBuilder): { path?: string; problem?: string } {
  const local = builderWorkspace(builder);
  if (local === undefined) return {};
  if (typeof local.path !== 'string' || local.path === '') return { problem: 'its .workspace() is not a directory path' };
  if (local.path.startsWith('file:') || isAbsolute(local.path)) return { path: absolutePath(local.path, '/') };
  if (local.definedIn === undefined) {
    const path = JSON.stringify(local.path);
    return {
      problem:
        `its .workspace(${path}) is relative, and the call stack did not name the file that called .workspace() (a module tsx runs as CommonJS, code run by eval), ` +
        `so it cannot be resolved: give an absolute path or a file URL (.workspace(new URL(${path}, import.meta.url)), or path.join(__dirname, ${path}) in CommonJS), or the workspace option`,
    };
  }
  const file = local.definedIn.startsWith('file:') ? fileURLToPath(local.definedIn) : local.definedIn;
  return { path: absolutePath(local.path, dirname(file)) };
}

/** Checks one scenario against the options: what would stop it from running, and what is missing to verify it. */
export async function prepareScenario(
  builder: ScenarioBuilder,
  payload: ScenarioCreatePayload,
  index: number,
  options: ParsedVerifyOptions,
): Promise<PreparedScenario> {
  const name = payload.name;
  const notVerifiable: string[] = [];
  const inputProblems: string[] = [];
  const own = options.workspace === undefined ? ownWorkspace(builder) : {};
  if (own.problem !== undefined) inputProblems.push(`scenario ${JSON.stringify(name)}: ${own.problem}`);
  const workspace = options.workspace ?? own.path;
  if (workspace === undefined && own.problem === undefined) {
    notVerifiable.push('no local workspace: give the scenario .workspace(dir), or pass a workspace (--workspace)');
  }
  const reference = payload.reference_output ?? '';
  if (options.cases.includes('gold') && reference.trim() === '') {
    notVerifiable.push('no reference_output, so the gold case cannot run: set .referenceOutput(diff or script), or verify the no-op case alone');
  }
  for (const { name: scorer, scorer: definition } of payload.scoring_contract.scoring_function_parameters) {
    if (definition.type === 'custom_scorer' && !Object.hasOwn(options.customScorers, definition.custom_scorer_type)) {
      const type = JSON.stringify(definition.custom_scorer_type);
      notVerifiable.push(`scorer ${scorer} is a custom scorer of type ${type}, which has no local implementation: pass customScorers: { ${type}: script or function }`);
    }
  }
  const environment = scorerEnvironment(payload, options.env);
  // bad input is reported whether or not the scenario can be verified: a mistyped workspace is an error either way
  if (workspace !== undefined) {
    const info = await stat(workspace).catch(() => undefined);
    const problem = info?.isDirectory() ? await workspaceProblem(workspace, VerifySession.parentDirectory()) : `its workspace ${workspace} is not a directory`;
    if (problem !== undefined) inputProblems.push(`scenario ${JSON.stringify(name)}: ${problem}`);
  }
  if (environment.missing.length > 0) {
    inputProblems.push(`scenario ${JSON.stringify(name)} needs ${environment.missing.join(', ')}, not set in the environment`);
  }
  return {
    index,
    name,
    payload,
    workspace,
    environment,
    timeoutSeconds: payload.scorer_timeout_sec ?? DEFAULT_SCORER_TIMEOUT_SECONDS,
    reverse: payload.validation_type === 'REVERSE' || payload.metadata?.reference_patch_direction === 'reverse',
    notVerifiable,
    inputProblems,
  };
}

/** Problems with the custom scorer scripts given, whatever scenario uses them. */
export async function customScorerProblems(options: ParsedVerifyOptions): Promise<string[]> {
  const problems: string[] = [];
  for (const [type, implementation] of Object.entries(options.customScorers)) {
    if (typeof implementation !== 'string') continue;
    const info = await stat(implementation).catch(() => undefined);
    if (!info?.isFile()) problems.push(`options.customScorers.${type}: ${implementation} is not a file`);
  }
  return problems;
}
