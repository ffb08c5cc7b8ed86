/**
 * Benchmark 3: type-checking cost. `tsc --noEmit` on a generated file of 300 scenarios written
 * with the DSL, against the same payloads written as object literals typed with
 * `satisfies ScenarioCreatePayload`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BenchReport, median, verdict } from './measure.js';

const COUNT = 300;
const RUNS = 5;
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = fileURLToPath(new URL('../.tmp/typecheck-bench/', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function dslFile(): string {
  const scenarios = Array.from(
    { length: COUNT },
    (_, i) => `export const s${i} = Scenario.define('bug-${i}')
  .env({ blueprintId: 'bpt_${i}', workingDirectory: '/home/user/repo', launch: { resourceSize: 'SMALL', launchCommands: ['npm ci'] } })
  .problem('Bug ${i}: parse() crashes on input ${i}.', { context: { issue: ${i} } })
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(testBased({ command: 'npm test -- ${i}', files: { 'test/bug-${i}.test.ts': 'it()' } }), 1)
  .scorer(command('npm run lint'), 1)
  .metadata({ bug: '${i}' })
  .buildCreate();`,
  );
  return `import { astGrep, command, Scenario, testBased } from 'scenariokit';\n\n${scenarios.join('\n\n')}\n`;
}

function literalFile(): string {
  const scenarios = Array.from(
    { length: COUNT },
    (_, i) => `export const s${i} = {
  name: 'bug-${i}',
  environment_parameters: { blueprint_id: 'bpt_${i}', working_directory: '/home/user/repo', launch_parameters: { resource_size_request: 'SMALL', launch_commands: ['npm ci'] } },
  input_context: { problem_statement: 'Bug ${i}: parse() crashes on input ${i}.', additional_context: { issue: ${i} } },
  scoring_contract: {
    scoring_function_parameters: [
      { name: 'ast-grep', scorer: { type: 'ast_grep_scorer', pattern: 'if (\\\\$X == null) { \\\\$\\\\$\\\\$ }', search_directory: 'src', lang: 'typescript' }, weight: 0.5 },
      { name: 'test-based', scorer: { type: 'test_based_scorer', test_command: 'npm test -- ${i}', test_files: [{ file_path: 'test/bug-${i}.test.ts', file_contents: 'it()' }] }, weight: 0.25 },
      { name: 'command', scorer: { type: 'command_scorer', command: 'npm run lint' }, weight: 0.25 },
    ],
  },
  metadata: { bug: '${i}' },
} satisfies ScenarioCreatePayload;`,
  );
  return `import type { ScenarioCreatePayload } from 'scenariokit';\n\n${scenarios.join('\n\n')}\n`;
}

/** tsc's own "Check time" for one file (program set-up, parsing and binding are left out), and its total. */
function check(file: string): { check: number; total: number } {
  const out = execFileSync(process.execPath, [tsc, '--noEmit', '--extendedDiagnostics', '-p', `${dir}${file}.tsconfig.json`], {
    cwd: root,
    encoding: 'utf8',
  });
  const seconds = (label: string) => Number(new RegExp(`${label}:\\s+([\\d.]+)s`).exec(out)?.[1]);
  return { check: seconds('Check time'), total: seconds('Total time') };
}

export async function typecheckBenchmark(): Promise<BenchReport> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of [['dsl', dslFile()], ['literal', literalFile()]] as const) {
    writeFileSync(`${dir}${name}.ts`, source);
    writeFileSync(
      `${dir}${name}.tsconfig.json`,
      // as users compile: against the built declarations, not scenariokit's sources
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { paths: { scenariokit: ['../../dist/index.d.ts'] } },
        include: [],
        files: [`${name}.ts`],
      }),
    );
  }
  const dsl: { check: number; total: number }[] = [];
  const literal: { check: number; total: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    dsl.push(check('dsl'));
    literal.push(check('literal'));
  }
  const med = (runs: typeof dsl, key: 'check' | 'total') => median(runs.map((run) => run[key]));
  const ratio = verdict(med(dsl, 'check') / med(literal, 'check'), 2, '≤');
  const body = [
    `| ${COUNT} scenarios | tsc Check time (median of ${RUNS}) | tsc Total time |`,
    '| --- | --- | --- |',
    `| written with the DSL | ${med(dsl, 'check').toFixed(2)} s | ${med(dsl, 'total').toFixed(2)} s |`,
    `| typed object literals (\`satisfies ScenarioCreatePayload\`) | ${med(literal, 'check').toFixed(2)} s | ${med(literal, 'total').toFixed(2)} s |`,
    `| ratio (Check time) | ${ratio.text} | ${(med(dsl, 'total') / med(literal, 'total')).toFixed(2)}× |`,
    '',
    "Both files import scenariokit's built declarations (`dist/index.d.ts`), as users' code does, so both pay for loading its types; the target is judged on Check time, the part that grows with the code written (the Total ratio is diluted by the fixed cost of loading libraries).",
  ].join('\n');
  return { title: 'Type-checking cost', body, met: ratio.met };
}
