import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defineSuite, isScenarioBuilder, isSuite, type ScenarioBuilder, type ScenarioCreatePayload } from '../../src/index.js';
import { cli, project, root } from './cli-helpers.js';

/** A valid create payload named `name`. */
const payload = (name: string, extra: object = {}) => ({
  name,
  input_context: { problem_statement: `Fix ${name}` },
  scoring_contract: { scoring_function_parameters: [{ name: 'tests', scorer: { type: 'command_scorer', command: 'npm test' }, weight: 1 }] },
  ...extra,
});

/** A project whose `scenarios/` holds `files` written as they are (data, not modules). */
function dataProject(files: Record<string, string>, modules: Record<string, string> = {}): string {
  const dir = project(modules);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'scenarios', name)), { recursive: true });
    writeFileSync(join(dir, 'scenarios', name), text);
  }
  return dir;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The create payloads of every scenario the examples export, as the DSL builds them. */
async function examplePayloads(): Promise<ScenarioCreatePayload[]> {
  const dir = join(root, 'examples');
  const payloads: ScenarioCreatePayload[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    const builders = Object.values(module).flatMap((value): ScenarioBuilder[] => (isSuite(value) ? [...value.builders] : isScenarioBuilder(value) ? [value] : []));
    payloads.push(...defineSuite(file, builders).scenarios().map((scenario) => scenario.payload));
  }
  return payloads;
}

describe('payload files: create payloads kept as data', () => {
  it('reads a .json file holding one payload: build prints it back as it was', async () => {
    const one = payload('json-single', { metadata: { team: 'evals' }, environment_parameters: { blueprint_id: 'bpt_1', working_directory: '/repo' } });
    const dir = dataProject({ 'one.json': json(one) });
    expect(await cli(['validate', 'scenarios/one.json'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 scenario is valid.\n', stderr: '' });
    const build = await cli(['build', 'scenarios/one.json'], { cwd: dir });
    expect(JSON.parse(build.stdout)).toEqual([one]);
  });

  it('reads a .json file holding a list of payloads, in order', async () => {
    const dir = dataProject({ 'list.json': json([payload('first'), payload('second')]) });
    const build = await cli(['build', 'scenarios'], { cwd: dir });
    expect(build.code).toBe(0);
    expect(JSON.parse(build.stdout)).toEqual([payload('first'), payload('second')]);
  });

  it('reads a .yaml file holding one payload, and a .yml file holding a list', async () => {
    const dir = dataProject({
      'single.yaml': stringify(payload('yaml-single', { scorer_timeout_sec: 600, validation_type: 'FORWARD', reference_output: 'diff --git a/x b/x\n' })),
      'list.yml': stringify([payload('yaml-a'), payload('yaml-b', { required_environment_variables: ['CI'] })]),
    });
    const build = await cli(['build', 'scenarios'], { cwd: dir });
    expect(build.code).toBe(0);
    // files sorted by path: list.yml, then single.yaml
    expect(JSON.parse(build.stdout)).toEqual([
      payload('yaml-a'),
      payload('yaml-b', { required_environment_variables: ['CI'] }),
      payload('yaml-single', { scorer_timeout_sec: 600, validation_type: 'FORWARD', reference_output: 'diff --git a/x b/x\n' }),
    ]);
  });

  it('turns the payload of every example back into the same payload (fromView keeps everything they use)', async () => {
    const payloads = await examplePayloads();
    // literal block scalars: a folded one (`>`) written by the yaml library reads back with an extra line in a diff
    const dir = dataProject({ 'examples.yaml': stringify(payloads, { blockQuote: 'literal' }) });
    const build = await cli(['build', 'scenarios/examples.yaml'], { cwd: dir });
    expect(build).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(build.stdout)).toEqual(JSON.parse(JSON.stringify(payloads)));
  });

  it('shares parts through YAML anchors and << merge keys, across a hundred and fifty scenarios', async () => {
    const items = Array.from({ length: 150 }, (_, index) => `- <<: *base\n  name: bug-${index}\n`).join('');
    const base = '- &base\n  name: base\n  input_context: { problem_statement: Fix it }\n  scoring_contract: { scoring_function_parameters: [{ name: t, weight: 1, scorer: { type: command_scorer, command: npm test } }] }\n';
    const dir = dataProject({ 'bugs.yaml': `${base}${items}` });
    const build = await cli(['build', 'scenarios'], { cwd: dir });
    expect(build).toMatchObject({ code: 0, stderr: '' });
    const payloads = JSON.parse(build.stdout) as { name: string }[];
    expect(payloads).toHaveLength(151);
    expect(payloads[150]).toEqual({ ...payload('bug-149'), input_context: { problem_statement: 'Fix it' }, scoring_contract: { scoring_function_parameters: [{ name: 't', scorer: { type: 'command_scorer', command: 'npm test' }, weight: 1 }] } });
  });

  it('names the file, the line and the path of every problem in a YAML list, and reads on (exit code 2, nothing sent)', async () => {
    const yaml = [
      '- name: good', //                                   1
      '  input_context: { problem_statement: ok }', //     2
      '  scoring_contract:', //                            3
      '    scoring_function_parameters:', //               4
      '      - { name: t, weight: 1, scorer: { type: command_scorer, command: npm test } }', // 5
      '- name: bad', //                                    6
      '  input_context:', //                               7
      '    problem_statement: "  "', //                    8
      '  metadata:', //                                    9
      '    version: 1.0', //                               10
      '  scoring_contract:', //                            11
      '    scoring_function_parameters:', //               12
      '      - name: tests', //                            13
      '        weight: 1', //                              14
      '        scorer:', //                                15
      '          type: command_scorer', //                 16
      '          comand: npm test', //                     17
      '  scorer_timeout_sec: 0', //                        18
      '',
    ].join('\n');
    const dir = dataProject({ 'tasks.yaml': yaml, 'other.json': json({ ...payload('other'), name: '' }) });
    const run = await cli(['push', 'scenarios', '--local'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        '6 problems with the files (2 files read); nothing was sent:',
        '  - scenarios/other.json:2: name: must not be blank',
        '  - scenarios/tasks.yaml:8: [1].input_context.problem_statement: must not be blank',
        '  - scenarios/tasks.yaml:10: [1].metadata.version: metadata values must be strings',
        '  - scenarios/tasks.yaml:15: [1].scoring_contract.scoring_function_parameters[0].scorer.command: is missing; a create payload needs it',
        '  - scenarios/tasks.yaml:17: [1].scoring_contract.scoring_function_parameters[0].scorer.comand: unknown field "comand" — did you mean "command"?',
        '  - scenarios/tasks.yaml:18: [1].scorer_timeout_sec: must be at least 1 second',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, '.scenariokit'))).toBe(false); // no target was opened
  });

  it('rejects unknown fields at any depth, and a missing required field', async () => {
    const dir = dataProject({
      'typo.json': json({ ...payload('typo'), input_context: { problem_statement: 'p', hints: 'x' }, tags: ['a'], metadata: { ' ': 'blank key' } }),
      'missing.yaml': 'name: no-scorers\ninput_context:\n  problem_statement: p\n',
    });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('  - scenarios/missing.yaml:1: scoring_contract: is missing; a create payload needs it\n');
    expect(run.stderr).toContain('  - scenarios/typo.json:5: input_context.hints: unknown field "hints"; the fields here are "problem_statement", "additional_context"\n');
    expect(run.stderr).toMatch(/ {2}- scenarios\/typo\.json:\d+: tags: unknown field "tags"; the fields here are "name", "input_context", "scoring_contract", /);
    expect(run.stderr).toMatch(/ {2}- scenarios\/typo\.json:\d+: metadata\[" "\]: metadata key must not be blank\n/);
  });

  it('suggests the field an unknown one probably meant, at any depth and in each kind of scorer', async () => {
    const dir = dataProject({
      'typos.yaml': stringify({
        name: 'typos',
        input_contxt: { problem_statement: 'p' },
        environment_parameters: { blueprint_id: 'bpt_1', launch_parameters: { launch_comands: ['npm ci'] } },
        scoring_contract: {
          scoring_function_parameters: [
            { name: 'grep', scorer: { type: 'ast_grep_scorer', pattern: 'x', serach_directory: 'src' }, weight: 0.5 },
            { name: 'tests', scorer: { type: 'test_based_scorer', test_command: 't', test_files: [{ file_path: 'a', file_contens: 'b' }] }, wieght: 0.5 },
          ],
        },
      }),
    });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    for (const line of [
      'input_contxt: unknown field "input_contxt" — did you mean "input_context"?',
      'environment_parameters.launch_parameters.launch_comands: unknown field "launch_comands" — did you mean "launch_commands"?',
      'scoring_contract.scoring_function_parameters[0].scorer.serach_directory: unknown field "serach_directory" — did you mean "search_directory"?',
      'scoring_contract.scoring_function_parameters[1].scorer.test_files[0].file_contens: unknown field "file_contens" — did you mean "file_contents"?',
      'scoring_contract.scoring_function_parameters[1].wieght: unknown field "wieght" — did you mean "weight"?',
    ]) {
      expect(run.stderr).toMatch(new RegExp(` {2}- scenarios/typos\\.yaml:\\d+: ${line.replace(/[.*?()[\]"]/g, (char) => `\\${char}`)}\n`));
    }
  });

  it('says a file nests too deeply, naming the file, where the parser gave up and the depth a payload may have', async () => {
    const levels = 5_000; // far past what the stack lets the YAML parser follow
    const deep = `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const dir = dataProject({
      'deep.yaml': `name: deep\ninput_context:\n  problem_statement: p\n  additional_context: { a: ${deep} }\n`,
      'deep.json': json({ ...payload('deep-json'), input_context: { problem_statement: 'p', additional_context: { a: 0 } } }).replace('"a": 0', `"a": ${deep}`),
    });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /\n {2}- scenarios\/deep\.yaml:4:\d+: could not be parsed: nests too deeply for the YAML parser, which gave up here \(a few hundred levels in\); a payload's values may nest at most 64 levels \(MAX_JSON_DEPTH\)\n/,
    );
    expect(run.stderr).toMatch(/\n {2}- scenarios\/deep\.json: input_context\.additional_context\.a(\[0\])+: nests deeper than 64 levels; flatten it or send it as a string\n/);
    expect(run.stderr).not.toContain('Maximum call stack');
  });

  it('reports syntax errors and keys given twice with line and column, in JSON and YAML', async () => {
    const dir = dataProject({
      'broken.json': '{\n  "name": "x",\n  oops\n}\n',
      'broken.yaml': 'name: x\ninput_context: [a,\nmetadata: {}\n',
      'twice.yaml': 'name: a\nname: b\n',
      'twice.json': '{\n  "name": "a",\n  "name": "b"\n}\n',
      'two-docs.yaml': `${stringify(payload('a'))}---\n${stringify(payload('b'))}`,
    });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('  - scenarios/broken.json:3:3: could not be parsed: Expected double-quoted property name in JSON\n');
    expect(run.stderr).toMatch(/ {2}- scenarios\/broken\.yaml:3:1: could not be parsed: .+\n/);
    expect(run.stderr).toContain('  - scenarios/twice.yaml:2:1: could not be parsed: Map keys must be unique\n');
    expect(run.stderr).toContain('  - scenarios/twice.json:3:3: could not be parsed: Map keys must be unique\n'); // JSON.parse would keep the last
    expect(run.stderr).toMatch(/ {2}- scenarios\/two-docs\.yaml:\d+:1: could not be parsed: holds several YAML documents \(---\); put the payloads in one list instead\n/);
  });

  it('refuses a file that holds no payload: empty, a scalar, or a list item that is not an object', async () => {
    const dir = dataProject({ 'empty.yaml': '# nothing yet\n', 'number.json': '42\n', 'mixed.yaml': stringify([payload('ok'), 'not a payload']) });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('  - scenarios/empty.yaml: is empty (or null); a payload file holds a scenario create payload (an object) or a list of them\n');
    expect(run.stderr).toContain('  - scenarios/number.json: holds the number 42; a payload file holds a scenario create payload (an object) or a list of them\n');
    expect(run.stderr).toMatch(/ {2}- scenarios\/mixed\.yaml:\d+: \[1\]: is the string "not a payload"; each item of the list is a scenario create payload \(an object\)\n/);
  });

  it('takes every .json and .yaml file of a directory: one that is not a payload is an error naming it', async () => {
    const dir = dataProject({ 'tasks.yaml': stringify([payload('a')]), 'fixtures/settings.json': json({ name: 'fixture', version: '1.0.0' }) });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        '1 problem with the files (2 files read); nothing was sent:',
        '  - scenarios/fixtures/settings.json:1: not a scenario create payload: it has no input_context and no scoring_contract (its fields: name, version); if it is not meant to be one, move it out of the scenario folder',
        '',
      ].join('\n'),
    );
  });

  it("leaves a project's tool files, JSON Schemas and dot files out of a directory, and reads them when named", async () => {
    const dir = dataProject({
      'tasks.yaml': stringify([payload('a')]),
      'package.json': json({ name: 'evals', type: 'module' }),
      'package-lock.json': json({ lockfileVersion: 3 }),
      'tsconfig.json': json({ compilerOptions: {} }),
      'tsconfig.build.json': json({ extends: './tsconfig.json' }),
      'scenario.schema.json': json({ $schema: 'http://json-schema.org/draft-07/schema#' }),
      'pnpm-lock.yaml': 'lockfileVersion: 9\n',
      '.prettierrc.json': json({ semi: true }),
    });
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '1 scenario is valid.\n' });
    const named = await cli(['validate', 'scenarios/tsconfig.json'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('scenarios/tsconfig.json:1: not a scenario create payload');
  });

  it('names both files when a module and a YAML file use one scenario name', async () => {
    const dir = dataProject(
      { 'data/bugs.yaml': stringify([payload('other'), payload('fix-null')]) },
      { 'code.ts': "export const fixNull = Scenario.define('fix-null').problem('p').scorer(command('npm test'));" },
    );
    const run = await cli(['validate', 'scenarios'], { cwd: dir });
    expect(run.code).toBe(2);
    // files sorted by path: code.ts comes first, so the YAML item is the duplicate
    expect(run.stderr).toContain(
      '"fix-null" (scenarios/data/bugs.yaml:11, [1]):\n    - error name: scenario #1 (scenarios/code.ts, export fixNull) has the same name; names identify scenarios in a suite',
    );
  });

  it('pushes a YAML file to the embedded target, and a second push changes nothing; plan sees an edit', async () => {
    const dir = dataProject({ 'tasks.yaml': stringify([payload('a'), payload('b', { metadata: { owner: 'evals' } })]) });
    const first = await cli(['push', 'scenarios/tasks.yaml', '--local'], { cwd: dir });
    expect(first).toMatchObject({ code: 0, stdout: '2 were created, 0 were updated, 0 unchanged, 0 failed.\n' });
    const second = await cli(['push', 'scenarios/tasks.yaml', '--local'], { cwd: dir });
    expect(second).toMatchObject({ code: 0, stdout: '0 were created, 0 were updated, 2 unchanged, 0 failed.\n' });

    writeFileSync(join(dir, 'scenarios', 'tasks.yaml'), stringify([payload('a'), payload('b', { metadata: { owner: 'platform' } })]));
    const plan = await cli(['plan', 'scenarios', '--local'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('~ b (scn_');
    expect(plan.stdout).toContain('0 to create, 1 to update, 1 unchanged.');
  }, 30_000);
});

describe('scenariokit schema', () => {
  const schemaOf = async (dir: string) => {
    const run = await cli(['schema'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };

  it('prints a valid draft-07 JSON Schema, with its $id and title, that ajv compiles', async () => {
    const schema = await schemaOf(project({}));
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: expect.stringMatching(/^urn:scenariokit:\d+\.\d+\.\d+.*:payload-file$/),
      title: 'scenariokit payload file',
    });
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('accepts the payload of every example, one by one and as a list', async () => {
    const validate = new Ajv({ allErrors: true }).compile(await schemaOf(project({})));
    const payloads = JSON.parse(JSON.stringify(await examplePayloads())) as unknown[];
    expect(payloads.length).toBeGreaterThan(4);
    for (const one of payloads) expect(validate(one), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(payloads)).toBe(true);
  });

  it('rejects typical mistakes at their path', async () => {
    const schema = await schemaOf(project({}));
    const ajv = new Ajv({ allErrors: true });
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${schema.$id as string}#/definitions/ScenarioCreatePayload`)!;
    const errors = (value: unknown) => (validate(value) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`));
    const scorer = (definition: object, weight = 1) => ({ scoring_contract: { scoring_function_parameters: [{ name: 't', weight, scorer: definition }] } });

    expect(errors(payload('ok'))).toEqual([]);
    expect(errors({ ...payload('x'), input_context: { problem: 'p' } })).toEqual([
      '/input_context required {"missingProperty":"problem_statement"}',
      '/input_context additionalProperties {"additionalProperty":"problem"}',
    ]);
    const { name: _name, ...unnamed } = payload('x');
    expect(errors(unnamed)).toEqual([' required {"missingProperty":"name"}']);
    expect(errors({ ...payload('x'), metadata: { version: 1 } })).toEqual(['/metadata/version type {"type":"string"}']);
    expect(errors({ ...payload('x'), input_context: { problem_statement: 'p', additional_context: ['a'] } })).toEqual([
      '/input_context/additional_context type {"type":"object"}',
    ]);
    expect(errors({ ...payload('x'), scorer_timeout_sec: '600' })).toEqual(['/scorer_timeout_sec type {"type":"integer"}']);
    expect(errors({ ...payload('x'), ...scorer({ type: 'command_scorer', command: 'npm test' }, -1) })).toEqual([
      '/scoring_contract/scoring_function_parameters/0/weight minimum {"comparison":">=","limit":0}',
    ]);
    expect(errors({ ...payload('x'), ...scorer({ type: 'comand_scorer', command: 'npm test' }) })).toContainEqual(
      expect.stringMatching(/^\/scoring_contract\/scoring_function_parameters\/0\/scorer (oneOf|anyOf) /),
    );
    expect(errors({ ...payload('x'), environment_parameters: { blueprint_id: 'bpt_1', launch_parameters: { architecture: 'sparc' } } })).toEqual([
      '/environment_parameters/launch_parameters/architecture enum {"allowedValues":["x86_64","arm64"]}',
    ]);
  });

  it('writes the same schema with --out, replacing a file and refusing a folder', async () => {
    const dir = project({});
    writeFileSync(join(dir, 'scenario.schema.json'), 'old');
    const run = await cli(['schema', '--out', 'scenario.schema.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote scenario.schema.json.\n' });
    expect(JSON.parse(readFileSync(join(dir, 'scenario.schema.json'), 'utf8'))).toEqual(await schemaOf(dir));

    const refused = await cli(['schema', '--out', 'scenarios'], { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stderr: 'scenarios exists and is not a file, so it cannot be replaced; move it, or choose another --out. Nothing was written.\n' });
    expect(readdirSync(join(dir, 'scenarios'))).toEqual([]);
  });
});
