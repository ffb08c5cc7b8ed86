import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Http2Server, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { command, Scenario } from '../../src/index.js';
import { startFakeRunloop } from '../../src/testing/index.js';
import { cli, project } from './cli-helpers.js';

/** A fake with one stored scenario, and a project to pull it into. */
async function stored() {
  const fake = await startFakeRunloop();
  onTestFinished(() => fake.close());
  const view = await Scenario.define('pulled').problem('p').scorer(command('t')).create({ client: fake.client() });
  return { fake, view, dir: project({}) };
}

/** A Runloop stand-in (cleartext HTTP/2, as the SDK speaks it) that lists nothing and answers every other request with `body`. */
async function answering(body: unknown): Promise<{ env: Record<string, string>; paths: string[] }> {
  const paths: string[] = [];
  const server: Http2Server = createServer((request, response) => {
    paths.push(request.url);
    const listing = request.url.startsWith('/v1/scenarios?');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing ? { scenarios: [], has_more: false, total_count: 0 } : body));
  });
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => sessions.add(session));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    sessions.forEach((session) => session.destroy()); // the SDK keeps its session open
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { env: { RUNLOOP_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, RUNLOOP_API_KEY: 'rl_test' }, paths };
}

describe('scenariokit pull <id>', () => {
  it.each(['../../v1/scenarios', '', 'scn_x?limit=1', 'scn_x/archive', 'scn x', '%2e%2e'])('refuses %j, which is not a scenario id, before any request (exit code 2)', async (id) => {
    const { fake, dir } = await stored();
    const requests = fake.requests.length;
    const run = await cli(['pull', id, '--out', 'pulled.ts'], { cwd: dir, env: fake.env });
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `${JSON.stringify(id)} is not a scenario id: Runloop's ids are letters, digits, "_" and "-" (scn_…), as push prints them. Nothing was read.\n`,
    });
    expect(fake.requests).toHaveLength(requests);
    expect(existsSync(join(dir, 'pulled.ts'))).toBe(false);
  });

  it("writes nothing when Runloop's answer is not the scenario asked for (exit code 1)", async () => {
    const dir = project({});
    const listing = await answering({ scenarios: [{ id: 'scn_a', name: 'a' }], has_more: false, total_count: 1 });
    const run = await cli(['pull', 'scn_abc', '--out', 'pulled.ts'], { cwd: dir, env: listing.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "scenariokit: Runloop's answer for scenario scn_abc is not that scenario (id must be a string; name must be a string; input_context must be an object; scoring_contract must be an object). Nothing was written.\n",
    );
    expect(listing.paths.at(-1)).toBe('/v1/scenarios/scn_abc');
    expect(existsSync(join(dir, 'pulled.ts'))).toBe(false);

    const other = await answering({ id: 'scn_other', name: 'other', input_context: { problem_statement: 'p' }, scoring_contract: { scoring_function_parameters: [] } });
    const printed = await cli(['pull', 'scn_abc'], { cwd: dir, env: other.env });
    expect(printed).toMatchObject({ code: 1, stdout: '' });
    expect(printed.stderr).toContain('(its id is "scn_other", not the one asked for)');
  });

  it('replaces a file with --force in one step: a reader sees the old file or the new one, never a half-written one', async () => {
    const { fake, view, dir } = await stored();
    const file = join(dir, 'pulled.ts');
    writeFileSync(file, '// my edits\n');
    const before = statSync(file).ino;
    const run = await cli(['pull', view.id, '--out', 'pulled.ts', '--force'], { cwd: dir, env: fake.env });
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote pulled.ts.\n' });
    expect(readFileSync(file, 'utf8')).toContain("Scenario.define('pulled')");
    // a new file renamed over the old one, not the old one truncated and rewritten in place
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(dir).filter((name) => name.startsWith('.scenariokit-'))).toEqual([]);
  });
});
