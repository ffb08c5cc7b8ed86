/**
 * The README's "On a fresh clone" commands: the main job runs the local build (never `npx`, which
 * would install the package into npm's cache from inside its own clone), and .ci/run runs
 * exactly what the README shows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');
const readme = read('README.md');
const packageJson = JSON.parse(read('package.json')) as { bin: Record<string, string>; scripts: Record<string, string> };
const ci = read('.ci/run');

/** The commands of the README's "On a fresh clone" table, by row. */
const freshClone = [...readme.slice(readme.indexOf('## On a fresh clone'), readme.indexOf('\n## ', readme.indexOf('## On a fresh clone') + 1)).matchAll(/^\| (.+?) \| `(.+)` \|$/gm)].map(
  ([, what, command]) => ({ what: what!, command: command! }),
);

describe("the README's fresh-clone commands", () => {
  it('are two: the main job with no account, and the tests', () => {
    expect(freshClone).toEqual([
      { what: expect.stringContaining('the main job'), command: 'npm ci && npm run examples' },
      { what: 'the tests', command: 'npm ci && npm test' },
    ]);
  });

  it('run the main job with the local build, on the embedded target, without npx', () => {
    expect(packageJson.scripts.examples).toBe(`node ${packageJson.bin.scenariokit!.replace(/^\.\//, "")} push examples/ --local`);
    expect(packageJson.scripts.prepare).toBe('npm run build'); // npm ci builds what it runs
  });

  it('verify the examples with the local build too, as the README shows and .ci/run runs', () => {
    expect(packageJson.scripts['verify-examples']).toBe(`node ${packageJson.bin.scenariokit!.replace(/^\.\//, '')} verify examples/ --no-setup`);
    expect(readme).toMatch(/^npm run verify-examples +# /m);
    expect(ci.split('\n')).toContain('npm run verify-examples');
  });

  it('are what .ci/run runs', () => {
    const lines = ci.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
    for (const command of freshClone.flatMap(({ command }) => command.split(' && '))) expect(lines).toContain(command);
    expect(ci).not.toMatch(/\bnpx scenariokit\b/);
  });
});
