/**
 * Builds every scenario exported by the examples and prints its payload: `npm run examples`.
 */
import { readdir } from 'node:fs/promises';
import { isScenarioBuilder } from 'scenariokit';

const here = new URL('.', import.meta.url);
const files = (await readdir(here)).filter((file) => file.endsWith('.ts') && file !== 'build-all.ts').sort();

for (const file of files) {
  const module: Record<string, unknown> = await import(new URL(file, here).href);
  for (const [name, value] of Object.entries(module)) {
    if (!isScenarioBuilder(value)) continue;
    console.log(`# ${file} — ${name}`);
    console.log(JSON.stringify(value.validateCreate().data ?? value.build(), null, 2));
  }
}
