import http2 from 'node:http2';
import { connect, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDualProtocolServer, type ServerTimeouts } from '../../src/testing/dual-protocol-server.js';
import { FakeRequestHandler, MAX_BODY_DEPTH } from '../../src/testing/fake-request-handler.js';
import { FaultPlan } from '../../src/testing/fault-plan.js';
import { OpenApiValidator } from '../../src/testing/openapi-validator.js';
import type { FakeStores } from '../../src/testing/fake-stores.js';
import { minimalCreateBody, startFake } from './fake-helpers.js';

/** `{"a":{"a":…}}` nested `depth` levels deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

describe('credentials in the request log', () => {
  it('masks authorization, proxy-authorization, x-api-key and cookie', async () => {
    const fake = await startFake({ apiKey: 'sk-live-secret' });
    await fetch(`${fake.baseURL}/v1/scenarios`, {
      headers: { authorization: `Bearer ${fake.apiKey}`, 'proxy-authorization': 'Basic cHJveHk6c2VjcmV0', 'x-api-key': 'sk-live-secret', cookie: 'session=sk-live-secret' },
    });
    expect(fake.requests[0]?.headers).toMatchObject({ authorization: 'Bearer ****', 'proxy-authorization': '****', 'x-api-key': '****', cookie: '****' });
    expect(JSON.stringify(fake.requests)).not.toMatch(/sk-live-secret|cHJveHk6c2VjcmV0/);
  });
});

describe('deep bodies', () => {
  it('are answered 401 without a token, before the body is read, and recorded', async () => {
    const fake = await startFake();
    const response = await fetch(`${fake.baseURL}/v1/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nested(5_000) });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/\n\s+at /);
    expect(fake.requests).toEqual([expect.objectContaining({ method: 'POST', auth: 'missing', body: undefined, status: 401 })]);
  });

  it(`are answered 400 naming the limit (${MAX_BODY_DEPTH} levels) with a token, and recorded`, async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const deep = { ...minimalCreateBody, input_context: { problem_statement: 'p', additional_context: JSON.parse(nested(3_000)) as object } };
    await expect(client.scenarios.create(deep)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`request body nests deeper than ${MAX_BODY_DEPTH} levels of objects and arrays (the fake's limit)`),
    });
    expect(fake.requests).toEqual([expect.objectContaining({ auth: 'valid', status: 400 })]);
    expect(fake.scenarios).toEqual([]);
  });

  it('are served up to the limit', async () => {
    const fake = await startFake();
    const context = JSON.parse(nested(MAX_BODY_DEPTH - 2)) as object; // the body adds two levels around it
    const view = await fake.client().scenarios.create({ ...minimalCreateBody, input_context: { problem_statement: 'p', additional_context: context } });
    expect(view.input_context.additional_context).toEqual(context);
  });
});

describe('a body over 32 MiB', () => {
  it('is answered 413 naming the limit, recorded without its body, and creates nothing; one just under it is served', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const statement = (bytes: number) => ({ ...minimalCreateBody, input_context: { problem_statement: 'x'.repeat(bytes) } });
    await expect(client.scenarios.create(statement(32 * 1024 * 1024 + 1))).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining('request body too large for the fake (32 MiB at most)'),
    });
    expect(fake.requests).toEqual([expect.objectContaining({ status: 413, body: undefined })]);
    expect(fake.scenarios).toEqual([]);
    const fits = await client.scenarios.create(statement(32 * 1024 * 1024 - 1024));
    expect(fits.input_context.problem_statement).toHaveLength(32 * 1024 * 1024 - 1024);
  });
});

describe('a bug in the fake', () => {
  it('is answered 500 with its message and no stack trace, and recorded', async () => {
    const stores = { scenarios: { create: () => { throw new Error('boom'); } } } as unknown as FakeStores;
    const handler = new FakeRequestHandler({ apiKey: 'k', stores, validator: OpenApiValidator.shared(), faults: new FaultPlan(1, undefined), latencyMs: 0 });
    const reply = await handler.handle({
      method: 'POST',
      url: '/v1/scenarios',
      headers: { authorization: 'Bearer k' },
      body: Buffer.from(JSON.stringify(minimalCreateBody)),
      protocol: 'http/1.1',
      tooLarge: false,
    });
    expect(reply).toMatchObject({ kind: 'respond', status: 500, headers: { 'x-should-retry': 'false' } });
    expect(JSON.parse((reply as { body: string }).body)).toEqual({ message: 'scenariokit fake: internal error: boom' });
    expect(handler.requests).toEqual([expect.objectContaining({ status: 500 })]);
  });
});

describe('idle and half-sent connections', () => {
  const timeouts: ServerTimeouts = { firstBytesMs: 200, headersMs: 200, requestMs: 250, idleMs: 400 };

  async function server() {
    const started = await startDualProtocolServer(async () => ({ kind: 'respond', status: 200, headers: {}, body: 'ok' }), { timeouts });
    onTestFinished(() => started.close());
    return started;
  }

  /** Resolves with what the server sent once it closes the connection; rejects if it is still open after 5 s. */
  function closedBy(socket: Socket): Promise<string> {
    return new Promise((resolve, reject) => {
      let received = '';
      const timer = setTimeout(() => reject(new Error('the server kept the connection open')), 5_000);
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(received);
      });
    });
  }

  const open = async (port: number, first?: string) => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    if (first !== undefined) socket.write(first);
    return socket;
  };

  it('cuts connections that send nothing, or half of their headers (many at once)', async () => {
    const { port } = await server();
    const silent = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    const halfHeaders = await Promise.all(Array.from({ length: 20 }, () => open(port, 'GET /v1/scenarios HTTP/1.1\r\nHost: x\r\n')));
    await Promise.all(silent.map(closedBy));
    for (const sent of await Promise.all(halfHeaders.map(closedBy))) expect(sent === '' || sent.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('answers 408 to an HTTP/1.1 body that never completes', async () => {
    const { port } = await server();
    const socket = await open(port, 'POST /v1/scenarios HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"name":');
    expect(await closedBy(socket)).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an HTTP/1.1 keep-alive connection left idle', async () => {
    const { port } = await server();
    const socket = await open(port, 'GET /v1/scenarios HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await closedBy(socket)).toMatch(/^HTTP\/1\.1 200/);
  });

  it('ends an idle HTTP/2 session with GOAWAY, and answers 408 to a stream whose body never completes', async () => {
    const { host, port } = await server();
    const session = http2.connect(`http://${host}:${port}`);
    session.on('error', () => {});
    const stream = session.request({ ':method': 'POST', ':path': '/v1/scenarios', 'content-length': '100' });
    stream.write('{"name":');
    const status = await new Promise<unknown>((resolve) => stream.on('response', (headers) => resolve(headers[':status'])));
    expect(status).toBe(408);
    stream.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the session stayed open')), 5_000);
      session.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  });
});
