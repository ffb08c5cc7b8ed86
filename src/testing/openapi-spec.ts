import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { applySpecExceptions, type OpenApiSchema } from './spec-exceptions.js';

/**
 * The file name of the OpenAPI copy, in the package's `openapi/` folder.
 *
 * @example
 * ```ts
 * join(packageRoot, 'openapi', SPEC_FILE_NAME);
 * ```
 */
const SPEC_FILE_NAME = 'runloop-scenarios-openapi.yml';

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
 * The OpenAPI copy, read: its provenance line and its component schemas, with the documented
 * exceptions applied.
 *
 * @example
 * ```ts
 * const spec = loadOpenApiSpec();
 * spec.provenance; // 'Extracted from … Third-party copy of Runloop public spec.'
 * ```
 */
export interface OpenApiSpec {
  readonly file: string;
  readonly provenance: string;
  readonly schemas: Readonly<Record<string, OpenApiSchema>>;
}

/**
 * Finds `openapi/runloop-scenarios-openapi.yml` in the nearest folder above this module: the
 * package root both from the sources (`src/testing/`) and from the build (`dist/`).
 *
 * @example
 * ```ts
 * findSpecFile(); // '/…/node_modules/scenariokit/openapi/runloop-scenarios-openapi.yml'
 * ```
 */
export function findSpecFile(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start, depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const candidate = join(dir, 'openapi', SPEC_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`scenariokit/testing: cannot find openapi/${SPEC_FILE_NAME} above ${start}; is the package installed completely?`);
}

/**
 * Reads and parses the OpenAPI copy and applies the documented exceptions.
 *
 * @example
 * ```ts
 * loadOpenApiSpec().schemas.ScenarioCreateParameters.required; // ['name', 'input_context', 'scoring_contract']
 * ```
 */
export function loadOpenApiSpec(file: string = findSpecFile()): OpenApiSpec {
  const document = parse(readFileSync(file, 'utf8')) as {
    'x-provenance'?: unknown;
    components?: { schemas?: Record<string, OpenApiSchema> };
  };
  const schemas = document.components?.schemas;
  if (schemas === undefined) throw new Error(`${file}: no components.schemas`);
  return Object.freeze({
    file,
    provenance: String(document['x-provenance'] ?? ''),
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
