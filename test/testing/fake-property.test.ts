import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  astGrep,
  bashScript,
  command,
  custom,
  pythonScript,
  Scenario,
  testBased,
  type EnvironmentInput,
  type LaunchInput,
  type ScenarioBuilder,
  type Scorer,
  type Step,
} from '../../src/index.js';
import { OpenApiValidator } from '../../src/testing/openapi-validator.js';
import { startFake } from './fake-helpers.js';

// Random scenarios that the DSL accepts, built only with the DSL's own calls.
const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /\S/.test(s) && !s.includes('\0'));
const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const jsonObject = fc.dictionary(identifier, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const relativePath = fc.array(fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));

const scorer: fc.Arbitrary<Scorer> = fc.oneof(
  fc.record({ pattern: text, dir: fc.option(relativePath, { nil: undefined }), lang: fc.option(identifier, { nil: undefined }) }).map(({ pattern, dir, lang }) =>
    astGrep(pattern, { searchDirectory: dir, lang }),
  ),
  fc.record({ cmd: text, files: fc.uniqueArray(relativePath, { maxLength: 3 }) }).map(({ cmd, files }) =>
    testBased({ command: cmd, files: files.map((path) => ({ path, contents: `test ${path}` })) }),
  ),
  text.map((cmd) => command(cmd)),
  text.map((script) => bashScript(script)),
  fc
    .record({ script: text, version: fc.constantFrom(undefined, '==3.12.10', '>=3.11,<3.13', '~=3.10'), reqs: fc.array(identifier, { maxLength: 3 }) })
    .map(({ script, version, reqs }) => pythonScript(script, { pythonVersion: version, requirements: reqs })),
  fc.record({ type: identifier, params: fc.option(jsonObject, { nil: undefined }) }).map(({ type, params }) => custom(type, { params })),
);

const afterIdle = fc.record({ idleSeconds: fc.integer({ min: 1, max: 86_400 }), onIdle: fc.constantFrom('shutdown' as const, 'suspend' as const) });
const customSize = fc
  .record({ cpu: fc.constantFrom(0.5, 1, 2, 4, 8, 16), ratio: fc.constantFrom(2, 4, 8), disk: fc.option(fc.constantFrom(2, 4, 16, 64), { nil: undefined }) })
  .filter(({ cpu, ratio }) => cpu * ratio <= 64 && (cpu * ratio === 1 || (cpu * ratio) % 2 === 0))
  .map(({ cpu, ratio, disk }) => ({ cpu, memoryGb: cpu * ratio, diskGb: disk }));

const launch: fc.Arbitrary<LaunchInput> = fc
  .record(
    {
      launchCommands: fc.array(text, { maxLength: 3 }),
      resourceSize: fc.oneof(fc.constantFrom('X_SMALL' as const, 'SMALL' as const, 'MEDIUM' as const, 'LARGE' as const, 'X_LARGE' as const, 'XX_LARGE' as const), customSize),
      keepAliveSeconds: fc.integer({ min: 1, max: 172_800 }),
      architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
      user: fc.record({ username: identifier, uid: fc.integer({ min: 0, max: 65_535 }) }),
      availablePorts: fc.array(fc.integer({ min: 1, max: 65_535 }), { maxLength: 3 }),
      requiredServices: fc.array(identifier, { maxLength: 2 }),
      networkPolicyId: identifier,
      provisioningTier: fc.constantFrom('standard' as const, 'flex' as const),
      lifecycle: fc.record(
        {
          afterIdle,
          resumeTriggers: fc.record({ http: fc.boolean(), axonEvent: fc.boolean() }, { requiredKeys: [] }),
          hooks: fc.record({ suspendCommands: fc.array(text, { maxLength: 2 }), suspendDeadlineMs: fc.integer({ min: 1, max: 60_000 }) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .chain((input) =>
    // A top-level afterIdle must equal lifecycle.afterIdle when both are set.
    fc.option(afterIdle, { nil: undefined }).map((idle) => (idle === undefined || input.lifecycle?.afterIdle !== undefined ? input : { ...input, afterIdle: idle })),
  );

const environment: fc.Arbitrary<EnvironmentInput> = fc
  .record({
    source: fc.oneof(
      fc.constant({}),
      identifier.map((id) => ({ blueprintId: `bpt_${id}` })),
      identifier.map((id) => ({ snapshotId: `snp_${id}` })),
      identifier.map((id) => ({ prebuiltId: `pre_${id}` })),
    ),
    workingDirectory: fc.option(relativePath.map((path) => `/home/${path}`), { nil: undefined }),
    launch: fc.option(launch, { nil: undefined }),
  })
  .map(({ source, workingDirectory, launch }) => ({ ...source, workingDirectory, launch }) as EnvironmentInput);

const scenario: fc.Arbitrary<{ builder: ScenarioBuilder<Step> }> = fc
  .record({
    name: text,
    statement: text,
    context: fc.option(jsonObject, { nil: undefined }),
    scorers: fc.array(fc.tuple(scorer, fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 4 }),
    env: fc.option(environment, { nil: undefined }),
    metadata: fc.option(fc.dictionary(identifier, fc.string({ maxLength: 10 }), { maxKeys: 3 }), { nil: undefined }),
    referenceOutput: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    requiredEnv: fc.option(fc.uniqueArray(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,9}$/), { maxLength: 3 }), { nil: undefined }),
    requiredSecrets: fc.option(fc.uniqueArray(identifier, { maxLength: 3 }), { nil: undefined }),
    timeout: fc.option(fc.integer({ min: 1, max: 7200 }), { nil: undefined }),
    validation: fc.option(fc.constantFrom('UNSPECIFIED' as const, 'FORWARD' as const, 'REVERSE' as const, 'EVALUATION' as const), { nil: undefined }),
    isPublic: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((s) => {
    let builder: ScenarioBuilder<any> = Scenario.define(s.name).problem(s.statement, { context: s.context });
    for (const [entry, weight] of s.scorers) builder = builder.scorer(entry, weight);
    if (s.env) builder = builder.env(s.env);
    if (s.metadata) builder = builder.metadata(s.metadata);
    if (s.referenceOutput !== undefined) builder = builder.referenceOutput(s.referenceOutput);
    if (s.requiredEnv) builder = builder.requiredEnv(s.requiredEnv);
    if (s.requiredSecrets) builder = builder.requiredSecrets(s.requiredSecrets);
    if (s.timeout !== undefined) builder = builder.scorerTimeout(s.timeout);
    if (s.validation) builder = builder.validation(s.validation);
    if (s.isPublic !== undefined) builder = builder.public(s.isPublic);
    // fast-check prints a counterexample with this: the payload, not an opaque builder.
    // Every step is taken above (a name, a problem, at least one scorer), so create() is available.
    return { builder: builder as ScenarioBuilder<Step>, [fc.toStringMethod]: () => JSON.stringify(builder.validateCreate().data) };
  });

/** The view the API should store for a create body: JSON on the wire, environment_parameters renamed. */
function expectedView(payload: Record<string, unknown>) {
  const { environment_parameters, ...rest } = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  return { ...rest, ...(environment_parameters !== undefined && { environment: environment_parameters }), metadata: rest.metadata ?? {}, status: 'active' };
}

describe('the DSL and the fake agree', () => {
  it('every payload the DSL builds passes the OpenAPI check, as create and as update', () => {
    const validator = OpenApiValidator.shared();
    fc.assert(
      fc.property(scenario, ({ builder }) => {
        const created = builder.validateCreate();
        expect(created.error?.message).toBeUndefined();
        expect(validator.validate('ScenarioCreateParameters', created.data)).toEqual([]);
        expect(validator.validate('ScenarioUpdateParameters', builder.build())).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('stores what the DSL creates through the SDK, with environment_parameters as environment', async () => {
    const fake = await startFake();
    const client = fake.client();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ builder }) => {
        const payload = builder.validateCreate().data!;
        const view = await builder.create({ client });
        expect(view).toEqual({ id: expect.stringMatching(/^scn_/), ...expectedView(payload) });
        expect(fake.scenarios.at(-1)).toEqual(view);
      }),
      { numRuns: 40 },
    );
  });
});
