import { z } from 'zod';
import { environmentSchema } from '../environment/environment-fields.js';
import { scoringContractSchema } from '../scorers/scoring-contract.js';
import type { DeepReadonly } from '../util/deep-readonly.js';
import { lazy } from '../util/lazy.js';
import { report } from '../validation/report-issue.js';
import { JsonObjectSchema } from './json-object.js';
import { distinctArray, envVarNameSchema, hasText, NonBlankSchema, secretNameSchema, SomeTextSchema, TextSchema } from './primitives.js';

/** `input_context`: the problem statement and optional structured context. */
const inputContextSchema = lazy(() =>
  z.strictObject({
    problem_statement: SomeTextSchema,
    additional_context: JsonObjectSchema.optional(),
  }),
);

/** Metadata: string values; a blank key is a warning. */
const metadataSchema = lazy(() =>
  z.record(z.string(), z.string({ error: 'metadata values must be strings' })).superRefine((metadata, ctx) => {
    for (const key of Object.keys(metadata)) if (!hasText(key)) report(ctx, 'blank-text', 'metadata key must not be blank', [key]);
  }),
);

/**
 * Each top-level field of a payload: its wire schema (`schema()` gives it, made on first use),
 * the builder method that sets it (the first segment of an issue's input path) and the call that
 * fixes it.
 */
export const PAYLOAD_FIELDS = {
  name: { schema: () => NonBlankSchema, method: 'name', fix: 'Scenario.define(name) or .name(name)' },
  input_context: { schema: inputContextSchema, method: 'problem', fix: '.problem(statement)' },
  scoring_contract: { schema: scoringContractSchema, method: 'scorer', fix: '.scorer(scorer, weight)' },
  environment_parameters: { schema: environmentSchema, method: 'env', fix: '.env({ blueprintId | snapshotId | prebuiltId, workingDirectory, launch })' },
  metadata: { schema: metadataSchema, method: 'metadata', fix: '.metadata(record)' },
  reference_output: { schema: () => TextSchema, method: 'referenceOutput', fix: '.referenceOutput(text)' },
  required_environment_variables: {
    schema: lazy(() => distinctArray(envVarNameSchema(), 'environment variable')),
    method: 'requiredEnv',
    fix: '.requiredEnv(names)',
  },
  required_secret_names: { schema: lazy(() => distinctArray(secretNameSchema(), 'secret')), method: 'requiredSecrets', fix: '.requiredSecrets(names)' },
  scorer_timeout_sec: {
    schema: lazy(() => z.int({ error: 'must be a whole number of seconds' }).positive({ error: 'must be at least 1 second' })),
    method: 'scorerTimeout',
    fix: '.scorerTimeout(seconds)',
  },
  validation_type: {
    schema: lazy(() => z.enum(['UNSPECIFIED', 'FORWARD', 'REVERSE', 'EVALUATION'], { error: 'must be one of UNSPECIFIED, FORWARD, REVERSE, EVALUATION' })),
    method: 'validation',
    fix: '.validation(type)',
  },
  is_public: { schema: lazy(() => z.boolean({ error: 'must be true or false' })), method: 'public', fix: '.public(flag)' },
} as const;

/** A top-level field of the wire payload. */
export type PayloadField = keyof typeof PAYLOAD_FIELDS;

type PayloadShape = { -readonly [F in PayloadField]: ReturnType<(typeof PAYLOAD_FIELDS)[F]['schema']> };

/**
 * The payload's zod shape, each field a getter that makes its schema on first use: zod reads a
 * shape's getters only when the field is first used (a parse, `.shape`, `z.toJSONSchema`), so
 * the payload schemas below cost three objects at import.
 */
const payloadShape = {} as PayloadShape;
for (const [field, { schema }] of Object.entries(PAYLOAD_FIELDS)) Object.defineProperty(payloadShape, field, { get: schema, enumerable: true });

/**
 * The body of `POST /v1/scenarios/{id}` as scenariokit emits it. Every field is optional: an
 * absent field keeps its stored value. `is_public` is the reference page's field, no longer in
 * the SDK's types: sent only when set. `.build()` checks each field against its part of this
 * schema. Issues whose `params.code` is a warning code (see `ISSUE_CODES`) are scenariokit's
 * checks beyond the API, which `.build()` reports without failing.
 *
 * @example
 * ```ts
 * ScenarioUpdatePayloadSchema.safeParse({ metadata: { owner: 'evals' } }).success; // true
 * ```
 */
export const ScenarioUpdatePayloadSchema = z.strictObject(payloadShape).partial();

/**
 * The body of `POST /v1/scenarios`: like an update, with `name`, `input_context` and
 * `scoring_contract` required.
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
 * The JSON body that `.build()` returns and `.push(id)` sends (snake_case, frozen all the way
 * down, so typed readonly all the way down).
 *
 * @example
 * ```ts
 * const payload: ScenarioUpdatePayload = Scenario.define().metadata({ owner: 'evals' }).build();
 * // { metadata: { owner: 'evals' } }
 * ```
 */
export type ScenarioUpdatePayload = DeepReadonly<z.infer<typeof ScenarioUpdatePayloadSchema>>;
/**
 * The JSON body that `.buildCreate()` returns and `.create()` sends (snake_case, frozen all the
 * way down, so typed readonly all the way down).
 *
 * @example
 * ```ts
 * const payload: ScenarioCreatePayload = Scenario.define('x').problem('p').scorer(command('npm test')).buildCreate();
 * await Scenario.define('x').problem('p').scorer(command('npm test')).create({ client });
 * ```
 */
export type ScenarioCreatePayload = DeepReadonly<z.infer<typeof ScenarioCreatePayloadSchema>>;
/** The fields the DSL requires before a scenario can be created. */
export const CREATE_REQUIRED_FIELDS = ['name', 'input_context', 'scoring_contract'] as const satisfies readonly PayloadField[];
