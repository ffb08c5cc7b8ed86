import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Runloop, RunloopSDK } from '@runloop/api-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { astGrep, Scenario, ScenarioValidationError, testBased } from '../src/index.js';
import { startFakeRunloop } from '../src/testing/index.js';

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const API_KEY = 'rl_test_secret_key_123';
const received: Received[] = [];
let reply: (request: Received) => { status: number; body: unknown } = (request) => ({
  status: 200,
  body: { id: request.url?.split('/')[3] ?? 'scn_new', status: 'active', ...(request.body as object) },
});
let server: Server;
let baseURL: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const request: Received = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      received.push(request);
      const { status, body } = reply(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  received.length = 0;
  vi.unstubAllEnvs();
});

// SDK 1.32 speaks HTTP/2 by default; node:http answers HTTP/1.1 only.
const client = () => new Runloop({ baseURL, bearerToken: API_KEY, http2: false, maxRetries: 0 });

const scenario = Scenario.define('fix-null-check')
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .problem('parse() crashes on null input')
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src' }), 2)
  .scorer(testBased({ command: 'npm test', files: { 'test/null.test.ts': 'it()' } }), 1);

describe('.push(id)', () => {
  it('sends the built payload to POST /v1/scenarios/{id} with the bearer token', async () => {
    const view = await scenario.push('scn_123', { client: client() });
    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/v1/scenarios/scn_123',
        authorization: `Bearer ${API_KEY}`,
        body: scenario.build(),
      }),
    ]);
    expect(view).toMatchObject({ id: 'scn_123', name: 'fix-null-check' });
  });

  it('accepts a RunloopSDK as the client', async () => {
    await scenario.push('scn_9', { client: new RunloopSDK({ baseURL, bearerToken: API_KEY, http2: false, maxRetries: 0 }) });
    expect(received.map((r) => r.url)).toEqual(['/v1/scenarios/scn_9']);
  });

  it('passes request options to the SDK', async () => {
    await scenario.push('scn_1', { client: client(), requestOptions: { headers: { 'x-trace': 'abc' }, idempotencyKey: 'key-1' } });
    expect(received[0]?.headers).toMatchObject({ 'x-trace': 'abc', 'x-request-id': 'key-1' });
  });

  it('sends nothing when the scenario is invalid, and reports every problem with the id', async () => {
    const failure = scenario.scorerTimeout(0).push(' ', { client: client() });
    await expect(failure).rejects.toBeInstanceOf(ScenarioValidationError);
    await expect(failure).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['id'] }), expect.objectContaining({ path: ['scorer_timeout_sec'] })],
    });
    expect(received).toEqual([]);
  });

  it('refuses an id that would reach another endpoint (a path, a query), before anything is sent', async () => {
    for (const id of ['../v1/scenarios', 'scn_1?limit=1', 'scn_1/archive', '']) {
      await expect(scenario.push(id, { client: client() })).rejects.toMatchObject({
        issues: [expect.objectContaining({ code: 'invalid-id', path: ['id'], inputPath: 'push(id)', message: `must be the id of an existing scenario (letters, digits, "_" and "-"; got ${JSON.stringify(id)})` })],
      });
    }
    expect(received).toEqual([]);
  });

  it('sends a partial update: only the fields that were set', async () => {
    await Scenario.define().metadata({ owner: 'evals' }).clear('referenceOutput').push('scn_2', { client: client() });
    expect(received[0]?.body).toEqual({ metadata: { owner: 'evals' }, reference_output: '' });
  });

  it('surfaces API errors from the SDK without the API key in them', async () => {
    reply = () => ({ status: 400, body: { message: 'bad request' } });
    const error: unknown = await scenario.push('scn_3', { client: client() }).catch((e: unknown) => e);
    reply = (request) => ({ status: 200, body: { id: 'scn_3', ...(request.body as object) } });
    expect(error).toBeInstanceOf(Runloop.BadRequestError);
    expect(String(error)).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});

describe('.create()', () => {
  it('sends the create payload to POST /v1/scenarios', async () => {
    reply = (request) => ({ status: 200, body: { id: 'scn_new', status: 'active', ...(request.body as object) } });
    const view = await scenario.create({ client: client() });
    expect(received).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v1/scenarios', authorization: `Bearer ${API_KEY}`, body: scenario.buildCreate() }),
    ]);
    expect(view.id).toBe('scn_new');
  });

  it('sends nothing when a required field is missing at runtime', async () => {
    const unnamed = Scenario.define().problem('p').scorer(astGrep('x')) as unknown as typeof scenario;
    await expect(unnamed.create({ client: client() })).rejects.toThrow(/needs a name to be created/);
    expect(received).toEqual([]);
  });
});

describe('the default client', () => {
  it('is made from RUNLOOP_API_KEY and RUNLOOP_BASE_URL, on the SDK default transport', async () => {
    const fake = await startFakeRunloop();
    try {
      vi.stubEnv('RUNLOOP_API_KEY', fake.env.RUNLOOP_API_KEY);
      vi.stubEnv('RUNLOOP_BASE_URL', fake.env.RUNLOOP_BASE_URL);
      const view = await scenario.create();
      expect(fake.requests).toEqual([
        expect.objectContaining({ method: 'POST', path: '/v1/scenarios', auth: 'valid', protocol: 'http/2', body: scenario.buildCreate() }),
      ]);
      expect(fake.scenarios).toEqual([view]);
    } finally {
      await fake.close();
    }
  });

  it('is refused with a clear message when RUNLOOP_API_KEY is not set', async () => {
    vi.stubEnv('RUNLOOP_API_KEY', '');
    await expect(scenario.push('scn_5')).rejects.toThrow(/pass \{ client \}.*or set RUNLOOP_API_KEY/);
    expect(received).toEqual([]);
  });
});
