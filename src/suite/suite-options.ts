import { z } from 'zod';
import { ClientOptionsSchema } from '../client/runloop-client.js';
import { optionProblems } from '../validation/option-problems.js';
import { formatIssuePath } from '../validation/scenario-issue.js';
import type { SuiteOptions, SuitePlanOptions } from './define-suite.js';
import type { SuitePushOptions } from './push-suite.js';

const positiveInteger = z.int({ error: 'must be a whole number of at least 1' }).min(1, { error: 'must be a whole number of at least 1' });

const SuiteOptionsSchema = z.strictObject({ strict: z.boolean({ error: 'must be true or false' }).optional() });

/** The options of a suite's `plan()`: the client options, and how many look-ups at once, and the benchmark. */
const PlanOptionsSchema = ClientOptionsSchema.extend({
  concurrency: positiveInteger.optional(),
  benchmark: z.string({ error: 'must be the name of a benchmark' }).regex(/\S/, { error: 'must not be blank' }).optional(),
});

const PushOptionsSchema = PlanOptionsSchema.extend({
  dryRun: z.boolean({ error: 'must be true or false' }).optional(),
  onProgress: z.custom((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
  signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
});

/** Checks `defineSuite`'s options; throws a `TypeError` listing every problem (an unknown key is one, with a did-you-mean). */
export function checkSuiteOptions(options: unknown): SuiteOptions {
  return check(SuiteOptionsSchema, options, 'defineSuite options');
}

/** Checks the options of a suite's `plan()`, the same way. */
export function checkPlanOptions(options: unknown): SuitePlanOptions {
  return check(PlanOptionsSchema, options, 'plan options');
}

/** Checks the options of a suite's `push()`, the same way. */
export function checkPushOptions(options: unknown): SuitePushOptions {
  return check(PushOptionsSchema, options, 'push options');
}

/** Unknown keys and wrong values are the calling code's mistake: a `TypeError` naming each. */
function check<T>(schema: z.ZodObject, options: unknown, what: string): T {
  const problems = optionProblems(schema, options);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  - ${formatIssuePath(problem.path) || '(options)'}: ${problem.message} [${problem.code}]`);
    throw new TypeError(`Invalid ${what}:\n${lines.join('\n')}`);
  }
  return (options ?? {}) as T;
}
