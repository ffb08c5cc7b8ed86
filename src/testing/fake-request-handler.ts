import { setTimeout as sleep } from 'node:timers/promises';
import { ApiFailure } from './api-failure.js';
import type { WireReply, WireRequest } from './dual-protocol-server.js';
import { FAULT_STATUS, type FaultKind, type FaultPlan } from './fault-plan.js';
import { IdempotencyCache } from './idempotency-cache.js';
import type { ApiAnswer } from './api-call.js';
import { routeApiCall } from './api-routes.js';
import type { FakeStores } from './fake-stores.js';
import type { OpenApiValidator } from './openapi-validator.js';
import { MASKED_AUTHORIZATION, type RecordedRequest } from './recorded-request.js';

/** The header in which the SDK sends its idempotency key, the same on every retry of a POST. */
const IDEMPOTENCY_HEADER = 'x-request-id';

/**
 * The deepest nesting of objects and arrays the fake reads in a request body; a deeper body is
 * answered 400 naming this limit.
 *
 * @example
 * ```ts
 * JSON.stringify({ metadata: nested(MAX_BODY_DEPTH) }); // answered 400
 * ```
 */
export const MAX_BODY_DEPTH = 512;

/**
 * Where the fake takes the uploads of storage objects: `<baseURL>${UPLOAD_PATH}<object id>/<token>`,
 * the `upload_url` of a new object. The token stands for the signature of a presigned URL: such a
 * request carries no bearer token.
 *
 * @example
 * ```ts
 * await fetch(`${fake.baseURL}${UPLOAD_PATH}${id}/${token}`, { method: 'PUT', body: tarball });
 * ```
 */
export const UPLOAD_PATH = '/scenariokit-fake/uploads/';

/**
 * What a {@link FakeRequestHandler} works with.
 *
 * @example
 * ```ts
 * const options: FakeRequestHandlerOptions = { apiKey, stores, validator: OpenApiValidator.shared(), faults: new FaultPlan(1, undefined), latencyMs: 0 };
 * ```
 */
export interface FakeRequestHandlerOptions {
  readonly apiKey: string;
  readonly stores: FakeStores;
  readonly validator: OpenApiValidator;
  readonly faults: FaultPlan;
  readonly latencyMs: number;
}

/**
 * The fake's request pipeline, the same for HTTP/2 and HTTP/1.1: check the bearer token (the
 * body of a request without a valid one is never read); read the body (400 for one that is not
 * JSON or nests deeper than {@link MAX_BODY_DEPTH}); record the request; wait `latencyMs`;
 * inject a fault if the plan says so (429/500/503 or a reset, before anything is processed);
 * answer 401 to a missing or wrong token; answer a POST whose idempotency key was already answered
 * with that first answer; otherwise run the call against the stores and remember the answer
 * under the key; for `drop-after-commit`, cut the connection instead of answering. An upload to
 * an object's `upload_url` ({@link UPLOAD_PATH}) is authorised by the token in its URL instead,
 * gets neither latency nor faults, and is recorded with its token masked.
 *
 * @example
 * ```ts
 * const handler = new FakeRequestHandler({ apiKey, stores, validator, faults, latencyMs: 0 });
 * const server = await startDualProtocolServer((request) => handler.handle(request));
 * ```
 */
export class FakeRequestHandler {
  #closed = false;
  readonly #options: FakeRequestHandlerOptions;
  readonly #answers = new IdempotencyCache();
  #requests: RecordedRequest[] = [];

  constructor(options: FakeRequestHandlerOptions) {
    this.#options = options;
  }

  /** Every request received so far (frozen records). */
  get requests(): readonly RecordedRequest[] {
    return Object.freeze([...this.#requests]);
  }

  /** Stops answering: a request still waiting (its latency, say) is dropped, changing nothing. */
  close(): void {
    this.#closed = true;
  }

  /** Forgets the recorded requests and the remembered answers. */
  reset(): void {
    this.#requests = [];
    this.#answers.clear();
  }

  /** Handles one request and says how to reply; never throws (a bug in the fake is a 500 without a stack trace). */
  async handle(request: WireRequest): Promise<WireReply> {
    const url = parseUrl(request.url);
    const auth = this.#authOf(request.headers.authorization);
    if (url.pathname.startsWith(UPLOAD_PATH)) return this.#upload(request, url, auth);
    // the token is checked before any work on the body: a request without a valid one never has it read
    const body: ParsedBody = auth === 'valid' ? parseBody(request.body) : { value: undefined };
    const idempotencyKey = request.method === 'POST' ? request.headers[IDEMPOTENCY_HEADER] : undefined;
    const record: Mutable<RecordedRequest> = {
      seq: this.#requests.length + 1,
      method: request.method,
      path: url.pathname,
      query: Object.freeze(Object.fromEntries(url.searchParams)),
      body: body.error === undefined ? deepFreeze(body.value) : body.value,
      idempotencyKey,
      auth,
      headers: Object.freeze(maskHeaders(request.headers)),
      protocol: request.protocol,
      fault: undefined,
      replayed: false,
      status: undefined,
    };
    const log = this.#requests;
    log.push(Object.freeze({ ...record }));
    const index = log.length - 1;
    const finish = (reply: WireReply, fault?: FaultKind, replayed = false): WireReply => {
      log[index] = Object.freeze({ ...record, fault, replayed, status: reply.kind === 'respond' ? reply.status : undefined });
      return reply;
    };
    try {
      return await this.#handle(request, url, auth, body, idempotencyKey, finish);
    } catch (error) {
      // a bug in the fake: say so without a stack trace, and tell the SDK not to retry it
      const message = `scenariokit fake: internal error: ${error instanceof Error ? error.message : String(error)}`;
      return finish(json(500, { message }, { 'x-should-retry': 'false' }));
    }
  }

  async #handle(
    request: WireRequest,
    url: URL,
    auth: RecordedRequest['auth'],
    body: ParsedBody,
    idempotencyKey: string | undefined,
    finish: (reply: WireReply, fault?: FaultKind, replayed?: boolean) => WireReply,
  ): Promise<WireReply> {
    if (this.#options.latencyMs > 0) await sleep(this.#options.latencyMs);
    if (this.#closed) return finish({ kind: 'reset' });

    const fault = this.#options.faults.next();
    if (fault === 'reset') return finish({ kind: 'reset' }, fault);
    const faultStatus = fault === undefined ? undefined : FAULT_STATUS[fault];
    if (faultStatus !== undefined) {
      const message = `injected fault ${faultStatus} (scenariokit fake); retry after ${this.#options.faults.retryAfterMs} ms`;
      return finish(json(faultStatus, { message }, { 'retry-after-ms': String(this.#options.faults.retryAfterMs) }), fault);
    }
    const respond = (answer: ApiAnswer, replayed = false) =>
      finish(fault === 'drop-after-commit' ? { kind: 'reset' } : json(answer.status, answer.body), fault, replayed);

    if (auth !== 'valid') {
      const message =
        auth === 'missing'
          ? 'missing bearer token: send "Authorization: Bearer <api key>" (fake.client() does)'
          : "invalid bearer token: it is not the fake's apiKey";
      return respond({ status: 401, body: { message } });
    }
    // what a key stands for: the same method, path and body
    const fingerprint = `${request.method} ${url.pathname} ${request.body.toString('utf8')}`;
    if (idempotencyKey !== undefined) {
      const earlier = this.#answers.answerFor(idempotencyKey, fingerprint);
      if (earlier !== undefined) return respond(earlier, true);
    }
    const answer = this.#answer(request, url, body);
    if (idempotencyKey !== undefined) this.#answers.remember(idempotencyKey, fingerprint, answer);
    return respond(answer);
  }

  #answer(request: WireRequest, url: URL, body: ParsedBody): ApiAnswer {
    try {
      if (request.tooLarge) throw new ApiFailure(413, 'request body too large for the fake (32 MiB at most)');
      if (body.error !== undefined) throw new ApiFailure(400, `request body ${body.error}`);
      const query = Object.fromEntries(url.searchParams);
      return routeApiCall({ method: request.method, path: url.pathname, query, body: body.value }, this.#options.stores, this.#options.validator);
    } catch (error) {
      if (error instanceof ApiFailure) return { status: error.status, body: error.toBody() };
      throw error;
    }
  }

  /** An upload to an object's `upload_url`: recorded (token masked, body not kept), then handed to the object store. */
  #upload(request: WireRequest, url: URL, auth: RecordedRequest['auth']): WireReply {
    const [id = '', token = ''] = url.pathname.slice(UPLOAD_PATH.length).split('/');
    const answer = ((): ApiAnswer => {
      try {
        if (this.#closed) throw new ApiFailure(503, 'the fake is closed');
        if (request.method !== 'PUT') throw new ApiFailure(405, `${request.method} is not allowed on an upload URL (allowed: PUT)`);
        if (request.tooLarge) throw new ApiFailure(413, 'upload too large for the fake (32 MiB at most)');
        this.#options.stores.objects.upload(id, token, request.body.length);
        return { status: 200, body: undefined };
      } catch (error) {
        if (error instanceof ApiFailure) return { status: error.status, body: error.toBody() };
        throw error;
      }
    })();
    this.#requests.push(
      Object.freeze({
        seq: this.#requests.length + 1,
        method: request.method,
        path: `${UPLOAD_PATH}${id}/****`,
        query: Object.freeze({}),
        body: undefined,
        idempotencyKey: undefined,
        auth,
        headers: Object.freeze(maskHeaders(request.headers)),
        protocol: request.protocol,
        fault: undefined,
        replayed: false,
        status: answer.status,
      }),
    );
    return answer.body === undefined ? { kind: 'respond', status: answer.status, headers: {}, body: '' } : json(answer.status, answer.body);
  }

  #authOf(header: string | undefined): RecordedRequest['auth'] {
    const token = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '')?.[1];
    if (token === undefined) return 'missing';
    return token === this.#options.apiKey ? 'valid' : 'invalid';
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface ParsedBody {
  readonly value: unknown;
  readonly error?: string;
}

function parseBody(raw: Buffer): ParsedBody {
  if (raw.length === 0) return { value: undefined };
  const text = raw.toString('utf8');
  if (nestingDepth(text) > MAX_BODY_DEPTH) {
    return { value: text, error: `nests deeper than ${MAX_BODY_DEPTH} levels of objects and arrays (the fake's limit)` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { value: text, error: `is not valid JSON: ${(error as Error).message}` };
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): WireReply {
  return { kind: 'respond', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Headers that carry credentials: never recorded in clear. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'cookie'];

function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...headers };
  for (const name of SECRET_HEADERS) {
    if (out[name] !== undefined) out[name] = /^Bearer\s/i.test(out[name]) ? MASKED_AUTHORIZATION : '****';
  }
  return out;
}

/** The deepest nesting of objects and arrays in a JSON text, found without parsing it (so without recursion). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** The request's path and query; a target that is not a path is read as `/`, which no route serves. */
function parseUrl(target: string): URL {
  try {
    return new URL(target, 'http://fake.invalid');
  } catch {
    return new URL('/', 'http://fake.invalid');
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
