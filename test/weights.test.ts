import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, normalizeWeights, Scenario } from '../src/index.js';
import { preciseSum } from '../src/scorers/normalize-weights.js';

const relativeWeights = fc
  .array(fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.constant(0), fc.integer({ min: 0, max: 100 })), {
    minLength: 1,
    maxLength: 50,
  })
  .filter((weights) => weights.some((w) => w > 0));

describe('normalizeWeights', () => {
  it('sums to 1 within 1e-12, for any relative weights with a positive total', () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        expect(Math.abs(preciseSum(normalizeWeights(weights)) - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('keeps proportions and keeps zeros zero', () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        const normalised = normalizeWeights(weights);
        const largest = weights.indexOf(Math.max(...weights));
        weights.forEach((weight, index) => {
          if (weight === 0) expect(normalised[index]).toBe(0);
          const expected = weight / weights[largest]!;
          expect(normalised[index]! / normalised[largest]!).toBeCloseTo(expected, 9);
        });
      }),
    );
  });

  it('changes nothing when normalising normalised weights', () => {
    fc.assert(
      fc.property(relativeWeights, (weights) => {
        const once = normalizeWeights(weights);
        expect(normalizeWeights(once)).toEqual(once);
      }),
    );
  });

  it('refuses weights the builder would report', () => {
    expect(() => normalizeWeights([0, 0])).toThrow(RangeError);
    expect(() => normalizeWeights([-1, 2])).toThrow('weights must be finite, at least 0, and not all 0 (got [-1,2])');
    expect(() => normalizeWeights([Number.NaN])).toThrow(RangeError);
  });

  it('handles weights whose plain sum would overflow', () => {
    expect(normalizeWeights([Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([0.5, 0.5]);
  });

  it('gives 2/3 and 1/3 for weights 2 and 1', () => {
    expect(normalizeWeights([2, 1])).toEqual([2 / 3, 1 / 3]);
  });
});

describe('weights in a payload', () => {
  const weightsOf = (builder: { build(): { scoring_contract?: { scoring_function_parameters: { weight: number }[] } } }) =>
    builder.build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight);

  it('default to 1 each, normalised', () => {
    expect(weightsOf(Scenario.define('x').scorer(command('a')).scorer(command('b')))).toEqual([0.5, 0.5]);
  });

  it("are sent exactly as given with .weights('exact')", () => {
    const builder = Scenario.define('x').scorer(command('a'), 0.7).scorer(command('b'), 0.3).weights('exact');
    expect(weightsOf(builder)).toEqual([0.7, 0.3]);
  });

  it("accept exact weights within 1e-9 of summing to 1", () => {
    const builder = Scenario.define('x').scorer(command('a'), 0.5).scorer(command('b'), 0.5 + 5e-10).weights('exact');
    expect(builder.validate().success).toBe(true);
  });

  it("go back to normalising with .weights('normalize')", () => {
    const builder = Scenario.define('x').scorer(command('a'), 3).scorer(command('b'), 1).weights('exact').weights('normalize');
    expect(weightsOf(builder)).toEqual([0.75, 0.25]);
  });
});
