import type { ScoringContractResultView, ScoringFunctionResultView } from '@runloop/api-client/resources/scenarios/scenarios';
import { describe, expectTypeOf, it } from 'vitest';
import type { CustomScorerFunction, ScoringContractResult, ScoringFunctionResult, VerifyOptions } from '../../src/verify/index.js';

/** A type with its readonly modifiers removed, all the way down. */
type Writable<T> = T extends readonly (infer Item)[] ? Writable<Item>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

describe('the run results', () => {
  it('have exactly the shape of the SDK’s ScoringContractResultView (read-only)', () => {
    expectTypeOf<Writable<ScoringFunctionResult>>().toEqualTypeOf<ScoringFunctionResultView>();
    expectTypeOf<Writable<ScoringContractResult>>().toEqualTypeOf<ScoringContractResultView>();
    expectTypeOf<ScoringContractResultView>().toExtend<ScoringContractResult>();
  });
});

describe('the options', () => {
  it('take scripts or functions as custom scorers, and nothing but the known keys', () => {
    expectTypeOf<{ customScorers: { a: string; b: CustomScorerFunction } }>().toExtend<VerifyOptions>();
    // @ts-expect-error a custom scorer is a path or a function, not a score
    const options: VerifyOptions = { customScorers: { a: 1 } };
    void options;
  });
});
