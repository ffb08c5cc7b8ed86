export { Scenario } from './scenario/scenario.js';
export { isScenarioBuilder } from './scenario/scenario-builder.js';
export type {
  ClearableField,
  ProblemOptions,
  ScenarioBuilder,
  ScenarioValidationResult,
  ValidationType,
} from './scenario/scenario-builder.js';
export type { ScenarioTypeError, Step } from './scenario/build-steps.js';
export type {
  AfterIdle,
  CustomResourceSize,
  EnvironmentInput,
  EnvironmentSource,
  LaunchInput,
  Lifecycle,
  ResourceSize,
} from './environment/environment-input.js';
export { astGrep, type AstGrepOptions } from './scorers/ast-grep.js';
export { testBased, type TestBasedOptions, type TestFile } from './scorers/test-based.js';
export { command } from './scorers/command.js';
export { bashScript } from './scorers/bash-script.js';
export { pythonScript, type PythonScriptOptions } from './scorers/python-script.js';
export { custom, type CustomOptions } from './scorers/custom.js';
export type { Scorer, ScorerOptions } from './scorers/scorer.js';
export { escapeForDoubleQuotes } from './scorers/escape-for-double-quotes.js';
export { normalizeWeights, WEIGHT_TOLERANCE } from './scorers/normalize-weights.js';
export { ScenarioValidationError } from './validation/scenario-validation-error.js';
export { formatIssuePath, type ScenarioIssue } from './validation/scenario-issue.js';
export { ISSUE_CODES, type IssueCode, type IssueSeverity } from './validation/issue-codes.js';
export { MAX_JSON_DEPTH } from './util/json-depth.js';
export type { DeepReadonly } from './util/deep-readonly.js';
export {
  ScenarioCreatePayloadSchema,
  ScenarioUpdatePayloadSchema,
  type ScenarioCreatePayload,
  type ScenarioUpdatePayload,
} from './schema/scenario-payload.js';
export type { ScorerDefinition } from './scorers/registry.js';
export type { JsonObject } from './schema/json-object.js';
export type { ClientOptions, RunloopApiClient, RunloopClient, ScenarioListPage } from './client/runloop-client.js';
export type { ScenarioView } from './client/scenario-view.js';
export type { StoredScenario } from './scenario/from-view.js';
export {
  defineSuite,
  isSuite,
  type Suite,
  type SuiteOptions,
  type SuitePlanOptions,
  type SuiteScenario,
  type SuiteSource,
} from './suite/define-suite.js';
export type { SuiteAction, SuitePlan, SuitePlanItem } from './suite/plan-suite.js';
export type { SuitePushOptions, SuitePushProgress, SuitePushResult, SuiteScenarioResult } from './suite/push-suite.js';
export type { BenchmarkAction, BenchmarkMember, SuiteBenchmarkPlan } from './suite/plan-benchmark.js';
export type { SuiteBenchmarkResult } from './suite/push-benchmark.js';
export type { FieldChange } from './suite/payload-changes.js';
export { SuiteValidationError, type InvalidSuiteScenario } from './suite/suite-validation-error.js';
