import { InternalServerError, RateLimitError } from '@runloop/api-client';
import { describe, expect, it } from 'vitest';
import { command, Scenario } from '../../src/index.js';
import { startFakeRunloop, type FakeRunloop, type RecordedRequest } from '../../src/testing/index.js';
import { minimalCreateBody, startFake } from './fake-helpers.js';

const scenario = (name: string) => Scenario.define(name).problem(`solve ${name}`).scorer(command('npm test'));

/** The POSTs grouped by idempotency key: one group per logical write, attempts in order. */
function attemptsByKey(requests: readonly RecordedRequest[]): RecordedRequest[][] {
  const groups = new Map<string, RecordedRequest[]>();
  for (const request of requests) {
    if (request.method !== 'POST') continue;
    const key = request.idempotencyKey ?? `no key ${request.seq}`;
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  return [...groups.values()];
}

/** Creates `names` one by one, then pushes `metadata: { version: '2' }` to each. */
async function createAndUpdate(fake: FakeRunloop, names: readonly string[], maxRetries: number) {
  const client = fake.client({ maxRetries });
  const ids: string[] = [];
  for (const name of names) ids.push((await scenario(name).create({ client })).id);
  for (const [index, id] of ids.entries()) await scenario(names[index]!).metadata({ version: '2' }).push(id, { client });
  return ids;
}

describe('HTTP faults: 429, 500 and 503 with a short retry-after-ms', () => {
  it('lands every create and update exactly once with faults on 60% of requests', async () => {
    const fake = await startFake({ seed: 3, faults: { rate: 0.6, kinds: ['429', '500', '503'] } });
    const names = Array.from({ length: 10 }, (_, i) => `s-${i}`);
    const ids = await createAndUpdate(fake, names, 10);

    expect(fake.scenarios.map((s) => [s.id, s.name, s.metadata])).toEqual(names.map((name, i) => [ids[i], name, { version: '2' }]));
    const writes = attemptsByKey(fake.requests);
    expect(writes).toHaveLength(20);
    for (const attempts of writes) {
      expect(attempts.at(-1)).toMatchObject({ status: 200, fault: undefined });
      expect(attempts.slice(0, -1).every((a) => a.fault !== undefined && a.status === Number(a.fault))).toBe(true);
      expect(attempts.map((a) => a.headers['x-stainless-retry-count'])).toEqual(attempts.map((_, i) => String(i)));
    }
    expect(fake.requests.filter((r) => r.fault !== undefined).length).toBeGreaterThan(10);
  });

  it('keeps concurrent creates exactly-once too', async () => {
    // Concurrent requests may arrive in any order, so the faults they get vary from run to run;
    // 20 retries at rate 0.4 make giving up all but impossible (0.4^21 per create).
    const fake = await startFake({ seed: 5, faults: { rate: 0.4, kinds: ['429', '503'] } });
    const client = fake.client({ maxRetries: 20 });
    const names = Array.from({ length: 20 }, (_, i) => `c-${i}`);
    const views = await Promise.all(names.map((name) => scenario(name).create({ client })));

    expect(new Set(views.map((v) => v.id)).size).toBe(20);
    expect(fake.scenarios.map((s) => s.name).sort()).toEqual([...names].sort());
    expect(attemptsByKey(fake.requests)).toHaveLength(20);
  });

  it('answers injected faults with retry-after-ms and a message saying they are injected', async () => {
    const fake = await startFake({ faults: { rate: 0, retryAfterMs: 1 } });
    fake.injectFault('429');
    const response = await fetch(`${fake.baseURL}/v1/scenarios`, { headers: { authorization: `Bearer ${fake.apiKey}` } });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('1');
    expect(await response.json()).toEqual({ message: 'injected fault 429 (scenariokit fake); retry after 1 ms' });
    expect(fake.requests[0]).toMatchObject({ fault: '429', status: 429 });
  });

  it('gives up after maxRetries with the error of the last status, having changed nothing', async () => {
    const fake = await startFake();
    fake.injectFault('503', 4);
    const error = await scenario('x').create({ client: fake.client({ maxRetries: 3 }) }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(fake.scenarios).toEqual([]);
    expect(fake.requests.map((r) => [r.fault, r.status])).toEqual(Array(4).fill(['503', 503]));
    expect(new Set(fake.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    fake.injectFault('429');
    await expect(fake.client({ maxRetries: 0 }).scenarios.list()).rejects.toThrow(RateLimitError);
  });

  it('draws the same faults from the same seed, and others from another seed', async () => {
    const faultsOf = async (seed: number) => {
      const fake = await startFake({ seed, faults: { rate: 0.5, kinds: ['429', '500', '503'] } });
      const client = fake.client({ maxRetries: 0 });
      for (let i = 0; i < 16; i++) await client.scenarios.list().catch(() => undefined);
      return fake.requests.map((r) => r.fault ?? '-').join(' ');
    };
    const first = await faultsOf(11);

    expect(await faultsOf(11)).toBe(first);
    expect(await faultsOf(12)).not.toBe(first);
    expect(first).toMatch(/\d{3}/);
  });

  it('waits latencyMs before answering', async () => {
    const fake = await startFake({ latencyMs: 60 });
    const started = performance.now();
    await fake.client().scenarios.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('rejects fault options it does not know', async () => {
    await expect(startFakeRunloop({ faults: { rate: 2 } })).rejects.toThrow('faults.rate must be a number from 0 to 1 (got 2)');
    await expect(startFakeRunloop({ faults: { rate: 0.1, kinds: ['418' as never] } })).rejects.toThrow(/unknown fault kind "418"/);
  });
});

// Connection-level faults fall back to the SDK's own back-off (about 1 s), so these few tests
// run concurrently, each with its own fake.
describe.concurrent('connection faults: resets and commit-then-drop', () => {
  async function withFake(options: Parameters<typeof startFakeRunloop>[0], test: (fake: FakeRunloop) => Promise<void>) {
    const fake = await startFakeRunloop(options);
    try {
      await test(fake);
    } finally {
      await fake.close();
    }
  }

  it('commit then drop: the create happens once, and its retry gets the first answer again', ({ expect }) =>
    withFake({}, async (fake) => {
      fake.injectFault('drop-after-commit');
      const view = await scenario('once').create({ client: fake.client() });

      expect(fake.scenarios).toEqual([view]);
      const [dropped, retried] = fake.requests;
      expect(dropped).toMatchObject({ fault: 'drop-after-commit', status: undefined, replayed: false, protocol: 'http/2' });
      expect(retried).toMatchObject({ fault: undefined, status: 200, replayed: true, idempotencyKey: dropped?.idempotencyKey });
    }));

  it('commit then drop over HTTP/1.1: the update is applied once', ({ expect }) =>
    withFake({}, async (fake) => {
      const client = fake.client({ http2: false });
      const { id } = await client.scenarios.create(minimalCreateBody);
      fake.injectFault('drop-after-commit');
      const updated = await client.scenarios.update(id, { metadata: { version: '2' } });

      expect(updated.metadata).toEqual({ version: '2' });
      expect(fake.requests.map((r) => [r.protocol, r.fault, r.replayed, r.status])).toEqual([
        ['http/1.1', undefined, false, 200],
        ['http/1.1', 'drop-after-commit', false, undefined],
        ['http/1.1', undefined, true, 200],
      ]);
    }));

  it('reset: nothing happens, and the retry is processed', ({ expect }) =>
    withFake({}, async (fake) => {
      fake.injectFault('reset');
      const view = await scenario('after-reset').create({ client: fake.client() });

      expect(fake.scenarios).toEqual([view]);
      expect(fake.requests.map((r) => [r.fault, r.replayed, r.status])).toEqual([
        ['reset', false, undefined],
        [undefined, false, 200],
      ]);
    }));

  it('random faults of every kind: every create and update lands exactly once', ({ expect }) =>
    // Seed 55 at rate 0.4 (all kinds) gives seven 429/500/503 and one commit-then-drop among
    // these 8 writes: one connection fault, so the test costs one SDK back-off (about 1 s).
    withFake({ seed: 55, faults: { rate: 0.4 } }, async (fake) => {
      const names = ['a', 'b', 'c', 'd'];
      const ids = await createAndUpdate(fake, names, 4);

      expect(fake.scenarios.map((s) => [s.id, s.name, s.metadata])).toEqual(names.map((name, i) => [ids[i], name, { version: '2' }]));
      expect(fake.requests.map((r) => r.fault ?? '-').join(' ')).toBe('429 drop-after-commit - 429 500 - - 429 - 429 500 - - 503 - -');
      expect(fake.requests.filter((r) => r.replayed).map((r) => r.seq)).toEqual([3]);
      expect(attemptsByKey(fake.requests)).toHaveLength(8);
    }));
});
