import { describe, expectTypeOf, it } from 'vitest';
import { fromHarborTask, fromSweBench, importSweBench, type ImportResult, type SweBenchInstance } from '../../src/import/index.js';
import type { ScenarioBuilder, ScenarioCreatePayload, Step } from '../../src/index.js';

declare const row: SweBenchInstance;

describe('the importers’ types', () => {
  it('return builders that are ready to create', async () => {
    expectTypeOf(fromSweBench(row, { blueprintId: 'bpt_1' })).toEqualTypeOf<ScenarioBuilder<Step>>();
    expectTypeOf(fromSweBench(row, { blueprintId: 'bpt_1' }).buildCreate()).toEqualTypeOf<ScenarioCreatePayload>();
    expectTypeOf(fromHarborTask('dir', { blueprintId: async () => 'bpt_1' })).toEqualTypeOf<Promise<ScenarioBuilder<Step>>>();
    expectTypeOf(importSweBench([row], { blueprintId: 'bpt_1' })).toEqualTypeOf<ImportResult<ScenarioBuilder<Step>>>();
  });

  it('need a blueprint and know their options', () => {
    // @ts-expect-error blueprintId is required
    fromSweBench(row, {});
    // @ts-expect-error not an option of the SWE-bench import
    fromSweBench(row, { blueprintId: 'bpt_1', workdir: '/testbed' });
    // @ts-expect-error the log formats are pytest, django and sympy
    fromSweBench(row, { blueprintId: 'bpt_1', logParser: 'jest' });
    // @ts-expect-error a row needs its instance_id (and the other required fields)
    fromSweBench({ repo: 'acme/calc' }, { blueprintId: 'bpt_1' });
  });
});
