import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromSweBench, ImportError, importSweBench, importSweBenchFile, type SweBenchInstance } from '../../src/import/index.js';
import { checkInstance } from '../../src/import/swe-bench/swe-bench-instance.js';
import { planTests } from '../../src/import/swe-bench/test-plan.js';
import { FIXTURES, readJson, rowsOf, scriptOf } from './swe-bench-helpers.js';

const lite = rowsOf('swe-bench-lite-test.json');
const devEasy = rowsOf('swe-bench-dev-easy.json');
const derived = readJson('eval_scripts_v4.1.0.json') as Record<string, { test_cmd: string; test_directives: string[]; eval_script: string }>;
const options = { blueprintId: 'bpt_swe' };

describe('fromSweBench on the real SWE-bench instances', () => {
  it('imports every row of every fixture file, in both encodings of the test lists, and each validates', async () => {
    const files = ['swe-bench-lite-test.json', 'swe-bench-lite-test.hf-string-form.jsonl', 'swe-bench-dev-easy.json', 'swe-bench-dev-easy_first_only.json'];
    const results = await Promise.all(files.map((file) => importSweBenchFile(join(FIXTURES, file), options)));
    expect(results.map((result) => result.problems)).toEqual([[], [], [], []]);
    expect(results.map((result) => result.builders.map((builder) => builder.buildCreate().name))).toEqual([
      ['django__django-16255', 'sympy__sympy-13031', 'pytest-dev__pytest-11143', 'scikit-learn__scikit-learn-13584', 'django__django-15781'],
      ['django__django-16255', 'sympy__sympy-13031', 'pytest-dev__pytest-11143', 'scikit-learn__scikit-learn-13584', 'django__django-15781'],
      ['pydicom__pydicom-1458', 'pylint-dev__astroid-1268', 'pydicom__pydicom-1194', 'sqlfluff__sqlfluff-2386'],
      ['pydicom__pydicom-1458'],
    ]);
    for (const result of results) for (const builder of result.builders) expect(builder.validateCreate().success).toBe(true);
  });

  it('gives the same payload whether FAIL_TO_PASS/PASS_TO_PASS are lists or JSON-encoded strings', async () => {
    const lists = (await importSweBenchFile(join(FIXTURES, 'swe-bench-lite-test.json'), options)).builders.map((b) => b.buildCreate());
    const strings = (await importSweBenchFile(join(FIXTURES, 'swe-bench-lite-test.hf-string-form.jsonl'), options)).builders.map((b) => b.buildCreate());
    expect(JSON.parse(readFileSync(join(FIXTURES, 'swe-bench-lite-test.hf-string-form.jsonl'), 'utf8').split('\n')[0]!).FAIL_TO_PASS).toBeTypeOf('string');
    expect(strings).toEqual(lists);
  });

  it('maps an instance field by field', () => {
    const row = lite.find((r) => r.instance_id === 'django__django-15781')!;
    const payload = fromSweBench(row as SweBenchInstance, { ...options, dataset: 'princeton-nlp/SWE-bench_Lite' }).buildCreate();
    expect(payload).toMatchObject({
      name: 'django__django-15781',
      input_context: { problem_statement: row.problem_statement },
      environment_parameters: { blueprint_id: 'bpt_swe', working_directory: '/testbed' },
      reference_output: row.patch,
      validation_type: 'FORWARD',
      metadata: {
        instance_id: 'django__django-15781',
        repo: 'django/django',
        base_commit: '8d160f154f0240a423e83ffe0690e472f837373c',
        version: '4.2',
        environment_setup_commit: row.environment_setup_commit,
        created_at: row.created_at,
        dataset: 'princeton-nlp/SWE-bench_Lite',
      },
    });
    expect(Object.keys(payload.metadata!).sort()).toEqual(['base_commit', 'created_at', 'dataset', 'environment_setup_commit', 'instance_id', 'repo', 'version']);
    expect(payload.scoring_contract.scoring_function_parameters).toEqual([
      { name: 'swe-bench-tests', weight: 1, scorer: { type: 'bash_script_scorer', bash_script: expect.stringContaining('#!/bin/bash') } },
    ]);
    expect(payload.input_context.problem_statement).not.toContain(String(row.hints_text).slice(0, 30));
  });

  it('adds the hints only when asked, and takes the blueprint from a function of the instance', () => {
    const row = lite.find((r) => r.instance_id === 'sympy__sympy-13031')!;
    expect(String(row.hints_text).length).toBeGreaterThan(0);
    const payload = fromSweBench(row as SweBenchInstance, { blueprintId: (instance) => `bpt_${instance.instance_id.replace(/\W+/g, '_')}`, includeHints: true, workingDirectory: '/repo' }).buildCreate();
    expect(payload.input_context.problem_statement).toBe(`${String(row.problem_statement).trimEnd()}\n\n## Hints\n\n${String(row.hints_text).trim()}\n`);
    expect(payload.environment_parameters).toEqual({ blueprint_id: 'bpt_sympy__sympy_13031', working_directory: '/repo' });
  });

  it('ignores keys that are not SWE-bench fields (the dev-easy rows carry query and task_id)', () => {
    expect(devEasy[0]).toHaveProperty('query');
    const { query: _query, task_id: _taskId, ...bare } = devEasy[0]!;
    expect(fromSweBench(devEasy[0] as SweBenchInstance, options).buildCreate()).toEqual(fromSweBench(bare as SweBenchInstance, options).buildCreate());
  });
});

describe('the test plan, compared with SWE-bench 4.1’s own evaluation scripts', () => {
  const rows = [...lite, ...devEasy];
  const ids = Object.keys(derived).filter((key) => key !== '_provenance');

  it('covers every derived instance', () => {
    expect(ids.length).toBe(9);
    for (const id of ids) expect(rows.some((row) => row.instance_id === id)).toBe(true);
  });

  for (const id of Object.keys(derived).filter((key) => key !== '_provenance')) {
    it(`runs the same test command, test files, restore and install as the harness for ${id}`, () => {
      const row = rows.find((r) => r.instance_id === id)!;
      const { test_cmd, test_directives, eval_script } = derived[id]!;
      const plan = planTests(checkInstance(row).instance!, {}).plan!;
      expect(plan.testCommand).toBe(test_cmd);
      expect(plan.directives).toEqual(test_directives);
      const restoreLine = eval_script.split('\n').find((line) => line.startsWith(`git checkout ${String(row.base_commit)} `))!;
      expect(plan.restoreFiles).toEqual(restoreLine.split(' ').slice(3));
      const lines = eval_script.split('\n');
      const installLine = lines[lines.findIndex((line) => line === restoreLine) - 1]!;
      expect(plan.install).toBe(installLine);
      // the scorer runs exactly that command on exactly those files
      const script = scriptOf(fromSweBench(row as SweBenchInstance, options));
      expect(script).toContain(`\n  ${test_cmd} ${test_directives.join(' ')}\n`);
      expect(script).toContain(`\ngit checkout ${String(row.base_commit)} -- ${plan.restoreFiles.join(' ')} >&2`);
      expect(script).toContain(`\n  {\n    ${installLine}\n  } >&3 2>&3\n`);
      // and embeds the test patch and the test names byte for byte
      expect(script).toContain(`<<'SCENARIOKIT_TEST_PATCH'\n${String(row.test_patch)}SCENARIOKIT_TEST_PATCH\n`);
      const tests = JSON.parse(/<<'SCENARIOKIT_TESTS'\n(.*)\nSCENARIOKIT_TESTS/.exec(script)![1]!);
      expect(tests).toEqual({ FAIL_TO_PASS: row.FAIL_TO_PASS, PASS_TO_PASS: row.PASS_TO_PASS });
    });
  }

  it('names a test file the patch creates for removal instead of a restore, and skips data files', () => {
    const testPatch = [
      'diff --git a/tests/new_test.py b/tests/new_test.py',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/tests/new_test.py',
      '@@ -0,0 +1 @@',
      '+def test_x(): pass',
      'diff --git a/tests/data/input.json b/tests/data/input.json',
      '--- a/tests/data/input.json',
      '+++ b/tests/data/input.json',
      '@@ -1 +1 @@',
      '--- a/not/a/header.sql',
      '+-- b',
      '',
    ].join('\n');
    const plan = planTests(checkInstance({ ...lite[2], test_patch: testPatch }).instance!, {}).plan!;
    expect(plan).toMatchObject({ directives: ['tests/new_test.py'], restoreFiles: ['tests/data/input.json'], createdFiles: ['tests/new_test.py'] });
  });
});

describe('bad rows and options', () => {
  it('reports a missing field naming the row and the field, and imports the other rows', () => {
    const rows = [lite[0], { ...lite[1], FAIL_TO_PASS: undefined, base_commit: 'HEAD; rm -rf /' }, lite[2]];
    const result = importSweBench(rows, options);
    expect(result.builders.map((b) => b.buildCreate().name)).toEqual(['django__django-16255', 'pytest-dev__pytest-11143']);
    expect(result.problems).toEqual([
      { source: 'row 2 (sympy__sympy-13031)', field: 'base_commit', message: 'must be a commit hash (got "HEAD; rm -rf /")' },
      { source: 'row 2 (sympy__sympy-13031)', field: 'FAIL_TO_PASS', message: 'is missing; every SWE-bench row has it (a list of test names, or that list JSON-encoded)' },
    ]);
  });

  it('throws an ImportError from fromSweBench with every problem', () => {
    const { problem_statement: _, ...row } = lite[0]!;
    expect(() => fromSweBench({ ...row, PASS_TO_PASS: '[not json' } as unknown as SweBenchInstance, options)).toThrow(ImportError);
    try {
      fromSweBench({ ...row, PASS_TO_PASS: '[not json' } as unknown as SweBenchInstance, options);
    } catch (error) {
      expect((error as ImportError).problems.map((p) => `${p.source}: ${p.field}`)).toEqual([
        'django__django-16255: problem_statement',
        'django__django-16255: PASS_TO_PASS',
      ]);
      expect((error as ImportError).message).toContain('django__django-16255: PASS_TO_PASS: is a string but not a JSON-encoded list of test names');
    }
  });

  it('reports a bad option and the row\'s own problems together from fromSweBench', () => {
    const { problem_statement: _, ...row } = lite[0]!;
    const error = (() => {
      try {
        fromSweBench({ ...row, PASS_TO_PASS: '[not json' } as unknown as SweBenchInstance, { ...options, includeHint: true } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      { source: 'django__django-16255', field: 'options.includeHint', message: 'unknown option "includeHint" — did you mean "includeHints"?' },
      { source: 'django__django-16255', field: 'problem_statement', message: expect.any(String) },
      { source: 'django__django-16255', field: 'PASS_TO_PASS', message: expect.stringContaining('is a string but not a JSON-encoded list of test names') },
    ]);
  });

  it('names the file and line of a JSONL line that is not JSON', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'scenariokit-jsonl-'));
    writeFileSync(join(dir, 'rows.jsonl'), `${JSON.stringify(lite[0])}\n{oops\n${JSON.stringify(lite[1])}\n`);
    const result = await importSweBenchFile(join(dir, 'rows.jsonl'), options);
    expect(result.builders).toHaveLength(2);
    expect(result.problems).toEqual([{ source: 'rows.jsonl line 2', field: '(row)', message: expect.stringMatching(/^is not JSON: /) }]);
    const missing = await importSweBenchFile(join(dir, 'absent.json'), options);
    expect(missing.problems).toEqual([{ source: join(dir, 'absent.json'), field: '(file)', message: expect.stringMatching(/^cannot be read: ENOENT/) }]);
  });

  it('imports a row repeated word for word once, with a warning, and refuses two different rows with one id', () => {
    const result = importSweBench([lite[0], lite[0], { ...lite[0], version: '9.9' }], options);
    expect(result.builders).toHaveLength(1);
    expect(result.warnings).toEqual([{ source: 'row 2 (django__django-16255)', field: 'instance_id', message: 'repeats row 1 word for word; imported once' }]);
    expect(result.problems).toEqual([
      { source: 'row 3 (django__django-16255)', field: 'instance_id', message: '"django__django-16255" is also the id of row 1, with other fields; scenario names must be unique' },
    ]);
  });

  it('needs testCommand for a repository outside the table, and then uses it', () => {
    const row = { ...lite[2], repo: 'acme/widgets', instance_id: 'acme__widgets-1' };
    expect(importSweBench([row], options).problems).toEqual([
      { source: 'row 1 (acme__widgets-1)', field: 'repo', message: "acme/widgets is not in scenariokit's table of SWE-bench repositories; give the testCommand option (and logParser)" },
      { source: 'row 1 (acme__widgets-1)', field: 'repo', message: "no log format is known for acme/widgets; give the logParser option ('pytest', 'django' or 'sympy')" },
    ]);
    const script = scriptOf(fromSweBench(row as SweBenchInstance, { ...options, testCommand: 'tox -e py -- -rA', logParser: 'pytest' }));
    expect(script).toContain('\n  tox -e py -- -rA testing/test_assertrewrite.py\n');
    expect(script).not.toContain('pip install');
    expect(script).toContain(`"$work/grade.py" pytest `);
  });

  it('refuses unknown and ill-typed options, once for the whole batch', () => {
    const result = importSweBench(lite, { blueprintId: '', workdir: '/x', logParser: 'jest' } as never);
    expect(result.builders).toEqual([]);
    expect(result.problems).toEqual([
      { source: 'options', field: 'options.blueprintId', message: 'must not be blank' },
      { source: 'options', field: 'options.workdir', message: 'unknown option "workdir" — did you mean "workingDirectory"?' },
      { source: 'options', field: 'options.logParser', message: 'must be "pytest", "django" or "sympy"' },
    ]);
    expect(importSweBench(lite, { blueprintID: 'bpt_1' } as never).problems).toEqual([
      { source: 'options', field: 'options.blueprintID', message: 'unknown option "blueprintID" — did you mean "blueprintId"?' },
      { source: 'options', field: 'options.blueprintId', message: 'is required' },
    ]);
    expect(importSweBench(lite, { blueprintId: 7 } as never).problems).toEqual([
      { source: 'options', field: 'options.blueprintId', message: 'must be a blueprint id or a function that returns one' },
    ]);
  });

  it('reports a blueprint function that throws or returns no id', () => {
    const result = importSweBench([lite[0], lite[1]], { blueprintId: (row) => (row.repo === 'django/django' ? '' : (null as never)) });
    expect(result.problems.map((p) => `${p.source}: ${p.field}: ${p.message}`)).toEqual([
      'row 1 (django__django-16255): options.blueprintId: the function must return a blueprint id (got the string "")',
      'row 2 (sympy__sympy-13031): options.blueprintId: the function must return a blueprint id (got null)',
    ]);
    const objects = importSweBench([lite[0]], { blueprintId: () => ({ id: 'bpt_1' }) as never });
    expect(objects.problems.map((p) => p.message)).toEqual(['the function must return a blueprint id (got an object)']);
    const asynchronous = importSweBench([lite[0]], { blueprintId: (async () => { throw new Error('not waited for'); }) as never });
    expect(asynchronous.problems.map((p) => `${p.source}: ${p.field}: ${p.message}`)).toEqual([
      'row 1 (django__django-16255): options.blueprintId: the function must return the blueprint id synchronously (got a Promise): SWE-bench rows are imported without waiting; look the ids up first and return them from a Map',
    ]);
    const thrown = importSweBench([lite[0]], { blueprintId: () => { throw new Error('no blueprint for django'); } });
    expect(thrown.problems[0]!.message).toBe('the function threw: no blueprint for django');
  });
});

describe('what the scorer embeds', () => {
  it('keeps an instance id with a line break inside its comment line', () => {
    const script = scriptOf(fromSweBench({ ...lite[2], instance_id: 'x\ntouch injected' } as SweBenchInstance, options));
    expect(script.split('\n').filter((line) => line.includes('touch injected'))).toEqual(['# SWE-bench evaluation of x touch injected, imported by scenariokit: restores the test files,']);
  });
});

describe('the scorer’s size', () => {
  it('keeps every real instance within the default budget of 120 000 bytes, and reports one over a smaller budget', () => {
    const sizes = [...lite, ...devEasy].map((row) => Buffer.byteLength(scriptOf(fromSweBench(row as SweBenchInstance, options))));
    expect(Math.max(...sizes)).toBeLessThan(120_000);
    const largest = [...lite, ...devEasy][sizes.indexOf(Math.max(...sizes))]!;
    expect(largest.instance_id).toBe('pydicom__pydicom-1458');
    const result = importSweBench([largest], { ...options, maxScriptBytes: 10_000 });
    expect(result.problems).toEqual([
      {
        source: 'row 1 (pydicom__pydicom-1458)',
        field: 'options.maxScriptBytes',
        message: expect.stringMatching(/^the generated scorer script is \d+ bytes \(test_patch 3301 bytes, test names \d+ bytes\), over the budget of 10000; raise maxScriptBytes/),
      },
    ]);
  });
});
