import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScenarioBuilder, isSuite, type ScenarioBuilder } from '../src/index.js';

const dir = new URL('../examples/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));

describe('examples', () => {
  it.each(files)('%s exports scenarios ready to create', async (file) => {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    const builders = Object.values(module).flatMap((value): ScenarioBuilder[] =>
      isSuite(value) ? [...value.builders] : isScenarioBuilder(value) ? [value] : [],
    );
    expect(builders.length).toBeGreaterThan(0);
    for (const builder of builders) expect(builder.validateCreate().error).toBeUndefined();
  });
});
