import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { applySpecExceptions, type OpenApiSchema } from './spec-exceptions.js';

/**
 * The files of the OpenAPI copy, in the package's `openapi/` folder: the scenario paths, and the
 * benchmark, blueprint and object paths (which refer to schemas of the first, such as
 * `LaunchParameters`). They are read as one spec.
 */
const SPEC_FILE_NAMES = ['runloop-scenarios-openapi.yml', 'runloop-benchmarks-blueprints-openapi.yml'] as const;

/**
 * A JSON Schema (draft-07) as Ajv reads it.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = { type: ['string', 'null'] };
 * ```
 */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * The OpenAPI copy, read: its files, their provenance lines and their component schemas (one
 * set), with the documented exceptions applied.
 *
 * @example
 * ```ts
 * const spec = loadOpenApiSpec();
 * spec.provenance[0]; // 'Extracted from … Third-party copy of Runloop public spec.'
 * ```
 */
export interface OpenApiSpec {
  readonly files: readonly string[];
  /** Each file's `x-provenance`, in the order of `files`. */
  readonly provenance: readonly string[];
  readonly schemas: Readonly<Record<string, OpenApiSchema>>;
}

/**
 * Finds `openapi/<name>` (by default the scenario paths' file) in the nearest folder above this
 * module: the package root both from the sources (`src/testing/`) and from the build (`dist/`).
 *
 * @example
 * ```ts
 * findSpecFile(); // '/…/node_modules/scenariokit/openapi/runloop-scenarios-openapi.yml'
 * ```
 */
export function findSpecFile(name: string = SPEC_FILE_NAMES[0]): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start, depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const candidate = join(dir, 'openapi', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`scenariokit/testing: cannot find openapi/${name} above ${start}; is the package installed completely?`);
}

/**
 * Reads and parses the files of the OpenAPI copy as one spec and applies the documented
 * exceptions. A schema defined in two files is an error: no file may quietly override another.
 *
 * @example
 * ```ts
 * loadOpenApiSpec().schemas.ScenarioCreateParameters.required; // ['name', 'input_context', 'scoring_contract']
 * ```
 */
export function loadOpenApiSpec(files: readonly string[] = SPEC_FILE_NAMES.map((name) => findSpecFile(name))): OpenApiSpec {
  const schemas: Record<string, OpenApiSchema> = {};
  const definedIn = new Map<string, string>();
  const provenance = files.map((file) => {
    const document = parse(readFileSync(file, 'utf8')) as {
      'x-provenance'?: unknown;
      components?: { schemas?: Record<string, OpenApiSchema> };
    };
    const fileSchemas = document.components?.schemas;
    if (fileSchemas === undefined) throw new Error(`${file}: no components.schemas`);
    for (const [name, schema] of Object.entries(fileSchemas)) {
      const other = definedIn.get(name);
      if (other !== undefined) throw new Error(`${file}: schema ${name} is defined in ${other} too; define it in one file only`);
      definedIn.set(name, file);
      schemas[name] = schema;
    }
    return String(document['x-provenance'] ?? '');
  });
  return Object.freeze({
    files: Object.freeze([...files]),
    provenance: Object.freeze(provenance),
    schemas: Object.freeze(applySpecExceptions(schemas)),
  });
}

const REF_PREFIX = '#/components/schemas/';
/**
 * Where converted schemas live in the one JSON Schema document given to Ajv.
 *
 * @example
 * ```ts
 * `${DEFINITIONS_PREFIX}ScenarioCreateParameters`; // '#/definitions/ScenarioCreateParameters'
 * ```
 */
export const DEFINITIONS_PREFIX = '#/definitions/';
/** The name under which a nullable copy of a referenced schema is stored. */
const NULLABLE_SUFFIX = '__nullable';
/** Keywords that only describe: dropped, so Ajv's strict mode sees no unknown keyword. */
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', 'title']);

/**
 * Converts OpenAPI 3.0 component schemas into JSON Schema draft-07 definitions for Ajv:
 * `nullable: true` becomes a `null` type (or enum value); a nullable `$ref` points to a nullable
 * copy of its target; `#/components/schemas/X` refs become `#/definitions/X`; a discriminator
 * keeps its property name (Ajv's `discriminator` option) and its mapping's tags as
 * `x-discriminator-tags`, for error messages; descriptions and `x-` extensions are dropped.
 *
 * @example
 * ```ts
 * toJsonSchemaDefinitions({ A: { type: 'string', nullable: true } });
 * // { A: { type: ['string', 'null'] } }
 * ```
 */
export function toJsonSchemaDefinitions(schemas: Readonly<Record<string, OpenApiSchema>>): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  const wantedNullable = new Set<string>();

  const convert = (schema: OpenApiSchema): JsonSchema => {
    const { nullable, $ref, discriminator, ...rest } = schema;
    if (typeof $ref === 'string') {
      const name = $ref.startsWith(REF_PREFIX) ? $ref.slice(REF_PREFIX.length) : undefined;
      if (name === undefined || schemas[name] === undefined) throw new Error(`unsupported $ref ${$ref}`);
      if (nullable !== true) return { $ref: DEFINITIONS_PREFIX + name };
      wantedNullable.add(name);
      return { $ref: DEFINITIONS_PREFIX + name + NULLABLE_SUFFIX };
    }
    const out: JsonSchema = {};
    for (const [keyword, value] of Object.entries(rest)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (keyword === 'properties') {
        out.properties = Object.fromEntries(Object.entries(value as Record<string, OpenApiSchema>).map(([k, v]) => [k, convert(v)]));
      } else if (keyword === 'items' || (keyword === 'additionalProperties' && typeof value === 'object')) {
        out[keyword] = convert(value as OpenApiSchema);
      } else if (keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'allOf') {
        out[keyword] = (value as OpenApiSchema[]).map(convert);
      } else {
        out[keyword] = value;
      }
    }
    if (discriminator !== undefined) {
      const { propertyName, mapping } = discriminator as { propertyName: string; mapping?: Record<string, string> };
      out.discriminator = { propertyName };
      out.type ??= 'object';
      if (mapping) out['x-discriminator-tags'] = Object.keys(mapping);
    }
    return nullable === true ? withNull(out) : out;
  };

  for (const [name, schema] of Object.entries(schemas)) definitions[name] = convert(schema);
  for (const name of wantedNullable) {
    const target = definitions[name]!;
    definitions[name + NULLABLE_SUFFIX] =
      'type' in target || 'enum' in target ? withNull(target) : { anyOf: [{ $ref: DEFINITIONS_PREFIX + name }, { type: 'null' }] };
  }
  return definitions;
}

/** The schema, also accepting `null`. */
function withNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  else if (out.type === undefined && out.enum === undefined) {
    if (Array.isArray(out.anyOf)) out.anyOf = [...out.anyOf, { type: 'null' }];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}
