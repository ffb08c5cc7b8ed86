import { z } from 'zod';
import { EnvironmentSchema } from './environment.js';
import { JsonObjectSchema } from './json-object.js';
import { distinctArray, EnvVarNameSchema, NonBlankSchema } from './primitives.js';
import { ScoringContractSchema } from './scoring-contract.js';

/** `input_context`: the problem statement and optional structured context. */
const InputContextSchema = z.strictObject({
  problem_statement: NonBlankSchema,
  additional_context: JsonObjectSchema.optional(),
});

/** The validation strategies Runloop knows. */
const ValidationTypeSchema = z.enum(['UNSPECIFIED', 'FORWARD', 'REVERSE', 'EVALUATION'], {
  error: 'must be one of UNSPECIFIED, FORWARD, REVERSE, EVALUATION',
});

const payloadFields = {
  name: NonBlankSchema,
  input_context: InputContextSchema,
  scoring_contract: ScoringContractSchema,
  environment_parameters: EnvironmentSchema,
  metadata: z.record(NonBlankSchema, z.string({ error: 'metadata values must be strings' })),
  reference_output: z.string({ error: 'must be a string' }),
  required_environment_variables: distinctArray(EnvVarNameSchema, 'environment variable'),
  required_secret_names: distinctArray(NonBlankSchema, 'secret'),
  scorer_timeout_sec: z.int({ error: 'must be a whole number of seconds' }).positive({ error: 'must be at least 1 second' }),
  validation_type: ValidationTypeSchema,
  is_public: z.boolean({ error: 'must be true or false' }),
};

/** Each top-level field of a payload with its schema; build() validates field by field. */
export const PAYLOAD_FIELDS: Readonly<Record<PayloadField, z.ZodType>> = payloadFields;

/** A top-level field of the wire payload. */
export type PayloadField = keyof typeof payloadFields;

/**
 * The body of `POST /v1/scenarios/{id}` as scenariokit emits it: the zod schema `.build()`
 * validates with. Every field is optional: an absent field keeps its stored value. `is_public`
 * is the reference page's field, no longer in the SDK's types: sent only when set.
 *
 * @example
 * ```ts
 * ScenarioUpdatePayloadSchema.safeParse({ metadata: { owner: 'evals' } }).success; // true
 * ```
 */
export const ScenarioUpdatePayloadSchema = z.strictObject(payloadFields).partial();

/**
 * The body of `POST /v1/scenarios`: like an update, with `name`, `input_context` and
 * `scoring_contract` required. The zod schema `.buildCreate()` validates with.
 *
 * @example
 * ```ts
 * const result = ScenarioCreatePayloadSchema.safeParse(JSON.parse(readFileSync('scenario.json', 'utf8')));
 * z.toJSONSchema(ScenarioCreatePayloadSchema); // for editors and other languages
 * ```
 */
export const ScenarioCreatePayloadSchema = ScenarioUpdatePayloadSchema.required({
  name: true,
  input_context: true,
  scoring_contract: true,
});

/**
 * The JSON body that `.build()` returns and `.push(id)` sends (snake_case, frozen).
 *
 * @example
 * ```ts
 * const payload: ScenarioUpdatePayload = Scenario.define().metadata({ owner: 'evals' }).build();
 * // { metadata: { owner: 'evals' } }
 * ```
 */
export type ScenarioUpdatePayload = z.infer<typeof ScenarioUpdatePayloadSchema>;
/**
 * The JSON body that `.buildCreate()` returns and `.create()` sends (snake_case, frozen).
 *
 * @example
 * ```ts
 * const payload: ScenarioCreatePayload = Scenario.define('x').problem('p').scorer(command('npm test')).buildCreate();
 * await client.scenarios.create(payload);
 * ```
 */
export type ScenarioCreatePayload = z.infer<typeof ScenarioCreatePayloadSchema>;
/** The fields the DSL requires before a scenario can be created. */
export const CREATE_REQUIRED_FIELDS = ['name', 'input_context', 'scoring_contract'] as const satisfies readonly PayloadField[];
