import { z } from 'zod';
import { clientOptionsSchema } from '../client/runloop-client.js';
import { lazy } from '../util/lazy.js';
import { assertOptions } from '../validation/option-problems.js';
import type { SuiteOptions, SuitePlanOptions } from './define-suite.js';
import type { SuitePushOptions } from './push-suite.js';

const suiteOptionsSchema = lazy(() => z.strictObject({ strict: z.boolean({ error: 'must be true or false' }).optional() }));

/** The options of a suite's `plan()`: the client options, and how many look-ups at once, and the benchmark. */
const planOptionsSchema = lazy(() =>
  clientOptionsSchema().extend({
    concurrency: z.int({ error: 'must be a whole number of at least 1' }).min(1, { error: 'must be a whole number of at least 1' }).optional(),
    benchmark: z.string({ error: 'must be the name of a benchmark' }).regex(/\S/, { error: 'must not be blank' }).optional(),
  }),
);

const pushOptionsSchema = lazy(() =>
  planOptionsSchema().extend({
    dryRun: z.boolean({ error: 'must be true or false' }).optional(),
    onProgress: z.custom((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
    signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
  }),
);

/** Checks `defineSuite`'s options; throws a `TypeError` listing every problem (an unknown key is one, with a did-you-mean). */
export function checkSuiteOptions(options: unknown): SuiteOptions {
  return assertOptions(suiteOptionsSchema, options, 'defineSuite options');
}

/** Checks the options of a suite's `plan()`, the same way. */
export function checkPlanOptions(options: unknown): SuitePlanOptions {
  return assertOptions(planOptionsSchema, options, 'plan options');
}

/** Checks the options of a suite's `push()`, the same way. */
export function checkPushOptions(options: unknown): SuitePushOptions {
  return assertOptions(pushOptionsSchema, options, 'push options');
}
