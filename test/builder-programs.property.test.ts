import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  astGrep,
  bashScript,
  command,
  custom,
  pythonScript,
  Scenario,
  ScenarioCreatePayloadSchema,
  ScenarioUpdatePayloadSchema,
  ScenarioValidationError,
  testBased,
  type ScenarioBuilder,
  type Scorer,
  ISSUE_CODES,
} from '../src/index.js';
import { asScorer } from '../src/scorers/scorer.js';
import { resolveScorerNames } from '../src/scorers/scorer-names.js';
import { zodProblems } from '../src/validation/zod-problems.js';

/** Mostly plausible values, sometimes anything at all: the builder must never throw anything but its own error. */
const sometimes = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: fc.anything() as fc.Arbitrary<T> });

const text = fc.oneof(fc.constantFrom('', ' ', 'npm test', 'src', 'a/b.ts', '../x', '/abs', '==3.12.10', 'x y'), fc.string());
const names = fc.constantFrom('a', 'b', 'lint', 'tests', 'command', 'ast-grep', 'bad name');
const scorerName = fc.option(sometimes(names), { nil: undefined });
const weight = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double(), fc.constant(0));
const jsonish = fc.oneof(fc.jsonValue(), fc.anything());

const factoryScorer: fc.Arbitrary<Scorer> = fc.oneof(
  fc.tuple(sometimes(text), fc.record({ searchDirectory: sometimes(text), lang: sometimes(text), name: scorerName }, { requiredKeys: [] }), fc.boolean()).map(
    ([pattern, options, escaped]) => astGrep(pattern, { ...options, escaped }),
  ),
  fc
    .record({
      command: sometimes(text),
      files: fc.option(sometimes(fc.oneof(fc.dictionary(text, text), fc.array(fc.record({ path: text, contents: text })))), { nil: undefined }),
      name: scorerName,
    })
    .map((options) => testBased(options)),
  fc.tuple(sometimes(text), scorerName).map(([cmd, name]) => command(cmd, { name })),
  fc.tuple(sometimes(text), scorerName).map(([script, name]) => bashScript(script, { name })),
  fc
    .tuple(sometimes(text), fc.record({ pythonVersion: sometimes(text), requirements: sometimes(fc.oneof(text, fc.array(text))), name: scorerName }, { requiredKeys: [] }))
    .map(([script, options]) => pythonScript(script, options)),
  fc.tuple(sometimes(text), fc.record({ params: sometimes(fc.dictionary(fc.string(), jsonish)), name: scorerName }, { requiredKeys: [] })).map(
    ([type, options]) => custom(type, options as never),
  ),
);

/** Scorers from the factories, and now and then anything at all (untyped code can pass anything). */
const scorer: fc.Arbitrary<Scorer> = fc.oneof({ weight: 9, arbitrary: factoryScorer }, { weight: 1, arbitrary: fc.anything() as fc.Arbitrary<Scorer> });

const launch = fc.record(
  {
    launchCommands: sometimes(fc.array(text)),
    resourceSize: sometimes(
      fc.oneof(
        fc.constantFrom('X_SMALL', 'SMALL', 'MEDIUM', 'LARGE', 'X_LARGE', 'XX_LARGE'),
        fc.record({ cpu: fc.constantFrom(0.5, 1, 2, 3, 4, 16, 18), memoryGb: fc.constantFrom(1, 2, 4, 5, 8, 16, 64, 66) }),
      ),
    ),
    keepAliveSeconds: sometimes(fc.oneof(fc.integer({ min: -1, max: 200_000 }), fc.double())),
    afterIdle: sometimes(fc.record({ idleSeconds: fc.integer({ min: -1, max: 5000 }), onIdle: fc.constantFrom('shutdown', 'suspend') })),
    architecture: sometimes(fc.constantFrom('x86_64', 'arm64')),
    user: sometimes(fc.record({ username: text, uid: fc.integer({ min: -2, max: 70000 }) })),
    availablePorts: sometimes(fc.array(fc.integer({ min: -1, max: 70000 }))),
    requiredServices: sometimes(fc.array(text)),
    networkPolicyId: sometimes(text),
    provisioningTier: sometimes(fc.constantFrom('standard', 'flex')),
  },
  { requiredKeys: [] },
);

const environment = fc.record(
  {
    blueprintId: sometimes(text),
    snapshotId: sometimes(text),
    workingDirectory: sometimes(text),
    launch: sometimes(launch),
  },
  { requiredKeys: [] },
);

type Step = (builder: ScenarioBuilder<any>) => ScenarioBuilder<any>;
const call = <A extends unknown[]>(method: string, args: fc.Arbitrary<A>): fc.Arbitrary<Step> =>
  args.map((values) => {
    const step: Step = (builder) => (builder as unknown as Record<string, (...a: unknown[]) => ScenarioBuilder<any>>)[method]!(...values);
    return Object.assign(step, { toString: () => `.${method}(${values.map((v) => fc.stringify(v)).join(', ')})` });
  });

const step: fc.Arbitrary<Step> = fc.oneof(
  call('name', fc.tuple(sometimes(text))),
  call('env', fc.tuple(environment)),
  call('problem', fc.tuple(sometimes(text), fc.option(fc.record({ context: sometimes(fc.dictionary(fc.string(), jsonish)) }), { nil: undefined }))),
  call('scorer', fc.tuple(scorer, fc.option(weight, { nil: undefined }))),
  call('scorer', fc.tuple(scorer)),
  call('replaceScorer', fc.tuple(names, scorer, fc.option(weight, { nil: undefined }))),
  call('removeScorer', fc.tuple(names)),
  call('weights', fc.tuple(fc.constantFrom('normalize', 'exact'))),
  call('metadata', fc.tuple(sometimes(fc.dictionary(text, fc.oneof(text, fc.constant(undefined)))))),
  call('referenceOutput', fc.tuple(sometimes(text))),
  call('requiredEnv', fc.tuple(sometimes(fc.array(fc.oneof(text, fc.constantFrom('HOME', 'API_KEY', '_X')))))),
  call('requiredSecrets', fc.tuple(sometimes(fc.array(text)))),
  call('scorerTimeout', fc.tuple(sometimes(fc.oneof(fc.integer({ min: -1, max: 4000 }), fc.double())))),
  call('validation', fc.tuple(sometimes(fc.constantFrom('UNSPECIFIED', 'FORWARD', 'REVERSE', 'EVALUATION')))),
  call('public', fc.tuple(fc.option(sometimes(fc.boolean()), { nil: undefined }))),
  call('clear', fc.tuple(fc.constantFrom('metadata', 'referenceOutput', 'requiredEnv', 'requiredSecrets'))),
);

const program = fc.array(step, { maxLength: 12 });

function run(steps: Step[]): ScenarioBuilder<any> {
  return steps.reduce((builder, apply) => apply(builder), Scenario.define() as ScenarioBuilder<any>);
}

function expectBuiltOrInvalid(attempt: () => unknown, schema: typeof ScenarioUpdatePayloadSchema) {
  let payload: unknown;
  try {
    payload = attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioValidationError);
    expect((error as ScenarioValidationError).issues.length).toBeGreaterThan(0);
    return 'invalid';
  }
  // the schema reports scenariokit's warnings too; a payload that was built has none of its errors
  const parsed = schema.safeParse(payload);
  const errors = parsed.success ? [] : zodProblems(parsed.error.issues, payload).filter(({ code }) => ISSUE_CODES[code].severity === 'error');
  expect(errors).toEqual([]);
  expect(JSON.parse(JSON.stringify(payload))).toStrictEqual(payload);
  return 'built';
}

describe('random builder programs', () => {
  it('either build a payload the schema accepts and JSON round-trips, or fail with ScenarioValidationError', () => {
    const outcomes = { built: 0, invalid: 0 };
    fc.assert(
      fc.property(program, (steps) => {
        const builder = run(steps);
        outcomes[expectBuiltOrInvalid(() => builder.build(), ScenarioUpdatePayloadSchema)]++;
        expectBuiltOrInvalid(() => {
          const result = builder.validateCreate();
          if (!result.success) throw result.error;
          return result.data;
        }, ScenarioCreatePayloadSchema as never);
        expect(() => builder.validate()).not.toThrow();
      }),
      { numRuns: 400 },
    );
    // the generator must exercise both outcomes, or the property proves little
    expect(outcomes.built).toBeGreaterThan(40);
    expect(outcomes.invalid).toBeGreaterThan(40);
  });

  it('never change the builder they start from', () => {
    fc.assert(
      fc.property(program, program, (template, branch) => {
        const base = run(template);
        const before = base.validate();
        branch.reduce((builder, apply) => apply(builder), base);
        const after = base.validate();
        expect(after.success).toBe(before.success);
        if (before.success) expect(after.data).toStrictEqual(before.data);
        else expect(after.error?.issues).toStrictEqual(before.error?.issues);
      }),
      { numRuns: 150 },
    );
  });
});

describe('scorers checked against their own kinds', () => {
  /** A stored definition of a known type with a field no kind has (and the kind's own fields missing). */
  const strayDefinition = fc
    .record({ type: fc.constantFrom('ast_grep_scorer', 'bash_script_scorer', 'command_scorer', 'custom_scorer', 'python_script_scorer', 'test_based_scorer'), extra: text })
    .map((definition): Scorer => ({ name: undefined, definition: definition as never }));

  it('report exactly the issues that the whole contract schema (every kind) finds', () => {
    // a build makes the schemas of the kinds its scorers are of; the payload schema holds every kind
    const contractSchema = ScenarioUpdatePayloadSchema.shape.scoring_contract;
    const optionCodes = new Set(['unknown-option', 'invalid-option']);
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(scorer, strayDefinition), fc.constantFrom(0, 0.5, 1, 2)), { minLength: 1, maxLength: 4 }), (entries) => {
        const builder = entries.reduce((scenario, [entry, weight]) => scenario.scorer(entry, weight), Scenario.define('x').weights('exact') as ScenarioBuilder<any>);
        const result = builder.validate();
        const reported = (result.success ? result.warnings : result.error.issues)
          .filter((issue) => issue.path[0] === 'scoring_contract' && !optionCodes.has(issue.code))
          .map((issue) => [issue.code, ...issue.path]);
        const scorers = entries.map(([entry]) => asScorer(entry));
        const names = resolveScorerNames(scorers);
        const contract = { scoring_function_parameters: scorers.map((entry, index) => ({ name: names[index], scorer: entry.definition, weight: entries[index]![1] })) };
        const parsed = contractSchema.safeParse(contract);
        if (!result.success) invalid++;
        expect(reported).toEqual(parsed.success ? [] : zodProblems(parsed.error.issues, contract).map((problem) => [problem.code, 'scoring_contract', ...problem.path]));
      }),
      { numRuns: 300 },
    );
    expect(invalid).toBeGreaterThan(30);
  });
});
