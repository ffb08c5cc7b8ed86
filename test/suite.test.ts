import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { afterEach, describe, expect, it } from 'vitest';
import { astGrep, command, custom, defineSuite, isSuite, Scenario, SuiteValidationError, testBased, type ScenarioBuilder, type SuitePushProgress } from '../src/index.js';
import { startFakeRunloop, type FakeRunloop } from '../src/testing/index.js';

const bugs = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, title: `Bug ${i + 1}: parse() crashes on input ${i + 1}` }));

const template = Scenario.define()
  .env({ blueprintId: 'bpt_parser', workingDirectory: '/home/user/repo' })
  .scorer(testBased({ command: 'npm test', files: { 'test/bug.test.ts': 'it()' } }), 3)
  .scorer(astGrep('if ($X == null) { $$$ }'), 1);

const suiteOf = (rows = bugs) =>
  defineSuite(
    'parser-bugs',
    template.each(rows, (scenario, bug) => scenario.name(`bug-${bug.id}`).problem(bug.title).metadata({ bug: String(bug.id) })),
  );

const fakes: FakeRunloop[] = [];
async function startFake(options?: Parameters<typeof startFakeRunloop>[0]) {
  const fake = await startFakeRunloop(options);
  fakes.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

const writes = (fake: FakeRunloop) => fake.requests.filter((request) => request.method === 'POST' && request.fault === undefined);
const reads = (fake: FakeRunloop) => fake.requests.filter((request) => request.method === 'GET');

/** The stored view as the payload that would reproduce it. */
const asPayload = ({ id: _id, status: _status, environment, ...rest }: ScenarioView) => ({ ...rest, environment_parameters: environment });

describe('defineSuite', () => {
  it('takes builders, arrays, nested arrays, suites and generators, in order', () => {
    const one = Scenario.define('one').problem('p').scorer(command('t'));
    const suite = defineSuite('mixed', [
      one,
      [one.name('two'), [one.name('three')]],
      defineSuite('inner', one.name('four')),
      function* () {
        yield one.name('five');
      },
    ]);
    expect(isSuite(suite)).toBe(true);
    expect(suite.scenarios().map((s) => s.name)).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('makes one scenario per data row with builder.each', () => {
    const scenarios = suiteOf().scenarios();
    expect(scenarios).toHaveLength(12);
    expect(scenarios[4]?.payload).toMatchObject({ name: 'bug-5', input_context: { problem_statement: bugs[4]!.title }, metadata: { bug: '5' } });
  });

  it('reports every invalid scenario and every repeated name at once, before any request', async () => {
    const fake = await startFake();
    // builders whose steps are not done are a type error too; untyped code can still pass them
    const suite = defineSuite('broken', [
      template.name('ok').problem('p'),
      template.name('no-problem'),
      template.name('ok').problem('again'),
      template.problem('unnamed'),
    ] as ScenarioBuilder<any>[] as ScenarioBuilder[]);
    const failure = suite.push({ client: fake.client() });
    await expect(failure).rejects.toBeInstanceOf(SuiteValidationError);
    const error = (await failure.catch((e: unknown) => e)) as SuiteValidationError;
    expect(error.scenarios.map((s) => [s.index, s.name, s.issues.map((issue) => issue.path.join('.'))])).toEqual([
      [1, 'no-problem', ['input_context']],
      [2, 'ok', ['name']],
      [3, undefined, ['name']],
    ]);
    expect(error.message).toContain('3 scenarios are invalid; fix them before anything is sent');
    expect(error.scenarios[1]?.issues[0]?.message).toBe('scenario #1 has the same name; names identify scenarios in a suite');
    expect(fake.requests).toEqual([]);
  });

  it('rejects what is not a scenario', () => {
    expect(() => defineSuite('bad', [42 as never])).toThrow(/takes scenario builders/);
  });

  it('refuses a forgotten or blank name, naming it', () => {
    const builder = template.name('ok').problem('p');
    expect(() => defineSuite([builder] as never, undefined as never)).toThrow(
      new TypeError('defineSuite takes a name first, which must not be blank: defineSuite(name, scenarios); got an array'),
    );
    expect(() => defineSuite('', [builder])).toThrow(
      new TypeError('defineSuite takes a name first, which must not be blank: defineSuite(name, scenarios); got the string ""'),
    );
    expect(() => defineSuite(' ', [builder])).toThrow(
      new TypeError('defineSuite takes a name first, which must not be blank: defineSuite(name, scenarios); got the string " "'),
    );
  });

  it("hands each scenario's warnings over, and fails on them only when strict", () => {
    const warned = template.name('warned').problem('p').scorer(command('npm run lint', { name: 'lint' })).scorer(command('npx eslint .', { name: 'lint' }));
    const clean = template.name('clean').problem('p');
    const [first, second] = defineSuite('lenient', [warned, clean]).scenarios();
    expect(first?.warnings.map((w) => [w.code, w.inputPath])).toEqual([['duplicate-scorer-name', 'scorer[3].name']]);
    expect(second?.warnings).toEqual([]);
    const strict = defineSuite('strict', [warned, clean], { strict: true });
    expect(strict.strict).toBe(true);
    expect(() => strict.scenarios()).toThrow(SuiteValidationError);
    const error = (() => {
      try {
        strict.scenarios();
      } catch (caught) {
        return caught as SuiteValidationError;
      }
    })();
    expect(error?.scenarios.map((s) => [s.name, s.issues.map((issue) => [issue.severity, issue.code])])).toEqual([['warned', [['warning', 'duplicate-scorer-name']]]]);
  });

  it('fails a strict builder on its warnings even in a lenient suite', () => {
    const warned = template.name('warned').problem('').strict();
    expect(() => defineSuite('lenient', [warned]).scenarios()).toThrow(/warning problem\.statement: must not be blank/);
  });
});

describe('suite.plan', () => {
  it('plans creates for an empty account, then nothing after a push, then only what changed', async () => {
    const fake = await startFake();
    const client = fake.client();
    const first = await suiteOf().plan({ client });
    expect(first.items.map((item) => item.action)).toEqual(Array(12).fill('create'));
    expect(first.items[0]?.diff).toMatch(/^\+ bug-1 \(new\)\n/);
    expect(first.items[0]?.diff).toContain('  name:\n    + "bug-1"\n');

    await suiteOf().push({ client });
    const second = await suiteOf().plan({ client });
    expect(second.items.every((item) => item.action === 'unchanged' && item.id?.startsWith('scn_'))).toBe(true);

    const edited = bugs.map((bug) => (bug.id === 3 ? { ...bug, title: 'Bug 3, reworded' } : bug));
    const third = await suiteOf(edited).plan({ client });
    const update = third.items.filter((item) => item.action !== 'unchanged');
    expect(update).toEqual([
      expect.objectContaining({
        name: 'bug-3',
        action: 'update',
        changes: { input_context: { before: { problem_statement: bugs[2]!.title }, after: { problem_statement: 'Bug 3, reworded' } } },
      }),
    ]);
    expect(update[0]?.diff).toContain('-   "problem_statement": "Bug 3: parse() crashes on input 3"');
    expect(update[0]?.diff).toContain('+   "problem_statement": "Bug 3, reworded"');
  });

  it('sees every change to a number; only weights may differ by float rounding', async () => {
    const fake = await startFake();
    const client = fake.client();
    const scenario = (uid: number, issue: number, weight: number) =>
      defineSuite('numbers', [
        template
          .name('numbers')
          .problem('p', { context: { issue } })
          .env({ launch: { user: { username: 'dev', uid } } })
          .replaceScorer('ast-grep', astGrep('if ($X == null) { $$$ }'), weight),
      ]);
    await scenario(1_000_000, 1_500_000, 1).push({ client });
    const plan = async (uid: number, issue: number, weight: number) => (await scenario(uid, issue, weight).plan({ client })).items[0];
    expect((await plan(1_000_000, 1_500_000, 1 + 1e-9))?.action).toBe('unchanged');
    expect(Object.keys((await plan(1_000_001, 1_500_000, 1))?.changes ?? {})).toEqual(['environment_parameters']);
    expect(Object.keys((await plan(1_000_000, 1_500_001, 1))?.changes ?? {})).toEqual(['input_context']);
    expect(Object.keys((await plan(1_000_000, 1_500_000, 2))?.changes ?? {})).toEqual(['scoring_contract']);
  });

  it('keeps nulls inside JSON data when it compares: a stored context with a null is unchanged', async () => {
    const fake = await startFake();
    const client = fake.client();
    const withNull = defineSuite('nulls', [template.name('nulls').problem('p', { context: { assignee: null, labels: [null] } }).scorer(custom('t', { params: { x: null } }))]);
    await withNull.push({ client });
    expect((await withNull.plan({ client })).items[0]?.action).toBe('unchanged');
  });

  it('compares only the fields the suite sends: an update keeps the others', async () => {
    const fake = await startFake();
    const client = fake.client();
    await suiteOf().push({ client });
    await client.scenarios.update(fake.scenarios[0]!.id, { reference_output: 'set elsewhere' });
    const plan = await suiteOf().plan({ client });
    expect(plan.items.every((item) => item.action === 'unchanged')).toBe(true);
  });

  it('reads the account with one listing when that costs fewer requests than a look-up per name', async () => {
    const fake = await startFake();
    await suiteOf().plan({ client: fake.client() });
    expect(reads(fake).map((request) => request.query)).toEqual([{ limit: '5000' }]);
  });

  it('looks a single scenario up by name', async () => {
    const fake = await startFake();
    await suiteOf(bugs.slice(0, 1)).plan({ client: fake.client() });
    expect(reads(fake).map((request) => request.query)).toEqual([{ name: 'bug-1', limit: '5000' }]);
  });

  /** A fake whose account holds 17,001 other scenarios (and `extra` ones), as if Runloop had them. */
  async function crowdedFake(extra: (index: number) => string | undefined = () => undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'scenariokit-'));
    const store = join(dir, 'runloop.json');
    const scenarios = Array.from({ length: 17_001 }, (_, i) => ({
      id: `scn_${String(i).padStart(21, '0')}`,
      name: extra(i) ?? `other-${i}`,
      input_context: { problem_statement: 'p' },
      scoring_contract: { scoring_function_parameters: [] },
      metadata: {},
      status: 'active',
    }));
    writeFileSync(store, JSON.stringify({ format: 'scenariokit-fake-runloop', version: 1, scenarios }));
    return startFake({ persistTo: store });
  }

  it('switches to look-ups by name when the pages left cost more', async () => {
    // after the first page of 5,000, two names cost two look-ups, the rest of the account three pages
    const fake = await crowdedFake();
    const plan = await suiteOf(bugs.slice(0, 2)).plan({ client: fake.client() });
    expect(plan.items.map((item) => item.action)).toEqual(['create', 'create']);
    const [listing, ...lookUps] = reads(fake).map((request) => request.query);
    expect(listing).toEqual({ limit: '5000' });
    // the look-ups run concurrently, so they may arrive in either order
    expect(lookUps).toHaveLength(2);
    expect(lookUps).toEqual(expect.arrayContaining([{ name: 'bug-1', limit: '5000' }, { name: 'bug-2', limit: '5000' }]));
  });

  it('still sees a name carried twice when one copy is on the first page and the other beyond it', async () => {
    // listings are newest first: the last scenario stored is on the first page, the first one on the last
    const fake = await crowdedFake((i) => (i === 0 || i === 17_000 ? 'bug-1' : undefined));
    const plan = await suiteOf(bugs.slice(0, 2)).plan({ client: fake.client() });
    expect(plan.items[0]).toMatchObject({ name: 'bug-1', error: expect.stringMatching(/^2 stored scenarios are named "bug-1"/) });
    expect(plan.items[1]).toMatchObject({ name: 'bug-2', action: 'create' });
  });

  it('reports several stored scenarios with the same name instead of choosing one', async () => {
    const fake = await startFake();
    const client = fake.client();
    const scenario = template.name('bug-1').problem(bugs[0]!.title);
    await scenario.create({ client });
    await scenario.create({ client });
    const { results } = await defineSuite('dup', scenario).push({ client });
    expect(results).toEqual([{ name: 'bug-1', action: 'update', error: expect.stringMatching(/^2 stored scenarios are named "bug-1" \(scn_\w+, scn_\w+\); archive all but one$/) }]);
    expect(writes(fake)).toHaveLength(2);
  });
});

describe('suite.push', () => {
  it('creates every scenario, in suite order, equal to its payload, and reports progress', async () => {
    const fake = await startFake();
    const progress: SuitePushProgress[] = [];
    const { results } = await suiteOf().push({ client: fake.client(), concurrency: 4, onProgress: (p) => progress.push(p) });
    expect(results.map((r) => [r.name, r.action, r.error])).toEqual(bugs.map((bug) => [`bug-${bug.id}`, 'create', undefined]));
    const byId = new Map(fake.scenarios.map((view) => [view.id, view]));
    suiteOf()
      .scenarios()
      .forEach(({ payload }, index) => expect(asPayload(byId.get(results[index]!.id!)!)).toEqual(payload));
    expect(progress.map((p) => p.done)).toEqual(bugs.map((_, i) => i + 1));
    expect(progress.every((p) => p.total === 12)).toBe(true);
  });

  it('is idempotent: a second push only reads', async () => {
    const fake = await startFake();
    const client = fake.client();
    await suiteOf().push({ client });
    const before = fake.requests.length;
    const { results } = await suiteOf().push({ client });
    expect(results.every((r) => r.action === 'unchanged' && r.error === undefined)).toBe(true);
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('updates only the scenarios that changed', async () => {
    const fake = await startFake();
    const client = fake.client();
    const { results: created } = await suiteOf().push({ client });
    const edited = bugs.map((bug) => (bug.id % 5 === 0 ? { ...bug, title: `${bug.title} (edited)` } : bug));
    const before = writes(fake).length;
    const { results } = await suiteOf(edited).push({ client });
    expect(results.filter((r) => r.action === 'update').map((r) => r.name)).toEqual(['bug-5', 'bug-10']);
    expect(writes(fake).slice(before).map((r) => r.path)).toEqual([`/v1/scenarios/${created[4]!.id}`, `/v1/scenarios/${created[9]!.id}`]);
    expect(fake.scenarios.find((view) => view.name === 'bug-5')?.input_context.problem_statement).toBe(`${bugs[4]!.title} (edited)`);
  });

  it('writes nothing on a dry run, and says what it would do', async () => {
    const fake = await startFake();
    const { results } = await suiteOf().push({ client: fake.client(), dryRun: true });
    expect(results.every((r) => r.action === 'create')).toBe(true);
    expect(writes(fake)).toEqual([]);
  });

  it('keeps going past failures and reports them in the results', async () => {
    const fake = await startFake();
    const client = fake.client({ maxRetries: 0 });
    const { results: first } = await suiteOf(bugs.slice(0, 3)).push({ client });
    await client.scenarios.archive(first[1]!.id!); // archived: left out of listings, so planned as a create…
    const { results } = await suiteOf(bugs.slice(0, 5)).push({
      client,
      concurrency: 1,
      onProgress: ({ done }) => done === 1 && fake.injectFault('500', 1), // …whose write fails
    });
    expect(results.map((r) => [r.name, r.action, r.error === undefined])).toEqual([
      ['bug-1', 'unchanged', true],
      ['bug-2', 'create', false],
      ['bug-3', 'unchanged', true],
      ['bug-4', 'create', true],
      ['bug-5', 'create', true],
    ]);
    expect(results[1]?.error).toMatch(/500/);
  });

  it('stops starting writes once aborted, and reports what was done', async () => {
    const fake = await startFake();
    const abort = new AbortController();
    const { results } = await suiteOf().push({
      client: fake.client(),
      concurrency: 1,
      signal: abort.signal,
      onProgress: ({ done }) => done === 4 && abort.abort(),
    });
    expect(results.filter((r) => r.error === undefined).map((r) => r.name)).toEqual(['bug-1', 'bug-2', 'bug-3', 'bug-4']);
    expect(results.slice(4).every((r) => r.error === 'not sent: the push was aborted' && r.id === undefined)).toBe(true);
    expect(fake.scenarios.map((view) => view.name).sort()).toEqual(['bug-1', 'bug-2', 'bug-3', 'bug-4']);
  });
});

describe('suite.push and its callers', () => {
  it('finishes every write when onProgress throws, then rejects with its error', async () => {
    const fake = await startFake();
    const failure = suiteOf().push({
      client: fake.client(),
      concurrency: 2,
      onProgress: ({ done }) => {
        if (done === 3) throw new Error('progress display broke');
      },
    });
    await expect(failure).rejects.toThrow('progress display broke');
    expect(fake.scenarios).toHaveLength(12);
  });

  it('gives every write its own idempotency key, even when requestOptions carry one', async () => {
    const fake = await startFake();
    const { results } = await suiteOf().push({ client: fake.client(), requestOptions: { idempotencyKey: 'one-for-all' } });
    expect(new Set(results.map((r) => r.id)).size).toBe(12);
    expect(fake.scenarios).toHaveLength(12);
  });

  it('sends nothing when aborted before it starts', async () => {
    const fake = await startFake();
    const abort = new AbortController();
    const reason = new Error('user pressed Ctrl-C');
    abort.abort(reason);
    await expect(suiteOf().push({ client: fake.client(), signal: abort.signal })).rejects.toBe(reason);
    expect(fake.requests).toEqual([]);
  });

  it('stops the plan when aborted while it reads, having written nothing', async () => {
    const fake = await startFake({ latencyMs: 200 });
    const abort = new AbortController();
    const failure = suiteOf().push({ client: fake.client({ maxRetries: 0 }), signal: abort.signal });
    const reason = new Error('user pressed Ctrl-C');
    setTimeout(() => abort.abort(reason), 50);
    await expect(failure).rejects.toBe(reason);
    expect(writes(fake)).toEqual([]);
  });
});

describe('suite.push under faults', () => {
  it('stores 500 scenarios exactly once, equal to their payloads, with 30% of requests faulted', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, title: `Bug ${i + 1}` }));
    const fake = await startFake({ seed: 42, faults: { rate: 0.3, kinds: ['429', '500', '503', 'reset', 'drop-after-commit'] } });
    // few retries keep the SDK's back-off after connection faults short; what still fails is in the results
    const client = fake.client({ maxRetries: 3 });
    const payloads = new Map(suiteOf(rows).scenarios().map(({ name, payload }) => [name, payload]));
    const expectStoredOnceAsSent = () => {
      const names = fake.scenarios.map((view) => view.name);
      expect(new Set(names).size).toBe(names.length);
      for (const view of fake.scenarios) expect(asPayload(view)).toEqual(payloads.get(view.name));
    };

    const { results } = await suiteOf(rows).push({ client, concurrency: 16 });
    expectStoredOnceAsSent();
    const stored = new Set(fake.scenarios.map((view) => view.name));
    for (const result of results) if (result.error === undefined) expect(stored.has(result.name)).toBe(true);
    expect(fake.requests.filter((r) => r.fault === 'drop-after-commit').length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.replayed).length).toBeGreaterThan(0);

    // pushing again finishes what failed, and only that
    let failed = results.filter((result) => result.error !== undefined).length;
    for (let attempt = 0; failed > 0 && attempt < 3; attempt++) {
      failed = (await suiteOf(rows).push({ client, concurrency: 16 })).results.filter((result) => result.error !== undefined).length;
    }
    expect(failed).toBe(0);
    expect(fake.scenarios).toHaveLength(500);
    expectStoredOnceAsSent();
  }, 60_000);
});
