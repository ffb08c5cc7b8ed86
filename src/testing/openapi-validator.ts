import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DEFINITIONS_PREFIX, loadOpenApiSpec, toJsonSchemaDefinitions, type OpenApiSpec } from './openapi-spec.js';

/**
 * One problem with a request body: where (`scoring_contract.scoring_function_parameters[0].weight`)
 * and what.
 *
 * @example
 * ```ts
 * const issue: BodyIssue = { path: 'environment_parameters.launch_parameters.resource_size_request', message: 'must be one of X_SMALL, …' };
 * ```
 */
export interface BodyIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The request-body schemas the fake checks.
 *
 * @example
 * ```ts
 * const schema: RequestBodySchema = 'ScenarioUpdateParameters';
 * ```
 */
export type RequestBodySchema =
  | 'ScenarioCreateParameters'
  | 'ScenarioUpdateParameters'
  | 'BenchmarkCreateParameters'
  | 'BenchmarkUpdateParameters'
  | 'BlueprintBuildParameters'
  | 'ObjectCreateParameters'
  | 'EmptyRecord';

/**
 * The response schemas of what the fake stores, for checking that its answers have the published shape.
 *
 * @example
 * ```ts
 * validator.validate('BenchmarkDefinitionView' satisfies ViewSchema, await client.benchmarks.retrieve(id)); // []
 * ```
 */
export type ViewSchema = 'ScenarioDefinitionView' | 'BenchmarkDefinitionView' | 'BlueprintView' | 'ObjectView';

const DOCUMENT_ID = 'runloop-openapi';

/**
 * Checks request bodies against the published OpenAPI schema (with the documented exceptions),
 * independently of scenariokit's zod schemas, and reports every problem with its field path.
 *
 * @example
 * ```ts
 * const validator = OpenApiValidator.shared();
 * validator.validate('ScenarioUpdateParameters', { nme: 'x' });
 * // [{ path: 'nme', message: 'unknown field' }]
 * ```
 */
export class OpenApiValidator {
  static #shared: OpenApiValidator | undefined;
  readonly spec: OpenApiSpec;
  readonly #validators = new Map<RequestBodySchema | ViewSchema, ValidateFunction>();
  readonly #ajv: Ajv;

  constructor(spec: OpenApiSpec = loadOpenApiSpec()) {
    this.spec = spec;
    this.#ajv = new Ajv({ allErrors: true, discriminator: true, strict: true, verbose: true });
    this.#ajv.addKeyword({ keyword: 'x-discriminator-tags', schemaType: 'array' });
    this.#ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.#ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.#ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    this.#ajv.addFormat('binary', true);
    this.#ajv.addSchema({ $id: DOCUMENT_ID, definitions: toJsonSchemaDefinitions(spec.schemas) });
  }

  /** One validator for the whole process, made on first use (reading and compiling the spec once). */
  static shared(): OpenApiValidator {
    return (OpenApiValidator.#shared ??= new OpenApiValidator());
  }

  /** Every problem with `body` (a request body or a view) against the named schema; empty when it is valid. */
  validate(schema: RequestBodySchema | ViewSchema, body: unknown): BodyIssue[] {
    let validator = this.#validators.get(schema);
    if (validator === undefined) {
      validator = this.#ajv.getSchema(`${DOCUMENT_ID}${DEFINITIONS_PREFIX}${schema}`);
      if (validator === undefined) throw new Error(`the OpenAPI copy has no schema ${schema}`);
      this.#validators.set(schema, validator);
    }
    if (validator(body)) return [];
    return describeErrors(validator.errors ?? [], body);
  }
}

/** Turns Ajv's errors into one issue per problem, with readable paths and messages. */
function describeErrors(errors: readonly ErrorObject[], body: unknown): BodyIssue[] {
  // A failed `anyOf` reports its branches' errors too; its own message describes them all.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  // A value of the wrong type needs no second message about its format.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const issues: BodyIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (anyOfPaths.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    if (error.keyword === 'format' && wrongType.has(error.instancePath)) continue;
    const issue = describeError(error, body);
    const key = `${issue.path}\n${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}

function describeError(error: ErrorObject, body: unknown): BodyIssue {
  const at = (extra?: string) => ({ path: formatPointer(error.instancePath, body, extra) });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { ...at(String(params.additionalProperty)), message: 'unknown field' };
    case 'required':
      return { ...at(String(params.missingProperty)), message: 'is required' };
    case 'type':
      return { ...at(), message: `must be ${describeTypes(String(params.type).split(','))}` };
    case 'enum':
      return { ...at(), message: `must be one of ${describeValues(params.allowedValues as unknown[])}` };
    case 'format':
      return { ...at(), message: `must be ${FORMAT_WORDS[String(params.format)] ?? `in format ${String(params.format)}`}` };
    case 'anyOf':
      return { ...at(), message: `must be ${(error.schema as Record<string, unknown>[]).map(describeBranch).join(' or ')}` };
    case 'discriminator': {
      const tag = String(params.tag);
      const tags = (error.parentSchema as Record<string, unknown>)['x-discriminator-tags'] as string[] | undefined;
      if (params.error === 'tag') return { ...at(tag), message: `is required and must be a string${tags ? ` (one of ${tags.join(', ')})` : ''}` };
      return { ...at(tag), message: `must be one of ${tags?.join(', ') ?? 'the known types'} (got ${JSON.stringify(params.tagValue)})` };
    }
    default:
      return { ...at(), message: error.message ?? `fails ${error.keyword}` };
  }
}

const FORMAT_WORDS: Record<string, string> = {
  int32: 'a 32-bit integer',
  int64: 'a safe integer',
  float: 'a finite number',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeTypes(types: string[]): string {
  return types.map((type) => TYPE_WORDS[type] ?? type).join(' or ');
}

function describeValues(values: readonly unknown[]): string {
  const listed = values.filter((value) => value !== null).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return values.includes(null) ? `${listed.join(', ')} (or null)` : listed.join(', ');
}

function describeBranch(branch: Record<string, unknown>): string {
  if (Array.isArray(branch.enum)) return branch.enum.map((value) => JSON.stringify(value)).join(' or ');
  if (branch.type !== undefined) return describeTypes([branch.type].flat().map(String));
  return 'a value of another shape';
}

/**
 * Renders a JSON pointer into the body as people write paths: `a.b[0].c`; keys that are not
 * identifiers are quoted (`metadata["team.name"]`). Array indexes are told from numeric keys by
 * looking at the body.
 */
function formatPointer(pointer: string, body: unknown, extra?: string): string {
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extra !== undefined) keys.push(extra);
  let node: unknown = body;
  let text = '';
  for (const key of keys) {
    if (Array.isArray(node)) text += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return text || '(body)';
}
