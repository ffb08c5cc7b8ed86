// The vitest example of docs/testing-without-network.md, with the repository's import paths.
import { BadRequestError } from '@runloop/api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { command, Scenario } from '../../src/index.js';
import { startFakeRunloop, type FakeRunloop } from '../../src/testing/index.js';

const nullCheck = Scenario.define('fix-null-check')
  .env({ blueprintId: 'bpt_123', workingDirectory: '/home/user/repo' })
  .problem('parse() crashes on null input')
  .scorer(command('npm test', { name: 'tests' }));

describe('our scenarios', () => {
  let fake: FakeRunloop;
  beforeAll(async () => {
    fake = await startFakeRunloop();
  });
  beforeEach(() => fake.reset()); // each test starts with no scenarios and no requests
  afterAll(() => fake.close());

  it('creates the scenario Runloop will store', async () => {
    const view = await nullCheck.create({ client: fake.client() });

    expect(view.id).toMatch(/^scn_/);
    expect(view.environment).toEqual({ blueprint_id: 'bpt_123', working_directory: '/home/user/repo' });
    expect(fake.scenarios).toEqual([view]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/scenarios']);
  });

  it('updates it in place, keeping what the update leaves out', async () => {
    const client = fake.client();
    const { id } = await nullCheck.metadata({ team: 'evals' }).create({ client });
    const updated = await Scenario.define().scorerTimeout(900).push(id, { client });

    expect(updated).toMatchObject({ name: 'fix-null-check', metadata: { team: 'evals' }, scorer_timeout_sec: 900 });
  });

  it('rejects what the API would reject, naming the field', async () => {
    const body = { ...nullCheck.buildCreate(), environment_parameters: { launch_parameters: { resource_size_request: 'HUGE' } } };
    const error = await fake.client().scenarios.create(body as never).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain('environment_parameters.launch_parameters.resource_size_request: must be one of X_SMALL');
  });

  it('lands exactly once when the response to a create is lost', async () => {
    fake.injectFault('drop-after-commit'); // the write happens, the client never hears of it
    await nullCheck.create({ client: fake.client() }); // the SDK retries with the same idempotency key

    expect(fake.scenarios).toHaveLength(1);
    expect(fake.requests.map((r) => [r.fault, r.replayed])).toEqual([
      ['drop-after-commit', false],
      [undefined, true], // the retry got the first answer again
    ]);
  });
});

describe('docs/testing-without-network.md', () => {
  it('shows this very example', async () => {
    const { readFile } = await import('node:fs/promises');
    const body = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('import ') && !line.startsWith('// '))
        .join('\n')
        .trim();
    const guide = await readFile(new URL('../../docs/testing-without-network.md', import.meta.url), 'utf8');
    const example = /## A complete vitest example\n\n```ts\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const self = (await readFile(new URL(import.meta.url), 'utf8')).split("\ndescribe('docs/testing-without-network.md'")[0]!;
    expect(example).toContain('fake.injectFault(');
    expect(body(example)).toBe(body(self));
  });
});
