import type { Runloop } from '@runloop/api-client';
import { ScenarioBuilder as SdkScenarioBuilder } from '@runloop/api-client/sdk/scenario-builder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, normalizeWeights, Scenario, WEIGHT_TOLERANCE, type ScenarioBuilder } from '../src/index.js';
import { sum } from '../src/scorers/normalize-weights.js';

/** Weights of every size: tiny, huge, integers, the decimals people write. */
const weight = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  fc.integer({ min: 1, max: 100 }),
  fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1 / 3, 2 / 3, 0.05, 0.15, 0.25),
);
const relativeWeights = fc
  .array(fc.oneof({ weight: 9, arbitrary: weight }, { weight: 1, arbitrary: fc.constant(0) }), { minLength: 1, maxLength: 50 })
  .filter((weights) => weights.some((w) => w > 0));
/** What the SDK's builder accepts: positive weights; their total must be finite for it to send anything meaningful. */
const sdkWeights = fc.array(weight, { minLength: 1, maxLength: 50 }).filter((weights) => Number.isFinite(sum(weights)));

// The SDK's builder needs a client to construct; build() never uses it.
const noClient = {} as Runloop;

function sdkWeightsFor(weights: readonly number[]): number[] {
  const builder = new SdkScenarioBuilder('x', noClient).withProblemStatement('p');
  weights.forEach((w, index) => builder.addShellCommandScorer(`s${index}`, { command: 'true', weight: w }));
  return builder.build().scoring_contract.scoring_function_parameters.map((fn) => fn.weight);
}

function scenariokitWeightsFor(weights: readonly number[]): number[] {
  const builder = weights.reduce<ScenarioBuilder<any>>((b, w, index) => b.scorer(command('true', { name: `s${index}` }), w), Scenario.define('x').problem('p'));
  return builder.validateCreate().data!.scoring_contract.scoring_function_parameters.map((fn) => fn.weight);
}

/** Weights compared bit for bit: Object.is tells 0 from -0, and any two doubles apart. */
const sameBits = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

describe('normalised weights are bit-identical to the SDK ScenarioBuilder', () => {
  it('for every list of weights it accepts', () => {
    fc.assert(
      fc.property(sdkWeights, (weights) => {
        const ours = scenariokitWeightsFor(weights);
        const theirs = sdkWeightsFor(weights);
        expect(sameBits(ours, theirs), `${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('for the issue\'s weights 2, 3, 1, 2, 1, 1, sent as 0.2, 0.3, 0.1, 0.2, 0.1, 0.1', () => {
    expect(scenariokitWeightsFor([2, 3, 1, 2, 1, 1])).toEqual([0.2, 0.3, 0.1, 0.2, 0.1, 0.1]);
    expect(sameBits(scenariokitWeightsFor([2, 3, 1, 2, 1, 1]), sdkWeightsFor([2, 3, 1, 2, 1, 1]))).toBe(true);
  });
});

describe('normalizeWeights', () => {
  it('gives each weight exactly as weight / total', () => {
    fc.assert(
      fc.property(relativeWeights.filter((weights) => Number.isFinite(sum(weights))), (weights) => {
        const total = sum(weights);
        expect(sameBits(normalizeWeights(weights), weights.map((w) => w / total))).toBe(true);
      }),
    );
  });

  it(`sums to 1 within WEIGHT_TOLERANCE (${WEIGHT_TOLERANCE}), for any relative weights with a positive total`, () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        expect(Math.abs(sum(normalizeWeights(weights)) - 1)).toBeLessThanOrEqual(WEIGHT_TOLERANCE);
      }),
    );
  });

  it('keeps proportions and keeps zeros zero', () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        const normalised = normalizeWeights(weights);
        const largest = weights.indexOf(Math.max(...weights));
        weights.forEach((w, index) => {
          if (w === 0) expect(normalised[index]).toBe(0);
          expect(normalised[index]! / normalised[largest]!).toBeCloseTo(w / weights[largest]!, 9);
        });
      }),
    );
  });

  it('changes normalised weights by rounding at most when normalising them again', () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        const once = normalizeWeights(weights);
        normalizeWeights(once).forEach((twice, index) => expect(Math.abs(twice - once[index]!)).toBeLessThanOrEqual(WEIGHT_TOLERANCE));
      }),
    );
  });

  it('refuses weights the builder would report', () => {
    expect(() => normalizeWeights([0, 0])).toThrow(RangeError);
    expect(() => normalizeWeights([-1, 2])).toThrow('weights must be finite, at least 0, and not all 0 (got [-1,2])');
    expect(() => normalizeWeights([Number.NaN])).toThrow(RangeError);
  });

  it('scales down first only when the total overflows', () => {
    expect(normalizeWeights([Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([0.5, 0.5]);
    expect(normalizeWeights([Number.MAX_VALUE, Number.MAX_VALUE, 0])).toEqual([0.5, 0.5, 0]);
  });

  it('gives 2/3 and 1/3 for weights 2 and 1', () => {
    expect(normalizeWeights([2, 1])).toEqual([2 / 3, 1 / 3]);
  });
});

describe('weights in a payload', () => {
  const weightsOf = (builder: { build(): { readonly scoring_contract?: { readonly scoring_function_parameters: readonly { readonly weight: number }[] } } }) =>
    builder.build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight);

  it('default to 1 each, normalised', () => {
    expect(weightsOf(Scenario.define('x').scorer(command('a')).scorer(command('b')))).toEqual([0.5, 0.5]);
  });

  it("are sent exactly as given with .weights('exact')", () => {
    const builder = Scenario.define('x').scorer(command('a'), 0.7).scorer(command('b'), 0.3).weights('exact');
    expect(weightsOf(builder)).toEqual([0.7, 0.3]);
  });

  it('accept exact weights within WEIGHT_TOLERANCE of summing to 1 without a warning', () => {
    const builder = Scenario.define('x').scorer(command('a'), 0.5).scorer(command('b'), 0.5 + WEIGHT_TOLERANCE / 2).weights('exact');
    expect(builder.validate()).toMatchObject({ success: true, warnings: [] });
  });

  it('warn about exact weights further than WEIGHT_TOLERANCE from summing to 1, and send them', () => {
    const builder = Scenario.define('x').scorer(command('a'), 0.5).scorer(command('b'), 0.5 + WEIGHT_TOLERANCE * 2).weights('exact');
    expect(builder.validate().warnings?.map((w) => w.code)).toEqual(['weights-not-normalised']);
    expect(weightsOf(builder)).toEqual([0.5, 0.5 + WEIGHT_TOLERANCE * 2]);
  });

  it("go back to normalising with .weights('normalize')", () => {
    const builder = Scenario.define('x').scorer(command('a'), 3).scorer(command('b'), 1).weights('exact').weights('normalize');
    expect(weightsOf(builder)).toEqual([0.75, 0.25]);
  });
});
