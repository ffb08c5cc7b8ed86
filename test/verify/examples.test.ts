import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineSuite, isScenarioBuilder, isSuite, type ScenarioBuilder } from '../../src/index.js';
import { formatVerification, verifySuite } from '../../src/verify/index.js';

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));

describe('the examples', () => {
  it('all verify on their workspaces (prepared checkouts: without their launch commands)', { timeout: 120_000 }, async () => {
    const builders = new Set<ScenarioBuilder>();
    for (const file of files) {
      const module: Record<string, unknown> = await import(new URL(file, dir).href);
      for (const value of Object.values(module)) {
        for (const builder of isSuite(value) ? value.builders : isScenarioBuilder(value) ? [value] : []) builders.add(builder);
      }
    }
    const { results } = await verifySuite(defineSuite('examples', [...builders]), { setup: false });
    expect(results).toHaveLength(107);
    expect(results.filter((result) => result.verdict !== 'verified').map(formatVerification)).toEqual([]);
  });
});
