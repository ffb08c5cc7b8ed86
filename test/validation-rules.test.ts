import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  astGrep,
  bashScript,
  command,
  custom,
  pythonScript,
  Scenario,
  ScenarioUpdatePayloadSchema,
  testBased,
  ISSUE_CODES,
  MAX_JSON_DEPTH,
  type IssueCode,
  type LaunchInput,
  type ScenarioBuilder,
  type ScenarioIssue,
} from '../src/index.js';

/** Casts an input that the compiler rightly rejects, to prove the runtime check too. */
const untyped = <T>(value: unknown) => value as T;

const valid = Scenario.define('rules').problem('p').scorer(command('npm test'));
const LAUNCH = ['environment_parameters', 'launch_parameters'];
const FIRST_SCORER = ['scoring_contract', 'scoring_function_parameters', 0];

const withLaunch = (launch: LaunchInput) => valid.env({ launch });
const withScorer = (scorer: Parameters<typeof valid.scorer>[0]) => valid.removeScorer('command').scorer(scorer);

interface Case {
  rule: string;
  builder: ScenarioBuilder<any>;
  path: (string | number)[];
  code: IssueCode;
  message: string | RegExp;
  fix?: string;
  inputPath?: string;
}

const deep = (levels: number) => {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < levels; level++) value = { nested: value };
  return value;
};

const cases: Case[] = [
  // names
  { rule: 'scenario name non-blank', builder: valid.name('  '), path: ['name'], code: 'invalid-value', message: 'must not be blank', fix: 'Scenario.define(name) or .name(name)', inputPath: 'name' },
  {
    rule: 'scorer names match [a-zA-Z0-9_-]+',
    builder: withScorer(command('x', { name: 'has space' })),
    path: [...FIRST_SCORER, 'name'],
    code: 'invalid-value',
    message: 'may only contain letters, digits, "_" and "-"',
    fix: 'command(command, { name })',
    inputPath: 'scorer[0].name',
  },
  {
    rule: 'scorer names unique (a warning: the API stores duplicates)',
    builder: valid.scorer(command('y', { name: 'lint' })).scorer(command('z', { name: 'lint' })),
    path: ['scoring_contract', 'scoring_function_parameters', 2, 'name'],
    code: 'duplicate-scorer-name',
    message: 'scorer name "lint" is used twice',
    inputPath: 'scorer[2].name',
  },
  // weights
  { rule: 'weights not negative', builder: valid.scorer(command('y'), -1), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], code: 'invalid-value', message: 'must not be negative', fix: '.scorer(scorer, weight)', inputPath: 'scorer[1].weight' },
  { rule: 'weights finite (NaN)', builder: valid.scorer(command('y'), Number.NaN), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], code: 'invalid-type', message: /number/ },
  { rule: 'weights finite (Infinity)', builder: valid.scorer(command('y'), Number.POSITIVE_INFINITY), path: ['scoring_contract', 'scoring_function_parameters', 1, 'weight'], code: 'invalid-type', message: /number/ },
  { rule: 'weights have a positive total', builder: withScorer(command('x')).replaceScorer('command', command('x'), 0), path: ['scoring_contract', 'scoring_function_parameters'], code: 'zero-weights', message: 'all weights are 0; give at least one scorer a positive weight' },
  {
    rule: 'exact weights sum to 1 (a warning: the API says they should)',
    builder: valid.scorer(command('y'), 0.5).weights('exact'),
    path: ['scoring_contract', 'scoring_function_parameters'],
    code: 'weights-not-normalised',
    message: "weights should sum to 1 (±1e-6) when sent exactly, but they sum to 1.5; fix them or drop .weights('exact')",
  },
  { rule: 'exact weights above 1 sum above 1', builder: valid.replaceScorer('command', command('x'), 2).weights('exact'), path: ['scoring_contract', 'scoring_function_parameters'], code: 'weights-not-normalised', message: /sum to 2;/ },
  { rule: 'at least one scorer in a contract', builder: valid.removeScorer('command'), path: ['scoring_contract', 'scoring_function_parameters'], code: 'missing-field', message: 'needs at least one scorer' },
  // scorers' text
  { rule: 'ast-grep pattern non-blank', builder: withScorer(astGrep(' ')), path: [...FIRST_SCORER, 'scorer', 'pattern'], code: 'blank-text', message: 'must not be blank', fix: 'astGrep(pattern)', inputPath: 'scorer[0].pattern' },
  { rule: 'ast-grep pattern without NUL', builder: withScorer(astGrep('a\0b')), path: [...FIRST_SCORER, 'scorer', 'pattern'], code: 'nul-character', message: 'must not contain a NUL character' },
  { rule: 'ast-grep pattern given as escaped is escaped', builder: withScorer(astGrep('print("Hello")', { escaped: true })), path: [...FIRST_SCORER, 'scorer', 'pattern'], code: 'pattern-not-escaped', message: /has a \$, backtick or " that is not escaped/ },
  { rule: 'ast-grep pattern given as escaped does not end in a lone backslash', builder: withScorer(astGrep('a\\', { escaped: true })), path: [...FIRST_SCORER, 'scorer', 'pattern'], code: 'pattern-not-escaped', message: /ends with a lone/ },
  { rule: 'ast-grep search directory non-blank', builder: withScorer(astGrep('x', { searchDirectory: '' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], code: 'blank-text', message: 'must not be blank', fix: 'astGrep(pattern, { searchDirectory })', inputPath: 'scorer[0].searchDirectory' },
  { rule: 'ast-grep search directory without command substitution', builder: withScorer(astGrep('x', { searchDirectory: '$(touch x)' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], code: 'search-directory-special-characters', message: '"$(touch x)" has characters a shell interprets ("$" "(" " " ")"); use a plain relative path' },
  { rule: 'ast-grep search directory not absolute', builder: withScorer(astGrep('x', { searchDirectory: '/' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], code: 'search-directory-outside', message: '"/" is outside the working directory; give a path inside it, such as "src" or "."' },
  { rule: 'ast-grep search directory inside the working directory', builder: withScorer(astGrep('x', { searchDirectory: '../..' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], code: 'search-directory-outside', message: /"\.\.\/\.\." is outside the working directory/ },
  { rule: 'ast-grep search directory without NUL', builder: withScorer(astGrep('x', { searchDirectory: 'src\0' })), path: [...FIRST_SCORER, 'scorer', 'search_directory'], code: 'nul-character', message: 'must not contain a NUL character' },
  { rule: 'ast-grep lang non-blank', builder: withScorer(astGrep('x', { lang: '' })), path: [...FIRST_SCORER, 'scorer', 'lang'], code: 'blank-text', message: 'must not be blank', fix: 'astGrep(pattern, { lang })', inputPath: 'scorer[0].lang' },
  { rule: 'ast-grep lang is an ast-grep language', builder: withScorer(astGrep('x', { lang: 'typescrpt' })), path: [...FIRST_SCORER, 'scorer', 'lang'], code: 'unknown-ast-grep-language', message: '"typescrpt" is not one of ast-grep\'s built-in languages — did you mean "typescript"? (a language registered in sgconfig.yml is fine)' },
  { rule: 'bash script non-blank', builder: withScorer(bashScript('\n')), path: [...FIRST_SCORER, 'scorer', 'bash_script'], code: 'blank-text', message: 'must not be blank', fix: 'bashScript(script)', inputPath: 'scorer[0].script' },
  { rule: 'command non-blank', builder: withScorer(command('')), path: [...FIRST_SCORER, 'scorer', 'command'], code: 'blank-text', message: 'must not be blank', fix: 'command(command)', inputPath: 'scorer[0].command' },
  { rule: 'a command scorer has a command', builder: withScorer({ name: undefined, definition: untyped({ type: 'command_scorer' }) }), path: [...FIRST_SCORER, 'scorer', 'command'], code: 'missing-field', message: 'is required' },
  { rule: 'custom scorer type non-blank', builder: withScorer(custom(' ')), path: [...FIRST_SCORER, 'scorer', 'custom_scorer_type'], code: 'blank-text', message: 'must not be blank', fix: 'custom(type)', inputPath: 'scorer[0].type' },
  { rule: 'custom scorer type is a type name', builder: withScorer(custom('my scorer; rm -rf /')), path: [...FIRST_SCORER, 'scorer', 'custom_scorer_type'], code: 'invalid-custom-scorer-type', message: /is not a scorer type name/ },
  { rule: 'python script non-blank', builder: withScorer(pythonScript('')), path: [...FIRST_SCORER, 'scorer', 'python_script'], code: 'blank-text', message: 'must not be blank', fix: 'pythonScript(script)' },
  { rule: 'test command non-blank', builder: withScorer(testBased({ command: ' ' })), path: [...FIRST_SCORER, 'scorer', 'test_command'], code: 'blank-text', message: 'must not be blank', fix: 'testBased({ command })', inputPath: 'scorer[0].command' },
  // test files
  { rule: 'test file paths relative', builder: withScorer(testBased({ command: 't', files: { '/etc/passwd': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], code: 'test-path-absolute', message: '"/etc/passwd" is absolute; give a path relative to the working directory', fix: 'testBased({ files })', inputPath: 'scorer[0].files[0].path' },
  { rule: 'test file paths stay inside the working directory', builder: withScorer(testBased({ command: 't', files: { 'test/../../x.ts': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], code: 'test-path-outside', message: 'climbs out of the working directory with ".."' },
  { rule: 'test file paths name a file', builder: withScorer(testBased({ command: 't', files: { 'test/': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], code: 'test-path-not-a-file', message: '"test/" is not a file path' },
  { rule: 'test file paths without NUL', builder: withScorer(testBased({ command: 't', files: { 'a\0.py': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], code: 'nul-character', message: 'must not contain a NUL character' },
  { rule: 'test file paths without newlines', builder: withScorer(testBased({ command: 't', files: { 'a\n.py': 'x' } })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_path'], code: 'test-path-control-character', message: '"a\\n.py" has a newline, tab or other control character' },
  {
    rule: 'test file paths unique after normalising',
    builder: withScorer(testBased({ command: 't', files: [{ path: 'test/a.ts', contents: '1' }, { path: './test//a.ts', contents: '2' }] })),
    path: [...FIRST_SCORER, 'scorer', 'test_files', 1, 'file_path'],
    code: 'test-path-duplicate',
    message: '"./test//a.ts" is the same file as test_files[0]',
  },
  { rule: 'a test file has contents', builder: withScorer(testBased({ command: 't', files: untyped([{ path: 'a.py' }]) })), path: [...FIRST_SCORER, 'scorer', 'test_files', 0, 'file_contents'], code: 'missing-field', message: 'is required', inputPath: 'scorer[0].files[0].contents' },
  { rule: 'python version is a specifier', builder: withScorer(pythonScript('print(1)', { pythonVersion: '3.12' })), path: [...FIRST_SCORER, 'scorer', 'python_version_constraint'], code: 'invalid-python-version', message: '"3.12" is not a version specifier; write e.g. "==3.12.10" or ">=3.11,<3.13"', fix: 'pythonScript(script, { pythonVersion })', inputPath: 'scorer[0].pythonVersion' },
  { rule: 'custom params are a JSON object', builder: withScorer(custom('t', { params: untyped(['a']) })), path: [...FIRST_SCORER, 'scorer', 'scorer_params'], code: 'not-json', message: 'must be a JSON object (got an array)', fix: 'custom(type, { params })', inputPath: 'scorer[0].params' },
  { rule: 'custom params are JSON-serialisable', builder: withScorer(custom('t', { params: { at: { big: 1n } } })), path: [...FIRST_SCORER, 'scorer', 'scorer_params', 'at', 'big'], code: 'not-json', message: 'a BigInt is not JSON-serialisable', inputPath: 'scorer[0].params.at.big' },
  { rule: 'custom params nest at most MAX_JSON_DEPTH levels', builder: withScorer(custom('t', { params: deep(MAX_JSON_DEPTH + 1) })), path: [...FIRST_SCORER, 'scorer', 'scorer_params', ...Array<string>(MAX_JSON_DEPTH).fill('nested')], code: 'too-deep', message: `nests deeper than ${MAX_JSON_DEPTH} levels; flatten it or send it as a string` },
  { rule: 'what is not a scorer is reported', builder: withScorer(untyped(undefined)), path: [...FIRST_SCORER, 'scorer'], code: 'missing-field', message: /is required/, fix: 'a scorer factory: astGrep, bashScript, command, custom, pythonScript, testBased', inputPath: 'scorer[0]' },
  { rule: 'what is not a scorer definition is reported', builder: withScorer(untyped('npm test')), path: [...FIRST_SCORER, 'scorer'], code: 'invalid-type', message: /^unknown scorer type undefined; use one of the scorer factories/, inputPath: 'scorer[0]' },
  { rule: 'unknown scorer types are reported', builder: withScorer({ name: undefined, definition: untyped({ type: 'regex_scorer' }) }), path: [...FIRST_SCORER, 'scorer', 'type'], code: 'unknown-scorer-type', message: /unknown scorer type "regex_scorer"; use one of the scorer factories/ },
  { rule: 'unknown wire fields of a scorer are reported', builder: withScorer({ name: undefined, definition: untyped({ type: 'command_scorer', command: 'x', timeout: 5 }) }), path: [...FIRST_SCORER, 'scorer', 'timeout'], code: 'unknown-field', message: 'unknown field "timeout"' },
  // launch parameters
  { rule: 'custom cpu is 0.5, 1 or an even number up to 16', builder: withLaunch({ resourceSize: { cpu: 3, memoryGb: 12 } }), path: [...LAUNCH, 'custom_cpu_cores'], code: 'invalid-value', message: 'must be 0.5, 1 or an even number up to 16 (got 3)', fix: '.env({ launch: { resourceSize: { cpu } } })', inputPath: 'env.launch.resourceSize.cpu' },
  { rule: 'custom cpu at most 16', builder: withLaunch({ resourceSize: { cpu: 18, memoryGb: 64 } }), path: [...LAUNCH, 'custom_cpu_cores'], code: 'invalid-value', message: /got 18/ },
  { rule: 'custom memory is 1 or an even number up to 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 5 } }), path: [...LAUNCH, 'custom_gb_memory'], code: 'invalid-value', message: 'must be 1 or an even number of GiB up to 64 (got 5)', fix: '.env({ launch: { resourceSize: { memoryGb } } })', inputPath: 'env.launch.resourceSize.memoryGb' },
  { rule: 'custom memory at most 64', builder: withLaunch({ resourceSize: { cpu: 16, memoryGb: 66 } }), path: [...LAUNCH, 'custom_gb_memory'], code: 'invalid-value', message: /got 66/ },
  { rule: 'custom disk is even from 2 to 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 4, diskGb: 3 } }), path: [...LAUNCH, 'custom_disk_size'], code: 'invalid-value', message: 'must be an even number of GiB from 2 to 64 (got 3)', fix: '.env({ launch: { resourceSize: { diskGb } } })' },
  { rule: 'custom disk at most 64', builder: withLaunch({ resourceSize: { cpu: 2, memoryGb: 4, diskGb: 66 } }), path: [...LAUNCH, 'custom_disk_size'], code: 'invalid-value', message: /got 66/ },
  { rule: 'cpu:memory at least 1:2', builder: withLaunch({ resourceSize: { cpu: 4, memoryGb: 4 } }), path: [...LAUNCH, 'custom_gb_memory'], code: 'invalid-value', message: '4 GiB for 4 cores is outside the allowed cpu:memory ratio of 1:2 to 1:8 (8–32 GiB)' },
  { rule: 'cpu:memory at most 1:8', builder: withLaunch({ resourceSize: { cpu: 1, memoryGb: 10 } }), path: [...LAUNCH, 'custom_gb_memory'], code: 'invalid-value', message: /ratio of 1:2 to 1:8 \(2–8 GiB\)/ },
  { rule: 'a custom size needs cpu', builder: withLaunch({ resourceSize: untyped({ memoryGb: 4 }) }), path: [...LAUNCH, 'custom_cpu_cores'], code: 'missing-field', message: 'custom_cpu_cores is required with CUSTOM_SIZE' },
  { rule: 'keep-alive at least 1 s', builder: withLaunch({ keepAliveSeconds: 0 }), path: [...LAUNCH, 'keep_alive_time_seconds'], code: 'invalid-value', message: 'must be at least 1 second', fix: '.env({ launch: { keepAliveSeconds } })', inputPath: 'env.launch.keepAliveSeconds' },
  { rule: 'keep-alive at most 172800 s', builder: withLaunch({ keepAliveSeconds: 172_801 }), path: [...LAUNCH, 'keep_alive_time_seconds'], code: 'invalid-value', message: 'must be at most 172800 seconds (48 hours)' },
  { rule: 'keep-alive whole seconds', builder: withLaunch({ keepAliveSeconds: 1.5 }), path: [...LAUNCH, 'keep_alive_time_seconds'], code: 'invalid-type', message: 'must be a whole number of seconds' },
  { rule: 'idle seconds positive', builder: withLaunch({ afterIdle: { idleSeconds: 0, onIdle: 'shutdown' } }), path: [...LAUNCH, 'after_idle', 'idle_time_seconds'], code: 'invalid-value', message: 'must be at least 1 second', fix: '.env({ launch: { afterIdle: { idleSeconds } } })', inputPath: 'env.launch.afterIdle.idleSeconds' },
  { rule: 'idle seconds whole', builder: withLaunch({ lifecycle: { afterIdle: { idleSeconds: 2.5, onIdle: 'suspend' } } }), path: [...LAUNCH, 'lifecycle', 'after_idle', 'idle_time_seconds'], code: 'invalid-type', message: 'must be a whole number of seconds', inputPath: 'env.launch.lifecycle.afterIdle.idleSeconds' },
  { rule: 'on idle is shutdown or suspend', builder: withLaunch({ afterIdle: { idleSeconds: 5, onIdle: untyped('stop') } }), path: [...LAUNCH, 'after_idle', 'on_idle'], code: 'invalid-value', message: 'must be "shutdown" or "suspend"' },
  {
    rule: 'after_idle and lifecycle.after_idle agree',
    builder: withLaunch({ afterIdle: { idleSeconds: 5, onIdle: 'shutdown' }, lifecycle: { afterIdle: { idleSeconds: 6, onIdle: 'shutdown' } } }),
    path: [...LAUNCH, 'lifecycle', 'after_idle'],
    code: 'invalid-value',
    message: 'differs from after_idle; when both are set they must be equal (prefer lifecycle.after_idle alone)',
  },
  { rule: 'suspend deadline at most 60000 ms', builder: withLaunch({ lifecycle: { hooks: { suspendDeadlineMs: 60_001 } } }), path: [...LAUNCH, 'lifecycle', 'lifecycle_hooks', 'suspend_deadline_ms'], code: 'invalid-value', message: 'must be at most 60000 ms', inputPath: 'env.launch.lifecycle.hooks.suspendDeadlineMs' },
  { rule: 'uid non-negative', builder: withLaunch({ user: { username: 'dev', uid: -1 } }), path: [...LAUNCH, 'user_parameters', 'uid'], code: 'invalid-value', message: 'must be a non-negative integer', fix: '.env({ launch: { user: { uid } } })', inputPath: 'env.launch.user.uid' },
  { rule: 'uid whole', builder: withLaunch({ user: { username: 'dev', uid: 1.5 } }), path: [...LAUNCH, 'user_parameters', 'uid'], code: 'invalid-type', message: 'must be a whole number' },
  { rule: 'username non-blank', builder: withLaunch({ user: { username: '', uid: 1 } }), path: [...LAUNCH, 'user_parameters', 'username'], code: 'blank-text', message: 'must not be blank' },
  { rule: 'a user has a uid', builder: withLaunch({ user: untyped({ username: 'dev' }) }), path: [...LAUNCH, 'user_parameters', 'uid'], code: 'missing-field', message: 'is required' },
  { rule: 'ports at least 1', builder: withLaunch({ availablePorts: [0] }), path: [...LAUNCH, 'available_ports', 0], code: 'invalid-value', message: 'must be from 1 to 65535', fix: '.env({ launch: { availablePorts } })', inputPath: 'env.launch.availablePorts[0]' },
  { rule: 'ports at most 65535', builder: withLaunch({ availablePorts: [80, 65_536] }), path: [...LAUNCH, 'available_ports', 1], code: 'invalid-value', message: 'must be from 1 to 65535' },
  { rule: 'launch commands non-blank', builder: withLaunch({ launchCommands: ['npm ci', ' '] }), path: [...LAUNCH, 'launch_commands', 1], code: 'blank-text', message: 'must not be blank', fix: '.env({ launch: { launchCommands } })' },
  { rule: 'resource size is a preset', builder: withLaunch({ resourceSize: untyped('HUGE') }), path: [...LAUNCH, 'resource_size_request'], code: 'invalid-value', message: /must be one of X_SMALL, SMALL/, inputPath: 'env.launch.resourceSize' },
  { rule: 'architecture is x86_64 or arm64', builder: withLaunch({ architecture: untyped('riscv') }), path: [...LAUNCH, 'architecture'], code: 'invalid-value', message: 'must be "x86_64" or "arm64"' },
  { rule: 'provisioning tier is standard or flex', builder: withLaunch({ provisioningTier: untyped('spot') }), path: [...LAUNCH, 'provisioning_tier'], code: 'invalid-value', message: 'must be "standard" or "flex"' },
  { rule: 'launch is an object', builder: withLaunch(untyped('big')), path: [...LAUNCH], code: 'invalid-type', message: /object/, inputPath: 'env.launch' },
  // environment
  { rule: 'at most one environment source', builder: valid.env(untyped({ snapshotId: 's', prebuiltId: 'p' })), path: ['environment_parameters', 'prebuilt_id'], code: 'multiple-sources', message: 'an environment has one source, but snapshot_id and prebuilt_id are both set', fix: '.env({ prebuiltId })', inputPath: 'env.prebuiltId' },
  { rule: 'working directory non-blank', builder: valid.env({ workingDirectory: ' ' }), path: ['environment_parameters', 'working_directory'], code: 'blank-text', message: 'must not be blank', fix: '.env({ workingDirectory })' },
  { rule: 'blueprint id non-blank', builder: valid.env({ blueprintId: '' }), path: ['environment_parameters', 'blueprint_id'], code: 'blank-text', message: 'must not be blank' },
  { rule: '.env() takes an object', builder: valid.env(untyped(42)), path: ['environment_parameters'], code: 'invalid-option', message: 'must be an object of options (got the number 42)', inputPath: 'env' },
  { rule: 'a later .env() takes a plain object too', builder: valid.env({ blueprintId: 'a' }).env(untyped(new Map([['blueprintId', 'b']]))), path: ['environment_parameters'], code: 'invalid-option', message: 'must be an object of options (got a Map object)', inputPath: 'env' },
  // problem and context
  { rule: 'problem statement non-blank', builder: valid.problem(''), path: ['input_context', 'problem_statement'], code: 'blank-text', message: 'must not be blank', fix: '.problem(statement)', inputPath: 'problem.statement' },
  { rule: 'problem statement is text', builder: valid.problem(untyped(7)), path: ['input_context', 'problem_statement'], code: 'invalid-type', message: 'must be a string' },
  { rule: 'context is a JSON object', builder: valid.problem('p', { context: untyped('text') }), path: ['input_context', 'additional_context'], code: 'not-json', message: 'must be a JSON object (got the string "text")', fix: '.problem(statement, { context })', inputPath: 'problem.context' },
  { rule: 'context without functions', builder: valid.problem('p', { context: { run: () => 1 } }), path: ['input_context', 'additional_context', 'run'], code: 'not-json', message: 'a function is not JSON-serialisable', inputPath: 'problem.context.run' },
  { rule: 'context without NaN', builder: valid.problem('p', { context: { list: [1, Number.NaN] } }), path: ['input_context', 'additional_context', 'list', 1], code: 'not-json', message: 'NaN is not a JSON number', inputPath: 'problem.context.list[1]' },
  { rule: 'context without undefined in arrays', builder: valid.problem('p', { context: { list: [undefined] } }), path: ['input_context', 'additional_context', 'list', 0], code: 'not-json', message: 'undefined is not JSON-serialisable' },
  { rule: 'context without class instances', builder: valid.problem('p', { context: { when: new Date(0) } }), path: ['input_context', 'additional_context', 'when'], code: 'not-json', message: 'a Date object is not a plain JSON value; convert it first (e.g. to a string)' },
  { rule: 'context without symbols', builder: valid.problem('p', { context: { s: Symbol('x') } }), path: ['input_context', 'additional_context', 's'], code: 'not-json', message: 'a symbol is not JSON-serialisable' },
  { rule: 'context nests at most MAX_JSON_DEPTH levels', builder: valid.problem('p', { context: deep(MAX_JSON_DEPTH + 1) }), path: ['input_context', 'additional_context', ...Array<string>(MAX_JSON_DEPTH).fill('nested')], code: 'too-deep', message: /nests deeper than/ },
  { rule: 'context 10,000 levels deep is an error, not a stack overflow', builder: valid.problem('p', { context: deep(10_000) }), path: ['input_context', 'additional_context', ...Array<string>(MAX_JSON_DEPTH).fill('nested')], code: 'too-deep', message: /nests deeper than/ },
  // plain fields
  { rule: 'metadata values are strings', builder: valid.metadata(untyped({ count: 3 })), path: ['metadata', 'count'], code: 'invalid-type', message: 'metadata values must be strings', fix: '.metadata(record)', inputPath: 'metadata.count' },
  { rule: 'metadata keys non-blank', builder: valid.metadata({ ' ': 'x' }), path: ['metadata', ' '], code: 'blank-text', message: 'metadata key must not be blank', inputPath: 'metadata[" "]' },
  { rule: 'metadata 10,000 levels deep is an error, not a stack overflow', builder: valid.metadata(untyped({ m: deep(10_000) })), path: ['metadata', 'm'], code: 'invalid-type', message: 'metadata values must be strings' },
  { rule: 'required env names are valid variable names', builder: valid.requiredEnv(['OK', 'NOT-OK']), path: ['required_environment_variables', 1], code: 'invalid-env-name', message: '"NOT-OK" is not a valid environment variable name (letters, digits and "_", not starting with a digit)', fix: '.requiredEnv(names)', inputPath: 'requiredEnv[1]' },
  { rule: 'required env names unique', builder: valid.requiredEnv(['A', 'A']), path: ['required_environment_variables', 1], code: 'duplicate-entry', message: 'environment variable "A" is listed twice' },
  { rule: 'required secrets are identifiers', builder: valid.requiredSecrets(['']), path: ['required_secret_names', 0], code: 'invalid-secret-name', message: '"" is not an identifier (letters, digits and "_", not starting with a digit)', fix: '.requiredSecrets(names)', inputPath: 'requiredSecrets[0]' },
  { rule: 'required secrets without shell characters', builder: valid.requiredSecrets(['$(id)']), path: ['required_secret_names', 0], code: 'invalid-secret-name', message: /"\$\(id\)" is not an identifier/ },
  { rule: 'required secrets unique', builder: valid.requiredSecrets(['s', 's']), path: ['required_secret_names', 1], code: 'duplicate-entry', message: 'secret "s" is listed twice' },
  { rule: 'scorer timeout positive', builder: valid.scorerTimeout(0), path: ['scorer_timeout_sec'], code: 'invalid-value', message: 'must be at least 1 second', fix: '.scorerTimeout(seconds)', inputPath: 'scorerTimeout' },
  { rule: 'scorer timeout whole', builder: valid.scorerTimeout(2.5), path: ['scorer_timeout_sec'], code: 'invalid-type', message: 'must be a whole number of seconds' },
  { rule: 'validation type is known', builder: valid.validation(untyped('FAST')), path: ['validation_type'], code: 'invalid-value', message: 'must be one of UNSPECIFIED, FORWARD, REVERSE, EVALUATION', fix: '.validation(type)' },
  { rule: 'is_public is a boolean', builder: valid.public(untyped('yes')), path: ['is_public'], code: 'invalid-type', message: 'must be true or false', fix: '.public(flag)' },
  { rule: 'reference output is text', builder: valid.referenceOutput(untyped(42)), path: ['reference_output'], code: 'invalid-type', message: 'must be a string', fix: '.referenceOutput(text)' },
  // editing
  { rule: 'removing a scorer that is not there', builder: valid.removeScorer('lint'), path: ['scoring_contract', 'scoring_function_parameters'], code: 'scorer-not-found', message: 'cannot remove scorer "lint": the scorers are "command"', inputPath: 'removeScorer("lint")' },
];

/** Every issue a builder has: its errors and warnings when invalid, its warnings when valid. */
const issuesOf = (builder: ScenarioBuilder<any>): readonly ScenarioIssue[] => {
  const result = builder.validate();
  return result.success ? result.warnings : result.error.issues;
};

describe('every validation rule names its field', () => {
  it('starts from a valid scenario', () => {
    expect(valid.validate().success).toBe(true);
  });

  it.each(cases)('$rule', ({ builder, path, code, message, fix, inputPath }) => {
    const issues = issuesOf(builder);
    const issue = issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path) && candidate.code === code);
    expect(issue, `issues were: ${JSON.stringify(issues, null, 2)}`).toBeDefined();
    expect(issue?.severity).toBe(ISSUE_CODES[code].severity);
    if (typeof message === 'string') expect(issue?.message).toContain(message);
    else expect(issue?.message).toMatch(message);
    if (fix !== undefined) expect(issue?.fix).toBe(fix);
    if (inputPath !== undefined) expect(issue?.inputPath).toBe(inputPath);
    // a warning never stops the build unless strict; an error always does
    expect(builder.validate().success).toBe(issues.every((other) => other.severity === 'warning'));
    if (issue?.severity === 'warning') expect(builder.strict().validate().success).toBe(false);
  });

  it('checks every issue code somewhere in this table (or in the suite and option tests)', () => {
    const elsewhere = ['unknown-option', 'invalid-id', 'duplicate-scenario-name'];
    const covered = new Set([...cases.map((c) => c.code), ...elsewhere]);
    expect(Object.keys(ISSUE_CODES).filter((code) => !covered.has(code as IssueCode))).toEqual([]);
  });
});

describe('rules the DSL cannot break, checked on wire payloads', () => {
  it('rejects custom size fields without CUSTOM_SIZE', () => {
    const result = ScenarioUpdatePayloadSchema.safeParse({
      environment_parameters: { launch_parameters: { resource_size_request: 'SMALL', custom_cpu_cores: 2 } },
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        ['environment_parameters', 'launch_parameters', 'custom_cpu_cores'],
        'custom_cpu_cores is only allowed with resource_size_request CUSTOM_SIZE (got SMALL)',
      ],
    ]);
  });

  it('rejects unknown fields', () => {
    const result = ScenarioUpdatePayloadSchema.safeParse({ name: 'x', colour: 'red' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('the payload schemas as JSON Schema', () => {
  it('represent every field, the free-form JSON objects as objects, with no handler for what JSON Schema cannot state', () => {
    const json = z.toJSONSchema(ScenarioUpdatePayloadSchema, { target: 'draft-07', io: 'input' });
    const inputContext = json.properties?.['input_context'] as { properties: Record<string, unknown> };
    const object = { type: 'object', description: `A JSON object, nested at most ${MAX_JSON_DEPTH} levels deep.` };
    expect(inputContext.properties['additional_context']).toEqual(object);
    // scorer_params, inside the custom scorer's branch of the scorer union
    expect(JSON.stringify(json)).toContain(`"scorer_params":${JSON.stringify(object)}`);
  });
});

describe('every problem at once', () => {
  it('reports problems from every part of a scenario together, in the order the fields were set', () => {
    const error = Scenario.define(' ')
      .env({ blueprintId: '', launch: { keepAliveSeconds: 0, resourceSize: { cpu: 3, memoryGb: 100 } } })
      .problem('', { context: { f: () => 1 } })
      .scorer(command(''), -1)
      .requiredEnv(['1X'])
      .validate().error;
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'name',
      'environment_parameters.blueprint_id',
      'environment_parameters.launch_parameters.custom_cpu_cores',
      'environment_parameters.launch_parameters.custom_gb_memory',
      'environment_parameters.launch_parameters.keep_alive_time_seconds',
      'environment_parameters.launch_parameters.custom_gb_memory',
      'input_context.problem_statement',
      'input_context.additional_context.f',
      'scoring_contract.scoring_function_parameters.0.scorer.command',
      'scoring_contract.scoring_function_parameters.0.weight',
      'required_environment_variables.0',
    ]);
  });

  it('says which scorer an issue is about', () => {
    const [issue] = issuesOf(Scenario.define('x').scorer(command('a', { name: 'lint' })).scorer(command(' ', { name: 'tests' })));
    expect(issue?.message).toBe('scorer "tests": must not be blank');
    expect(issue?.inputPath).toBe('scorer[1].command');
  });
});

describe('accepted edge values', () => {
  it.each([
    { cpu: 0.5, memoryGb: 1 },
    { cpu: 1, memoryGb: 8 },
    { cpu: 16, memoryGb: 64, diskGb: 64 },
    { cpu: 2, memoryGb: 4, diskGb: 2 },
  ])('accepts custom size %o', (size) => {
    expect(withLaunch({ resourceSize: size }).validate().success).toBe(true);
  });

  it.each(['==3.12.10', '>=3.10,<3.13', '~=3.11', '==3.12.*', '!=3.9', '>= 3.11 , < 4', '==3.13.0rc1'])(
    'accepts the python version specifier %s',
    (pythonVersion) => {
      expect(withScorer(pythonScript('print(1)', { pythonVersion })).validate().success).toBe(true);
    },
  );

  it.each(['3.12', '==', '>=3.x', '~=3', '3.12,<4', '=>3.1'])('warns about the python version specifier %s', (pythonVersion) => {
    expect(issuesOf(withScorer(pythonScript('print(1)', { pythonVersion }))).map((issue) => issue.code)).toEqual(['invalid-python-version']);
  });

  it.each(['typescript', 'TypeScript', 'ts', 'tsx', 'python', 'py', 'rust', 'go', 'golang', 'c++', 'yml', 'sol', 'hcl'])('accepts the ast-grep language %s', (lang) => {
    expect(issuesOf(withScorer(astGrep('x', { lang })))).toEqual([]);
  });

  it.each(['.', 'src', 'src/app', './src', 'packages/a-b_c/src', 'a/../b'])('accepts the search directory %s', (searchDirectory) => {
    expect(issuesOf(withScorer(astGrep('x', { searchDirectory })))).toEqual([]);
  });

  it('accepts context exactly MAX_JSON_DEPTH levels deep', () => {
    expect(valid.problem('p', { context: deep(MAX_JSON_DEPTH) }).validate().success).toBe(true);
  });

  it('accepts keep-alive bounds and port bounds', () => {
    expect(withLaunch({ keepAliveSeconds: 1, availablePorts: [1, 65_535] }).validate().success).toBe(true);
    expect(withLaunch({ keepAliveSeconds: 172_800 }).validate().success).toBe(true);
  });

  it('accepts a zero weight beside a positive one, as an informational scorer', () => {
    const weights = valid.scorer(command('info'), 0).build().scoring_contract?.scoring_function_parameters.map((fn) => fn.weight);
    expect(weights).toEqual([1, 0]);
  });

  it('accepts equal after_idle and lifecycle.after_idle', () => {
    const idle = { idleSeconds: 60, onIdle: 'suspend' } as const;
    expect(withLaunch({ afterIdle: idle, lifecycle: { afterIdle: idle } }).validate().success).toBe(true);
  });
});

describe('docs/checks.md', () => {
  it('explains every issue code, with its severity', async () => {
    const { readFileSync } = await import('node:fs');
    const page = readFileSync(new URL('../docs/checks.md', import.meta.url), 'utf8');
    const [warnings, errors] = page.split('## Errors');
    for (const [code, { severity }] of Object.entries(ISSUE_CODES)) {
      expect(severity === 'warning' ? warnings : errors, code).toContain(`| \`${code}\` |`);
    }
  });
});
