import { describe, expect, it } from 'vitest';
import {
  astGrep,
  bashScript,
  command,
  custom,
  defineSuite,
  pythonScript,
  Scenario,
  ScenarioValidationError,
  testBased,
  type ScenarioBuilder,
} from '../src/index.js';
import { startFakeRunloop } from '../src/testing/index.js';

/** Casts what the compiler rightly rejects, as untyped code (or a `.ts` file loaded without type checking) passes it. */
const untyped = <T>(value: unknown) => value as T;

const valid = Scenario.define('options').problem('p').scorer(command('npm test'));
const withScorer = (scorer: ReturnType<typeof command>) => valid.removeScorer('command').scorer(scorer);

interface Case {
  /** The option object. */
  object: string;
  builder: ScenarioBuilder<any>;
  /** Where the unknown key is, as the author wrote it. */
  inputPath: string;
  key: string;
  suggestion: string;
  fix?: string;
}

const cases: Case[] = [
  { object: '.env()', builder: valid.env(untyped({ workingDir: '/repo' })), inputPath: 'env.workingDir', key: 'workingDir', suggestion: 'workingDirectory', fix: '.env({ workingDirectory })' },
  { object: '.env() launch', builder: valid.env({ launch: untyped({ keepAlive: 60 }) }), inputPath: 'env.launch.keepAlive', key: 'keepAlive', suggestion: 'keepAliveSeconds', fix: '.env({ launch: { keepAliveSeconds } })' },
  { object: '.env() launch, with a wire name', builder: valid.env({ launch: untyped({ launch_commands: ['npm ci'] }) }), inputPath: 'env.launch.launch_commands', key: 'launch_commands', suggestion: 'launchCommands' },
  { object: '.env() custom resource size', builder: valid.env({ launch: { resourceSize: untyped({ cpu: 2, memGb: 4 }) } }), inputPath: 'env.launch.resourceSize.memGb', key: 'memGb', suggestion: 'memoryGb', fix: '.env({ launch: { resourceSize: { memoryGb } } })' },
  { object: '.env() afterIdle', builder: valid.env({ launch: { afterIdle: untyped({ idleSecs: 5, onIdle: 'suspend' }) } }), inputPath: 'env.launch.afterIdle.idleSecs', key: 'idleSecs', suggestion: 'idleSeconds' },
  { object: '.env() user', builder: valid.env({ launch: { user: untyped({ userName: 'dev', uid: 1000 }) } }), inputPath: 'env.launch.user.userName', key: 'userName', suggestion: 'username', fix: '.env({ launch: { user: { username } } })' },
  { object: '.env() lifecycle', builder: valid.env({ launch: { lifecycle: untyped({ hook: {} }) } }), inputPath: 'env.launch.lifecycle.hook', key: 'hook', suggestion: 'hooks' },
  { object: '.env() lifecycle afterIdle', builder: valid.env({ launch: { lifecycle: { afterIdle: untyped({ idleSeconds: 5, onIdel: 'suspend' }) } } }), inputPath: 'env.launch.lifecycle.afterIdle.onIdel', key: 'onIdel', suggestion: 'onIdle' },
  { object: '.env() lifecycle resumeTriggers', builder: valid.env({ launch: { lifecycle: { resumeTriggers: untyped({ axon: true }) } } }), inputPath: 'env.launch.lifecycle.resumeTriggers.axon', key: 'axon', suggestion: 'axonEvent' },
  { object: '.env() lifecycle hooks', builder: valid.env({ launch: { lifecycle: { hooks: untyped({ suspendCommand: ['sync'] }) } } }), inputPath: 'env.launch.lifecycle.hooks.suspendCommand', key: 'suspendCommand', suggestion: 'suspendCommands' },
  { object: '.problem() options', builder: valid.problem('p', untyped({ contxt: { issue: 1 } })), inputPath: 'problem.contxt', key: 'contxt', suggestion: 'context', fix: '.problem(statement, { context })' },
  { object: 'astGrep() options', builder: withScorer(astGrep('x', untyped({ searchDir: 'src' }))), inputPath: 'scorer[0].searchDir', key: 'searchDir', suggestion: 'searchDirectory', fix: 'astGrep(pattern, { searchDirectory })' },
  { object: 'testBased() options', builder: withScorer(testBased(untyped({ command: 'pytest', file: { 'a.py': '' } }))), inputPath: 'scorer[0].file', key: 'file', suggestion: 'files', fix: 'testBased({ files })' },
  { object: 'testBased() test file', builder: withScorer(testBased({ command: 'pytest', files: untyped([{ path: 'a.py', content: '' }]) })), inputPath: 'scorer[0].files[0].content', key: 'content', suggestion: 'contents', fix: 'testBased({ files })' },
  { object: 'command() options', builder: withScorer(command('x', untyped({ nme: 'lint' }))), inputPath: 'scorer[0].nme', key: 'nme', suggestion: 'name', fix: 'command(command, { name })' },
  { object: 'bashScript() options', builder: withScorer(bashScript('echo score=1', untyped({ nmae: 'b' }))), inputPath: 'scorer[0].nmae', key: 'nmae', suggestion: 'name' },
  { object: 'pythonScript() options', builder: withScorer(pythonScript('print(1)', untyped({ python_version: '==3.12.10' }))), inputPath: 'scorer[0].python_version', key: 'python_version', suggestion: 'pythonVersion', fix: 'pythonScript(script, { pythonVersion })' },
  { object: 'custom() options', builder: withScorer(custom('t', untyped({ param: {} }))), inputPath: 'scorer[0].param', key: 'param', suggestion: 'params' },
];

describe('unknown option keys are errors, with a did-you-mean', () => {
  it.each(cases)('in $object', ({ builder, inputPath, key, suggestion, fix }) => {
    const result = builder.validate();
    const issue = result.error?.issues.find((candidate) => candidate.code === 'unknown-option');
    expect(issue, JSON.stringify(result.error?.issues ?? result.warnings, null, 2)).toMatchObject({
      severity: 'error',
      inputPath,
      message: `unknown option ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`,
    });
    if (fix !== undefined) expect(issue?.fix).toBe(fix);
    expect(() => builder.build()).toThrow(ScenarioValidationError);
  });

  it('list the known options when none is close', () => {
    const issue = withScorer(astGrep('x', untyped({ colour: 'red' }))).validate().error?.issues[0];
    expect(issue?.message).toBe('unknown option "colour"; the options are "name", "searchDirectory", "lang", "escaped"');
    expect(issue?.path).toEqual(['scoring_contract', 'scoring_function_parameters', 0, 'scorer']);
    expect(issue?.fix).toBe('astGrep(pattern, options)'); // the factory's signature, never a call with the unknown key
  });

  it('fix a key inside an option in that option, whether or not one is close', () => {
    const issue = withScorer(testBased({ command: 'pytest', files: untyped([{ path: 'a.py', colour: 'red' }]) })).validate().error?.issues[0];
    expect(issue).toMatchObject({ code: 'unknown-option', inputPath: 'scorer[0].files[0].colour', fix: 'testBased({ files })' });
  });

  it('check options that never reach the wire', () => {
    const issue = withScorer(astGrep('x', untyped({ escaped: 'yes' }))).validate().error?.issues[0];
    expect(issue).toMatchObject({ code: 'invalid-option', inputPath: 'scorer[0].escaped', message: 'must be true or false' });
  });

  it('are reported for a scorer wherever it is used, and never thrown by its factory', () => {
    const typo = command('x', untyped({ nme: 'lint' }));
    expect(typo.definition).toEqual({ type: 'command_scorer', command: 'x' });
    const issues = valid.scorer(typo).validate().error?.issues;
    expect(issues?.map((issue) => issue.inputPath)).toEqual(['scorer[1].nme']);
    expect(valid.replaceScorer('command', typo).validate().error?.issues.map((issue) => issue.inputPath)).toEqual(['scorer[0].nme']);
  });

  it('in .push() and .create() options, before anything is sent', async () => {
    const fake = await startFakeRunloop();
    try {
      const client = fake.client();
      const push = valid.push('scn_1', untyped({ clinet: client }));
      await expect(push).rejects.toThrow(ScenarioValidationError);
      await expect(push).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'unknown-option', inputPath: 'push.clinet', message: 'unknown option "clinet" — did you mean "client"?' })] });
      const create = valid.create(untyped({ client, requestOption: {} }));
      await expect(create).rejects.toMatchObject({ issues: [expect.objectContaining({ inputPath: 'create.requestOption', message: 'unknown option "requestOption" — did you mean "requestOptions"?' })] });
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('in defineSuite() options', () => {
    expect(() => defineSuite('s', [valid], untyped({ strcit: true }))).toThrow(
      new TypeError('Invalid defineSuite options:\n  - strcit: unknown option "strcit" — did you mean "strict"? [unknown-option]'),
    );
  });

  it("in a suite's plan() and push() options, before anything is sent", async () => {
    const suite = defineSuite('s', [valid]);
    await expect(suite.plan(untyped({ concurency: 4 }))).rejects.toThrow('concurency: unknown option "concurency" — did you mean "concurrency"? [unknown-option]');
    await expect(suite.push(untyped({ dryrun: true }))).rejects.toThrow('dryrun: unknown option "dryrun" — did you mean "dryRun"? [unknown-option]');
  });
});

describe('method arguments that name a mode or a field', () => {
  it('.weights() takes "normalize" or "exact": anything else is an error, with a did-you-mean, and weights stay as they were', () => {
    const issues = valid.weights(untyped('normalise')).validate().error?.issues;
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-option',
        path: ['scoring_contract'],
        inputPath: 'weights',
        message: 'unknown mode "normalise" — did you mean "normalize"?; the modes are "normalize", "exact"',
        fix: ".weights('normalize' | 'exact')",
      }),
    ]);
    expect(valid.weights(untyped('EXACT')).validate().error?.issues[0]?.message).toContain('did you mean "exact"?');
  });

  it('.clear() takes a clearable field: anything else is an error naming the fields, not a crash', () => {
    const issues = valid.clear(untyped('meta')).validate().error?.issues;
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'invalid-option',
        inputPath: 'clear',
        message: 'unknown field "meta" — did you mean "metadata"?; the fields are "metadata", "referenceOutput", "requiredEnv", "requiredSecrets"',
        fix: ".clear('metadata' | 'referenceOutput' | 'requiredEnv' | 'requiredSecrets')",
      }),
    ]);
    // the problem travels with later calls, and a valid clear still works beside it
    expect(valid.clear(untyped('meta')).clear('metadata').name('n').validate().error?.issues.map((issue) => issue.inputPath)).toEqual(['clear']);
  });
});

describe('method arguments of the wrong kind, from untyped code', () => {
  it.each([
    ['metadata', () => valid.metadata(untyped('abc')), ['metadata'], 'entries must be an object of string entries (got the string "abc")', ".metadata({ key: 'value' })"],
    ['metadata', () => valid.metadata(untyped(['a'])), ['metadata'], 'entries must be an object of string entries (got an array)', ".metadata({ key: 'value' })"],
    ['metadata', () => valid.metadata(untyped(null)), ['metadata'], 'entries must be an object of string entries (got null)', ".metadata({ key: 'value' })"],
    ['strict', () => valid.strict(untyped('no')), [], 'flag must be true or false (got the string "no")', '.strict() or .strict(false)'],
    ['workspace', () => valid.workspace(untyped(42)), [], 'path must be a path or a file: URL (got the number 42)', ".workspace('./workspace') or .workspace(new URL('./workspace/', import.meta.url))"],
  ] as const)('.%s() reports a wrong argument as an error when validated, not as a silent change', (inputPath, make, path, message, fix) => {
    const issues = make().validate().error?.issues;
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid-option', path, inputPath, message, fix })]);
  });

  it('a string given to .metadata() adds no entries ("abc" is not { 0: "a", 1: "b", 2: "c" })', () => {
    const built = valid.metadata({ team: 'x' }).metadata(untyped('abc')).metadata({ area: 'y' });
    expect(built.validate().error?.issues.map((issue) => issue.inputPath)).toEqual(['metadata']);
    expect(built.strict(false).validate().success).toBe(false);
  });

  it('.strict("no") does not turn strict mode on: the builder fails on its argument, not on warnings', () => {
    const warned = valid.requiredEnv(['TOKEN', 'TOKEN']); // a name listed twice: a warning
    expect(warned.validate().success).toBe(true);
    expect(warned.strict(untyped('no')).validate().error?.issues.map((issue) => issue.code)).toEqual(['invalid-option', 'duplicate-entry']);
  });

  it('.each() and .$call(), which return what their callback returns, throw a TypeError naming the argument', () => {
    expect(() => valid.each(untyped<number[]>(null), (s) => s)).toThrow(new TypeError('.each(rows, fn): rows must be iterable (an array, a Set, a generator…) (got null)'));
    expect(() => valid.each(untyped<number[]>(42), (s) => s)).toThrow('rows must be iterable (an array, a Set, a generator…) (got the number 42)');
    expect(() => valid.each([1], untyped(undefined))).toThrow(new TypeError('.each(rows, fn): fn must be a function of the template, a row and its index (got undefined)'));
    expect(() => valid.$call(untyped('x'))).toThrow(new TypeError('.$call(fn): fn must be a function of the builder (got the string "x")'));
    expect(valid.each(new Set(['a', 'b']), (s, row, i) => `${row}${i}`)).toEqual(['a0', 'b1']);
  });
});

describe('a client that is not one', () => {
  it.each([['the string "abc"', 'abc'], ['an empty object', {}], ['null', null]])('(%s) is refused before anything is sent, naming the option', async (_, client) => {
    const issues = await valid.push('scn_1', { client: untyped(client) }).catch((error: ScenarioValidationError) => error.issues);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid-option', inputPath: 'push.client', message: 'must be a Runloop client: new Runloop() from @runloop/api-client, or a RunloopSDK' }),
    ]);
    await expect(defineSuite('s', [valid]).plan({ client: untyped(client) })).rejects.toThrow('client: must be a Runloop client: new Runloop() from @runloop/api-client, or a RunloopSDK [invalid-option]');
  });

  it('takes a Runloop client and a RunloopSDK-shaped object ({ api })', async () => {
    const fake = await startFakeRunloop();
    try {
      const client = fake.client();
      expect((await valid.create({ client })).name).toBe('options');
      expect((await valid.name('via-api').create({ client: untyped({ api: client }) })).name).toBe('via-api');
    } finally {
      await fake.close();
    }
  });
});
