import { z } from 'zod';
import type { RunloopClient } from '../client/runloop-client.js';
import type { SuitePlanOptions } from './define-suite.js';
import type { SuitePushOptions, SuitePushProgress } from './push-suite.js';

const isObject = (value: unknown) => typeof value === 'object' && value !== null;
const positiveInteger = z.int({ error: 'must be a whole number of at least 1' }).min(1, { error: 'must be a whole number of at least 1' });

/** The options of a suite's `plan()`; an unknown key is an error. */
const PLAN_OPTIONS = {
  client: z.custom<RunloopClient>(isObject, { error: 'must be a Runloop or RunloopSDK client' }).optional(),
  concurrency: positiveInteger.optional(),
  requestOptions: z.custom<NonNullable<SuitePlanOptions['requestOptions']>>(isObject, { error: 'must be an object of request options (timeout, maxRetries, headers…)' }).optional(),
  benchmark: z.string({ error: 'must be the name of a benchmark' }).regex(/\S/, { error: 'must not be blank' }).optional(),
};

const PlanOptionsSchema = z.strictObject(PLAN_OPTIONS);
const PushOptionsSchema = z.strictObject({
  ...PLAN_OPTIONS,
  dryRun: z.boolean({ error: 'must be true or false' }).optional(),
  onProgress: z.custom<(progress: SuitePushProgress) => void>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
  signal: z.instanceof(AbortSignal, { error: 'must be an AbortSignal' }).optional(),
});

/** Checks the options of a suite's `plan()`; throws a `TypeError` listing every problem (an unknown key is one). */
export function checkPlanOptions(options: unknown): SuitePlanOptions {
  return check(PlanOptionsSchema, options, 'plan');
}

/** Checks the options of a suite's `push()`; throws a `TypeError` listing every problem (an unknown key is one). */
export function checkPushOptions(options: unknown): SuitePushOptions {
  return check(PushOptionsSchema, options, 'push');
}

function check<T>(schema: z.ZodObject & z.ZodType<T>, options: unknown, method: string): T {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const known = Object.keys(schema.shape).join(', ');
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return `unknown option${issue.keys.length === 1 ? '' : 's'} ${keys}; the options are ${known}`;
    }
    return issue.path.length === 0 ? `the options ${issue.message.replace(/^Invalid input: expected object.*/, 'must be an object')}` : `options.${issue.path.join('.')}: ${issue.message}`;
  });
  throw new TypeError(`suite.${method}(): ${problems.length === 1 ? problems[0] : `${problems.length} problems with the options:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`}`);
}
