export { fromSweBench, SWE_BENCH_SCORER_NAME, type SweBenchOptions } from './swe-bench/from-swe-bench.js';
export { importSweBench, importSweBenchFile } from './swe-bench/import-swe-bench.js';
export type { SweBenchInstance } from './swe-bench/swe-bench-instance.js';
export { SWE_BENCH_REPOS, type SweBenchLogParser, type RepoSpec } from './swe-bench/swe-bench-repos.js';
export { fromHarborTask, importHarborTasks, HARBOR_SCORER_NAME, type HarborOptions } from './harbor/from-harbor-task.js';
export type { HarborTask } from './harbor/harbor-task.js';
export { ImportError } from './import-error.js';
export type { ImportProblem, ImportResult, ImportWarning } from './import-problem.js';
export { DEFAULT_MAX_SCRIPT_BYTES } from './import-options.js';
