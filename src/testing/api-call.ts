import { ApiFailure } from './api-failure.js';
import type { OpenApiValidator, RequestBodySchema } from './openapi-validator.js';
import { MAX_LIMIT, type PageQuery } from './record-store.js';

/**
 * A request to the fake's API, parsed: method, path, query and JSON body (`undefined` when
 * empty).
 *
 * @example
 * ```ts
 * const call: ApiCall = { method: 'GET', path: '/v1/scenarios', query: { limit: '5' }, body: undefined };
 * ```
 */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * An answer of the API: a status and a JSON body.
 *
 * @example
 * ```ts
 * const answer: ApiAnswer = { status: 200, body: view };
 * ```
 */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A request body that passed the OpenAPI check: a JSON object.
 *
 * @example
 * ```ts
 * const body: CheckedBody = { metadata: { team: 'evals' } };
 * ```
 */
export type CheckedBody = Readonly<Record<string, unknown>>;

/** A 200 answer. */
export function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

/** The body, checked against the OpenAPI schema; an empty body is `{}`. 400 naming every bad field. */
export function checkBody(validator: OpenApiValidator, schema: RequestBodySchema, body: unknown): CheckedBody {
  const value = body === undefined ? {} : body;
  const issues = validator.validate(schema, value);
  if (issues.length > 0) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ApiFailure(400, `invalid request body (${schema}): ${list}`, issues);
  }
  return value as CheckedBody;
}

/** A query parameter, `undefined` when absent or empty. */
export function queryText(query: Readonly<Record<string, string>>, name: string): string | undefined {
  return query[name] === undefined || query[name] === '' ? undefined : query[name];
}

/** Reads the paging parameters every listing shares; 400 for a limit that is not a positive whole number. */
export function pageQuery(query: Readonly<Record<string, string>>): PageQuery {
  const limitText = queryText(query, 'limit');
  let limit: number | undefined;
  if (limitText !== undefined) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) throw new ApiFailure(400, `limit: must be a positive whole number (got ${JSON.stringify(limitText)}); more than ${MAX_LIMIT} is served as ${MAX_LIMIT}`);
  }
  const totalText = queryText(query, 'include_total_count');
  if (totalText !== undefined && totalText !== 'true' && totalText !== 'false') {
    throw new ApiFailure(400, `include_total_count: must be true or false (got ${JSON.stringify(totalText)})`);
  }
  return { limit, startingAfter: queryText(query, 'starting_after'), includeTotalCount: totalText !== 'false' };
}

/** 405, naming the methods the path takes. */
export function notAllowed(call: ApiCall, allowed: string): ApiFailure {
  return new ApiFailure(405, `${call.method} is not allowed on ${call.path} (allowed: ${allowed})`);
}

/** 400 when `value` is blank, naming the field. */
export function checkNotBlank(field: string, value: unknown): void {
  if (typeof value === 'string' && !/\S/.test(value)) throw new ApiFailure(400, `${field}: must not be blank`, [{ path: field, message: 'must not be blank' }]);
}

/** The fields of `body` that are neither absent nor null, copied. */
export function withoutNulls(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (value !== null && value !== undefined) out[key] = structuredClone(value);
  return out;
}

/** `record` with its fields in `order`; fields not in it (none expected) follow. */
export function inFieldOrder<T extends object>(record: T, order: readonly string[]): T {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (key in source) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
  return out as T;
}
