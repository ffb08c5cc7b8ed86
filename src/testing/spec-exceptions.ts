/**
 * An OpenAPI 3.0 schema object, as read from the YAML.
 *
 * @example
 * ```ts
 * const schema: OpenApiSchema = { type: 'string', nullable: true };
 * ```
 */
export type OpenApiSchema = { [keyword: string]: unknown };

/**
 * One place where the fake accepts more than the published OpenAPI copy, and why.
 *
 * @example
 * ```ts
 * const lines = SPEC_EXCEPTIONS.map((exception: SpecException) => `${exception.at}: ${exception.reason}`);
 * ```
 */
export interface SpecException {
  /** The schema and property patched, e.g. `LaunchParameters.provisioning_tier`. */
  readonly at: string;
  /** Why the fake accepts it. */
  readonly reason: string;
  /** The property's schema in the patched spec. */
  readonly schema: OpenApiSchema;
}

const REFERENCE_PAGE = "the reference page \"Update a Scenario\" shows it; the DSL sends it only when an author sets it";
const NEWER_SDK = '@runloop/api-client 1.32 is newer than the spec copy and has it';

/**
 * The documented exceptions to the OpenAPI copy, and only these: the reference page's `is_public`
 * and `prebuilt_id` (accepted and stored), and what SDK 1.32 has that the spec copy lacks.
 *
 * @example
 * ```ts
 * SPEC_EXCEPTIONS.map((exception) => exception.at); // ['ScenarioCreateParameters.is_public', …]
 * ```
 */
export const SPEC_EXCEPTIONS: readonly SpecException[] = Object.freeze([
  { at: 'ScenarioCreateParameters.is_public', reason: REFERENCE_PAGE, schema: { type: 'boolean', nullable: true } },
  { at: 'ScenarioUpdateParameters.is_public', reason: REFERENCE_PAGE, schema: { type: 'boolean', nullable: true } },
  { at: 'ScenarioEnvironment.prebuilt_id', reason: REFERENCE_PAGE, schema: { type: 'string', nullable: true } },
  {
    at: 'LaunchParameters.provisioning_tier',
    reason: `${NEWER_SDK} ('standard' | 'flex')`,
    schema: { type: 'string', enum: ['standard', 'flex'], nullable: true },
  },
  {
    at: 'LaunchParameters.custom_cpu_cores',
    reason: `${NEWER_SDK} as a number, documented as "0.5, 1, or a multiple of 2"; the spec copy says integer`,
    schema: { anyOf: [{ type: 'integer', format: 'int32' }, { enum: [0.5] }], nullable: true },
  },
  {
    at: 'LifecycleConfigurationParameters.lifecycle_hooks',
    reason: `${NEWER_SDK} (LifecycleHooks: suspend_commands, suspend_deadline_ms)`,
    schema: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: {
        suspend_commands: { type: 'array', items: { type: 'string' }, nullable: true },
        suspend_deadline_ms: { type: 'integer', format: 'int32', nullable: true },
      },
    },
  },
] satisfies SpecException[]);

/**
 * The component schemas with {@link SPEC_EXCEPTIONS} applied (a patched copy; the input is not
 * changed). Throws when the spec no longer has a schema an exception patches.
 *
 * @example
 * ```ts
 * applySpecExceptions(schemas).LaunchParameters.properties.provisioning_tier; // { type: 'string', enum: ['standard', 'flex'], nullable: true }
 * ```
 */
export function applySpecExceptions(schemas: Readonly<Record<string, OpenApiSchema>>): Record<string, OpenApiSchema> {
  const patched: Record<string, OpenApiSchema> = { ...schemas };
  for (const { at, schema } of SPEC_EXCEPTIONS) {
    const [name, property] = at.split('.') as [string, string];
    const target = patched[name];
    if (target === undefined) throw new Error(`spec exception ${at}: the spec has no schema ${name}`);
    const properties = (target.properties ?? {}) as Record<string, OpenApiSchema>;
    patched[name] = { ...target, properties: { ...properties, [property]: schema } };
  }
  return patched;
}
