export { verifyScenario } from './verify-scenario.js';
export { verifySuite } from './verify-suite.js';
export type { CustomScorerContext, CustomScorerFunction, VerifyOptions, VerifyProgress, VerifySuiteOptions } from './verify-options.js';
export type {
  CaseResult,
  ScenarioVerification,
  ScoringContractResult,
  ScoringFunctionResult,
  SuiteVerification,
  Verdict,
  VerifyCase,
} from './verification-report.js';
export { VerifyInputError } from './verify-input-error.js';
export { formatVerification, summarizeVerifications } from './format-verification.js';
export { calibrationScenario } from './calibration-scenario.js';
export { compareScoringResults } from './compare-scoring-results.js';
