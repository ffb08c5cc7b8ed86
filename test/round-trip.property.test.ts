import { ScenarioBuilder as SdkScenarioBuilder } from '@runloop/api-client/sdk/scenario-builder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioIssue, type StoredScenario } from '../src/index.js';
import { storedFields } from '../src/suite/stored-fields.js';
import { OpenApiValidator } from '../src/testing/openapi-validator.js';
import { customBenchmarkExample } from './fixtures/custom-benchmark-example.js';
import { expectedPayload, storedView } from './fixtures/stored-views.js';
import { startFake } from './testing/fake-helpers.js';

const expected = (view: StoredScenario) => expectedPayload(view, storedFields);

/** The issues of a builder: every one when invalid, the warnings when valid. */
const issuesOf = (result: { success: boolean; warnings?: readonly ScenarioIssue[]; error?: { issues: readonly ScenarioIssue[] } }) =>
  result.success ? (result.warnings ?? []) : (result.error?.issues ?? []);

describe('Scenario.fromView round-trips every view the published API schema accepts', () => {
  it('(the generator stays within that schema: the fake’s OpenAPI validator accepts every payload)', () => {
    fc.assert(
      fc.property(storedView, (view) => {
        expect(OpenApiValidator.shared().validate('ScenarioCreateParameters', expected(view))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('through build() and buildCreate(), exactly, with warnings at most', () => {
    fc.assert(
      fc.property(storedView, (view) => {
        const builder = Scenario.fromView(view);
        const result = builder.validateCreate();
        expect(issuesOf(result).filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(result.data).toEqual(expected(view));
        expect(builder.build()).toEqual(expected(view));
      }),
      { numRuns: 300 },
    );
  });

  it('and the payload it sends is the same JSON', () => {
    fc.assert(
      fc.property(storedView, (view) => {
        expect(JSON.parse(JSON.stringify(Scenario.fromView(view).buildCreate()))).toEqual(JSON.parse(JSON.stringify(expected(view))));
      }),
      { numRuns: 100 },
    );
  });
});

describe("Runloop's published custom-benchmark example", () => {
  it('is stored by the fake as the API stores it, and pulled back exactly', async () => {
    const fake = await startFake();
    try {
      for (const example of customBenchmarkExample) {
        const { id: _id, status: _status, environment, ...fields } = example;
        const stored = await fake.client().scenarios.create({ ...fields, environment_parameters: environment } as never);
        expect(Scenario.fromView(stored).buildCreate()).toEqual(expected(example));
      }
    } finally {
      await fake.close();
    }
  });

  it('round-trips through fromView, with warnings for the rules it breaks beyond the API', () => {
    const [bash, astGrep, mixed] = customBenchmarkExample.map((view) => Scenario.fromView(view).validateCreate());
    expect(bash).toMatchObject({ success: true, warnings: [] });
    expect(issuesOf(astGrep!).map((issue) => [issue.code, issue.inputPath])).toEqual([['pattern-not-escaped', 'scorer[0].pattern']]);
    expect(issuesOf(mixed!).map((issue) => [issue.code, issue.inputPath])).toEqual([
      ['test-path-absolute', 'scorer[2].files[0].path'],
      ['duplicate-scorer-name', 'scorer[1].name'],
      ['duplicate-scorer-name', 'scorer[2].name'],
    ]);
    customBenchmarkExample.forEach((view) => expect(Scenario.fromView(view).buildCreate()).toEqual(expected(view)));
  });

  it('fails a strict builder, which then names every warning', () => {
    const error = Scenario.fromView(customBenchmarkExample[2]!).strict().validateCreate().error;
    expect(error?.message).toContain('Scenario "aider-custom-scenario-command-python-test" is invalid (3 warnings, strict)');
  });

  it('keeps the weights the script sent, which the SDK builder would send too', () => {
    const mixed = customBenchmarkExample[2]!;
    const weights = Scenario.fromView(mixed).build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight);
    const sdk = new SdkScenarioBuilder('x', {} as never).withProblemStatement('p');
    for (const fn of mixed.scoring_contract.scoring_function_parameters) sdk.addShellCommandScorer(fn.name, { command: 'true', weight: fn.weight });
    expect(weights).toEqual(sdk.build().scoring_contract.scoring_function_parameters.map((fn) => fn.weight));
  });
});
