import { setTimeout as sleep } from 'node:timers/promises';
import { ApiFailure } from './api-failure.js';
import type { WireReply, WireRequest } from './dual-protocol-server.js';
import { FAULT_STATUS, type FaultKind, type FaultPlan } from './fault-plan.js';
import { IdempotencyCache } from './idempotency-cache.js';
import type { OpenApiValidator } from './openapi-validator.js';
import { MASKED_AUTHORIZATION, type RecordedRequest } from './recorded-request.js';
import { routeScenarioCall, type ApiAnswer } from './scenario-routes.js';
import type { ScenarioStore } from './scenario-store.js';

/** The header in which the SDK sends its idempotency key, the same on every retry of a POST. */
const IDEMPOTENCY_HEADER = 'x-request-id';

/**
 * What a {@link FakeRequestHandler} works with.
 *
 * @example
 * ```ts
 * const options: FakeRequestHandlerOptions = { apiKey, store, validator: OpenApiValidator.shared(), faults: new FaultPlan(1, undefined), latencyMs: 0 };
 * ```
 */
export interface FakeRequestHandlerOptions {
  readonly apiKey: string;
  readonly store: ScenarioStore;
  readonly validator: OpenApiValidator;
  readonly faults: FaultPlan;
  readonly latencyMs: number;
}

/**
 * The fake's request pipeline, the same for HTTP/2 and HTTP/1.1: record the request; wait
 * `latencyMs`; inject a fault if the plan says so (429/500/503 or a reset, before anything is
 * processed); check the bearer token; answer a POST whose idempotency key was already answered
 * with that first answer; otherwise run the call against the store and remember the answer
 * under the key; for `drop-after-commit`, cut the connection instead of answering.
 *
 * @example
 * ```ts
 * const handler = new FakeRequestHandler({ apiKey, store, validator, faults, latencyMs: 0 });
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

  /** Handles one request and says how to reply. */
  async handle(request: WireRequest): Promise<WireReply> {
    const url = new URL(request.url, 'http://fake.invalid');
    const body = parseBody(request.body);
    const idempotencyKey = request.method === 'POST' ? request.headers[IDEMPOTENCY_HEADER] : undefined;
    const auth = this.#authOf(request.headers.authorization);
    const record: Mutable<RecordedRequest> = {
      seq: this.#requests.length + 1,
      method: request.method,
      path: url.pathname,
      query: Object.freeze(Object.fromEntries(url.searchParams)),
      body: deepFreeze(body.value),
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
      if (body.error !== undefined) throw new ApiFailure(400, `request body is not valid JSON: ${body.error}`);
      const query = Object.fromEntries(url.searchParams);
      return routeScenarioCall({ method: request.method, path: url.pathname, query, body: body.value }, this.#options.store, this.#options.validator);
    } catch (error) {
      if (error instanceof ApiFailure) return { status: error.status, body: error.toBody() };
      throw error;
    }
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
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { value: text, error: (error as Error).message };
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): WireReply {
  return { kind: 'respond', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...headers };
  if (out.authorization !== undefined) out.authorization = /^Bearer\s/i.test(out.authorization) ? MASKED_AUTHORIZATION : '****';
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
