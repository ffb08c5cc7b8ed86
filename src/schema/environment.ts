import { z } from 'zod';
import { LaunchParametersSchema } from './launch-parameters.js';
import { NonBlankSchema } from './primitives.js';

/** The fields that name where an environment starts from; at most one may be set. */
const ENVIRONMENT_SOURCES = ['blueprint_id', 'snapshot_id', 'prebuilt_id'] as const;

/**
 * `environment_parameters` (the view calls it `environment`). `prebuilt_id` is the reference
 * page's field, dropped from SDK 0.45 on: it is accepted and sent only when set.
 */
export const EnvironmentSchema = z
  .strictObject({
    blueprint_id: NonBlankSchema.optional(),
    snapshot_id: NonBlankSchema.optional(),
    prebuilt_id: NonBlankSchema.optional(),
    working_directory: NonBlankSchema.optional(),
    launch_parameters: LaunchParametersSchema.optional(),
  })
  .superRefine((env, ctx) => {
    const given = ENVIRONMENT_SOURCES.filter((source) => env[source] !== undefined);
    if (given.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1]!],
        message: `an environment has one source, but ${given.join(' and ')} are both set`,
      });
    }
  });
