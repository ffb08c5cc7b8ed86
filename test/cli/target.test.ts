import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkReachable } from '../../src/cli/check-reachable.js';
import { startDualProtocolServer, type WireReply, type WireRequest } from '../../src/testing/dual-protocol-server.js';
import { startFakeRunloop } from '../../src/testing/index.js';
import { cli, project, scenarios } from './cli-helpers.js';

const KEY = 'rl_live_SECRET_do_not_print_9f8e7d';

/** A port on 127.0.0.1 where nothing listens: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A server on 127.0.0.1 that lists no scenarios and answers every other call with an error
 * echoing the request's credentials, as a careless proxy or API might.
 */
async function echoingServer() {
  const echo = (request: WireRequest) =>
    JSON.stringify({
      message: `rejected request with Authorization: ${request.headers.authorization}; key=${request.headers.authorization?.slice(7)}`,
      headers: request.headers,
    });
  const server = await startDualProtocolServer(async (request): Promise<WireReply> => {
    if (request.method === 'GET' && request.url.startsWith('/v1/scenarios?')) {
      return { kind: 'respond', status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarios: [], has_more: false, total_count: 0 }) };
    }
    return { kind: 'respond', status: 400, headers: { 'content-type': 'application/json', 'x-should-retry': 'false' }, body: echo(request) };
  });
  onTestFinished(() => server.close());
  return `http://${server.host}:${server.port}`;
}

describe('the API key never appears in what the command writes', () => {
  it('is redacted from progress lines, push --json, the summary and errors, even when the server echoes it', async () => {
    const env = { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: await echoingServer() };
    const dir = project(scenarios);

    const push = await cli(['push', 'scenarios'], { cwd: dir, env });
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/\[1\/4\] \S+ failed: 400 .*Bearer \*\*\*\*/); // the echo arrived, redacted
    expect(push.stdout).toContain('✗ fix-null: 400');
    const json = await cli(['push', 'scenarios', '--json'], { cwd: dir, env });
    const { results } = JSON.parse(json.stdout) as { results: { error?: string }[] };
    expect(results.map((result) => result.error)).toEqual(Array(4).fill(expect.stringContaining('Authorization: Bearer ****; key=****')));
    const pull = await cli(['pull', 'scn_1'], { cwd: dir, env });
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain('Bearer ****');

    for (const run of [push, json, pull]) expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(push.stdout + push.stderr + json.stdout).not.toMatch(/Bearer (?!\*\*\*\*)/);
  });

  it('leaves data alone: build prints a scorer that names a token variable exactly, as valid JSON', async () => {
    const curl = 'curl -fsS -H "Authorization: Bearer $API_TOKEN" http://svc/health';
    const dir = project({ 'auth.ts': `export const auth = Scenario.define('auth').problem('p').scorer(command(${JSON.stringify(curl)}));` });
    const run = await cli(['build', 'scenarios'], { cwd: dir, env: { RUNLOOP_API_KEY: KEY } });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { scoring_contract: { scoring_function_parameters: { scorer: { command: string } }[] } }[])[0]!.scoring_contract.scoring_function_parameters[0]!.scorer.command).toBe(curl);
  });
});

describe('an unreachable RUNLOOP_BASE_URL', () => {
  it('fails within seconds, naming the URL and the variable, exit code 1', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const run = await cli(['push', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: url } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`scenariokit: cannot reach Runloop at ${url}/ (from RUNLOOP_BASE_URL): the connection was refused (nothing listens there).`);
  }, 15_000);

  it('names a host that does not resolve (resolution answered locally)', async () => {
    const lookup = ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) =>
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))) as never;
    await expect(checkReachable(new URL('https://runloop.invalid/api'), 'from RUNLOOP_BASE_URL', { lookup })).rejects.toThrow(
      'cannot reach Runloop at https://runloop.invalid/api (from RUNLOOP_BASE_URL): its host name does not resolve.',
    );
  });

  it('gives up on a host that does not answer after its timeout, naming it (a lookup that never answers stands in for it)', async () => {
    const lookup = (() => undefined) as never;
    await expect(checkReachable(new URL('https://slow.invalid'), 'from RUNLOOP_BASE_URL', { lookup, timeoutMs: 50 })).rejects.toThrow(
      /^cannot reach Runloop at https:\/\/slow\.invalid\/ \(from RUNLOOP_BASE_URL\): /,
    );
  });

  it('never prints a password the URL carries', async () => {
    const url = `http://user:supersecretpw@127.0.0.1:${await closedPort()}`;
    const run = await cli(['push', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot reach Runloop at ${url.replace('user:supersecretpw@', '')}/ (from RUNLOOP_BASE_URL)`);
    expect(run.stderr).not.toContain('supersecretpw');
  }, 15_000);

  it('takes a blank RUNLOOP_API_KEY as none: the embedded target, announced', async () => {
    const run = await cli(['plan', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: '  ' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No RUNLOOP_API_KEY set: using the embedded local target');
  });

  it('fails at once, naming the URL, when it accepts connections but does not speak the API (https:// to a cleartext server)', async () => {
    const fake = await startFakeRunloop();
    onTestFinished(() => fake.close());
    const url = fake.baseURL.replace('http://', 'https://');
    const started = Date.now();
    const run = await cli(['plan', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: fake.apiKey, RUNLOOP_BASE_URL: url } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`scenariokit: cannot talk to Runloop at ${url}/ (from RUNLOOP_BASE_URL): `);
    expect(run.stderr).toContain('Check the URL (https:// or http://, host and port)');
    expect(fake.requests).toEqual([]); // the TLS handshake never became a request
  }, 15_000);

  it('says that the key was refused (exit code 2), without printing it', async () => {
    const fake = await startFakeRunloop();
    onTestFinished(() => fake.close());
    const run = await cli(['push', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: fake.baseURL } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Runloop at ${fake.baseURL}/ (from RUNLOOP_BASE_URL) refused RUNLOOP_API_KEY (401): check that the key is current`);
    expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.auth}`)).toEqual(['GET /v1/scenarios invalid']); // one look, nothing written
  });

  it('refuses a RUNLOOP_BASE_URL that is not an http(s) URL, exit code 2', async () => {
    const run = await cli(['plan', 'scenarios'], { cwd: project(scenarios), env: { RUNLOOP_API_KEY: KEY, RUNLOOP_BASE_URL: 'api.runloop.ai' } });
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('RUNLOOP_BASE_URL is not an http(s) URL: "api.runloop.ai"') });
  });
});

describe('in CI', () => {
  it('refuses push, plan and pull without RUNLOOP_API_KEY (exit code 2), unless --local', async () => {
    const dir = project(scenarios);
    for (const args of [['push', 'scenarios'], ['plan', 'scenarios'], ['pull', 'scn_1']]) {
      const run = await cli(args, { cwd: dir, env: { CI: 'true' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('CI is set but RUNLOOP_API_KEY is not: refusing to fall back to the embedded local target');
      expect(run.stderr).toContain('pass --local to use the embedded local target on purpose');
    }
    const local = await cli(['push', 'scenarios', '--local'], { cwd: dir, env: { CI: 'true' } });
    expect(local).toMatchObject({ code: 0, stdout: '4 were created, 0 were updated, 0 unchanged, 0 failed.\n' });
  });

  it('is not CI when CI is empty, 0 or false: the embedded target is the default there', async () => {
    const dir = project(scenarios);
    for (const CI of ['', '0', 'false']) expect((await cli(['plan', 'scenarios'], { cwd: dir, env: { CI } })).code).toBe(0);
  });

  it('--local uses the embedded target even when RUNLOOP_API_KEY is set, and says so', async () => {
    const fake = await startFakeRunloop();
    onTestFinished(() => fake.close());
    const run = await cli(['push', 'scenarios', '--local'], { cwd: project(scenarios), env: { ...fake.env, CI: 'true' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--local: using the embedded local target (.scenariokit/runloop.json); RUNLOOP_API_KEY is not used.');
    expect(fake.requests).toEqual([]);
  });
});
