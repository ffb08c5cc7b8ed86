import { execFile, execFileSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MASKED_AUTHORIZATION } from '../../src/testing/index.js';
import { minimalCreateBody, nullCheck, startFake } from './fake-helpers.js';

describe('the core DSL through the real SDK', () => {
  it('creates and pushes over the default transport (HTTP/2 cleartext)', async () => {
    const fake = await startFake();
    const created = await nullCheck.create({ client: fake.client() });
    const pushed = await nullCheck.problem('parse() crashes on undefined input').push(created.id, { client: fake.client() });

    expect(created).toEqual({
      id: expect.stringMatching(/^scn_[0-9A-Za-z]{21}$/),
      name: 'fix-null-check',
      input_context: { problem_statement: 'parse() crashes on null input', additional_context: { issue: 42 } },
      scoring_contract: { scoring_function_parameters: [{ name: 'tests', weight: 1, scorer: { type: 'command_scorer', command: 'npm test' } }] },
      environment: { blueprint_id: 'bpt_123', working_directory: '/home/user/repo' },
      metadata: {},
      status: 'active',
    });
    expect(pushed.input_context.problem_statement).toBe('parse() crashes on undefined input');
    expect(fake.scenarios).toEqual([pushed]);
    expect(fake.requests.map(({ method, path, protocol, status }) => ({ method, path, protocol, status }))).toEqual([
      { method: 'POST', path: '/v1/scenarios', protocol: 'http/2', status: 200 },
      { method: 'POST', path: `/v1/scenarios/${created.id}`, protocol: 'http/2', status: 200 },
    ]);
    expect(fake.requests[0]?.body).toEqual(nullCheck.buildCreate());
    expect(fake.requests[1]?.body).toEqual(nullCheck.problem('parse() crashes on undefined input').build());
  });

  it('creates and pushes over HTTP/1.1 (http2: false)', async () => {
    const fake = await startFake();
    const client = fake.client({ http2: false });
    const created = await nullCheck.create({ client });
    await nullCheck.metadata({ team: 'evals' }).push(created.id, { client });

    expect(fake.requests.map((r) => r.protocol)).toEqual(['http/1.1', 'http/1.1']);
    expect(fake.scenarios[0]?.metadata).toEqual({ team: 'evals' });
  });

  it('records method, path, query, body and the idempotency key, and never the bearer token', async () => {
    const fake = await startFake({ apiKey: 'sk-very-secret-key' });
    const client = fake.client();
    const view = await client.scenarios.create(minimalCreateBody, { idempotencyKey: 'create-once' });
    await client.scenarios.retrieve(view.id);
    await client.scenarios.list({ name: 'minimal', limit: 5 });

    const [create, retrieve, list] = fake.requests;
    expect(create).toMatchObject({ seq: 1, method: 'POST', path: '/v1/scenarios', body: minimalCreateBody, idempotencyKey: 'create-once', auth: 'valid' });
    expect(retrieve).toMatchObject({ seq: 2, method: 'GET', path: `/v1/scenarios/${view.id}`, body: undefined, idempotencyKey: undefined });
    expect(list).toMatchObject({ seq: 3, method: 'GET', path: '/v1/scenarios', query: { name: 'minimal', limit: '5' } });
    expect(create?.headers.authorization).toBe(MASKED_AUTHORIZATION);
    expect(JSON.stringify(fake.requests)).not.toContain('sk-very-secret-key');
    expect(Object.isFrozen(create) && Object.isFrozen(create?.body)).toBe(true);
  });

  it('serves plain HTTP/1.1 clients such as fetch, on 127.0.0.1', async () => {
    const fake = await startFake();
    expect(new URL(fake.baseURL).hostname).toBe('127.0.0.1');
    const headers = { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' };
    const created = await fetch(`${fake.baseURL}/v1/scenarios`, { method: 'POST', headers, body: JSON.stringify(minimalCreateBody) });
    const view = (await created.json()) as { id: string; name: string };
    const listed = await fetch(`${fake.baseURL}/v1/scenarios?search=minim`, { headers });

    expect(created.status).toBe(200);
    expect(view.name).toBe('minimal');
    expect(await listed.json()).toEqual({ scenarios: [fake.scenarios[0]], has_more: false, total_count: 1 });
    expect(fake.requests.map((r) => [r.protocol, r.method, r.idempotencyKey])).toEqual([
      ['http/1.1', 'POST', undefined],
      ['http/1.1', 'GET', undefined],
    ]);
  });

  it.skipIf(!hasCurl())('answers curl over HTTP/1.1, HTTP/1.1 with an h2c upgrade offer, and HTTP/2 prior knowledge', async () => {
    const fake = await startFake();
    const curl = async (flag: string) => {
      const args = ['-s', '-m', '5', '-o', '/dev/null', '-w', '%{http_version} %{http_code}', flag, '-H', `Authorization: Bearer ${fake.apiKey}`, `${fake.baseURL}/v1/scenarios`];
      return (await promisify(execFile)('curl', args)).stdout;
    };

    expect([await curl('--http1.1'), await curl('--http2'), await curl('--http2-prior-knowledge')]).toEqual(['1.1 200', '1.1 200', '2 200']);
    expect(fake.requests.map((r) => r.protocol)).toEqual(['http/1.1', 'http/1.1', 'http/2']);
  });

  it('tells HTTP/1.1 from HTTP/2 even when the first bytes arrive one by one', async () => {
    const fake = await startFake();
    const { port } = new URL(fake.baseURL);
    const socket = connect(Number(port), '127.0.0.1');
    const response = readAll(socket);
    // "P" could start the HTTP/2 preface ("PRI * HTTP/2.0"); "PO" cannot.
    for (const piece of ['P', 'O', `ST /v1/scenarios/scn_x/archive HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${fake.apiKey}\r\nConnection: close\r\n\r\n`]) {
      socket.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await response).toMatch(/^HTTP\/1\.1 404 [\s\S]*"scenario scn_x not found"/);
  });

  it('stops listening on close, and close() can be called twice', async () => {
    const fake = await startFake();
    const client = fake.client({ http2: false, maxRetries: 0 });
    await client.scenarios.create(minimalCreateBody);
    await fake.close();
    await fake.close();
    // (Over HTTP/2, SDK 1.32's pool queues a request while it has no session and never fails
    // it, timeout included: close a fake only once its clients are done.)
    await expect(client.scenarios.list()).rejects.toThrow(/Connection error/);
  });
});

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('fake.env', () => {
  it('lets code that makes its own client from the environment reach the fake', async () => {
    const fake = await startFake();
    vi.stubEnv('RUNLOOP_BASE_URL', fake.env.RUNLOOP_BASE_URL);
    vi.stubEnv('RUNLOOP_API_KEY', fake.env.RUNLOOP_API_KEY);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const view = await nullCheck.create();

    expect(fake.scenarios).toEqual([view]);
    expect(fake.requests[0]?.auth).toBe('valid');
  });
});
