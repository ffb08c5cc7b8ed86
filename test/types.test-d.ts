import type { Runloop, RunloopSDK } from '@runloop/api-client';
import type { BenchmarkView } from '@runloop/api-client/resources/benchmarks';
import type { RequestOptions } from '@runloop/api-client/core';
import type { ScenarioCreateParams, ScenarioUpdateParams, ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import {
  astGrep,
  command,
  Scenario,
  type AfterIdle,
  type AstGrepOptions,
  type CustomOptions,
  type CustomResourceSize,
  type EnvironmentInput,
  type LaunchInput,
  type Lifecycle,
  type PythonScriptOptions,
  type RunloopClient,
  type ScenarioBuilder,
  type ScenarioCreatePayload,
  type ScenarioListPage,
  type ScenarioTypeError,
  type ScenarioUpdatePayload,
  type Scorer,
  type ScorerOptions,
  type TestBasedOptions,
} from '../src/index.js';
import type { ENVIRONMENT_FIELDS, LAUNCH_FIELDS } from '../src/environment/environment-fields.js';
import type { astGrepKind } from '../src/scorers/ast-grep.js';
import type { bashScriptKind } from '../src/scorers/bash-script.js';
import type { commandKind } from '../src/scorers/command.js';
import type { customKind } from '../src/scorers/custom.js';
import type { pythonScriptKind } from '../src/scorers/python-script.js';
import type { testBasedKind } from '../src/scorers/test-based.js';

const ready = Scenario.define('x').problem('p').scorer(command('t'));

/** `T` with every readonly removed, all the way down. */
type DeepMutable<T> = T extends readonly (infer Item)[] ? DeepMutable<Item>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

describe('payload types', () => {
  it('are the SDK params they are sent as, but readonly', () => {
    expectTypeOf<DeepMutable<ScenarioUpdatePayload>>().toExtend<ScenarioUpdateParams>();
    expectTypeOf<DeepMutable<ScenarioCreatePayload>>().toExtend<ScenarioCreateParams>();
  });

  it('are readonly all the way down, as the payloads are frozen', () => {
    const payload = ready.buildCreate();
    // @ts-expect-error a built payload is frozen: its fields cannot be assigned
    payload.name = 'other';
    // @ts-expect-error a built payload is frozen: its lists cannot grow
    payload.scoring_contract.scoring_function_parameters.push(payload.scoring_contract.scoring_function_parameters[0]!);
    // @ts-expect-error a built payload is frozen: nested fields cannot be assigned either
    payload.scoring_contract.scoring_function_parameters[0]!.weight = 2;
  });

  it('are what build() and buildCreate() return', () => {
    expectTypeOf(ready.build()).toEqualTypeOf<ScenarioUpdatePayload>();
    expectTypeOf(ready.buildCreate()).toEqualTypeOf<ScenarioCreatePayload>();
  });

  it('make name, input_context and scoring_contract required for create only', () => {
    expectTypeOf<ScenarioCreatePayload['name']>().toEqualTypeOf<string>();
    expectTypeOf<ScenarioUpdatePayload['name']>().toEqualTypeOf<string | undefined>();
  });
});

describe('required steps', () => {
  it('offer buildCreate and create once a name, a problem and a scorer were given, in any order', () => {
    expectTypeOf(Scenario.define().scorer(command('t')).problem('p').name('n').buildCreate).toBeFunction();
    expectTypeOf(ready.create).returns.toEqualTypeOf<Promise<ScenarioView>>();
  });

  it('turn buildCreate into a type error naming the missing steps', () => {
    expectTypeOf(Scenario.define('x').buildCreate).toEqualTypeOf<
      ScenarioTypeError<'create needs first: .problem(statement) .scorer(scorer)'>
    >();
    expectTypeOf(Scenario.define().problem('p').create).toEqualTypeOf<
      ScenarioTypeError<'create needs first: .name(name) .scorer(scorer)'>
    >();
  });

  it('reject calls before the steps are done', () => {
    // @ts-expect-error create needs a problem and a scorer first
    Scenario.define('x').buildCreate();
    // @ts-expect-error create needs a name first
    void Scenario.define().problem('p').scorer(command('t')).create();
  });

  it('keep push and build available at every step, since an update may be partial', () => {
    expectTypeOf(Scenario.define().build).toBeFunction();
    expectTypeOf(Scenario.define().push).parameter(0).toEqualTypeOf<string>();
  });

  it('let ScenarioBuilder<any> hold a builder at any step', () => {
    const builders: ScenarioBuilder<any>[] = [Scenario.define(), Scenario.define('x'), ready];
    // @ts-expect-error the steps of a ScenarioBuilder<any> are unknown, so create may not be ready
    builders[0]?.buildCreate();
    expectTypeOf(builders[0]!.validateCreate).toBeFunction();
  });

  it('let a helper typed (b: ScenarioBuilder) => b.create() take builders whose steps are done, and only those', () => {
    const createIt = (b: ScenarioBuilder) => b.create();
    expectTypeOf(createIt(ready)).toEqualTypeOf<Promise<ScenarioView>>();
    expectTypeOf(createIt(Scenario.fromView({} as ScenarioView))).toEqualTypeOf<Promise<ScenarioView>>();
    // @ts-expect-error create needs first: .problem(statement) .scorer(scorer) (test/type-errors.test.ts checks the message)
    void createIt(Scenario.define('x'));
    expectTypeOf<ScenarioBuilder<'define' | 'name'>>().not.toExtend<ScenarioBuilder>();
  });

  it('track each step in the type parameter', () => {
    expectTypeOf(Scenario.define()).toEqualTypeOf<ScenarioBuilder<'define'>>();
    expectTypeOf(Scenario.define('x').problem('p')).toEqualTypeOf<ScenarioBuilder<'define' | 'name' | 'problem'>>();
    // @ts-expect-error a builder without a name is not a named one
    const named: ScenarioBuilder<'define' | 'name'> = Scenario.define();
    void named;
  });
});

describe('inputs', () => {
  it('allow one environment source per call', () => {
    Scenario.define().env({ blueprintId: 'b' });
    // @ts-expect-error blueprintId and snapshotId together: an environment has one source
    Scenario.define().env({ blueprintId: 'b', snapshotId: 's' });
  });

  it('check enums and sizes at compile time', () => {
    // @ts-expect-error 'HUGE' is not a resource size
    Scenario.define().env({ launch: { resourceSize: 'HUGE' } });
    // @ts-expect-error CUSTOM_SIZE is written as { cpu, memoryGb }
    Scenario.define().env({ launch: { resourceSize: 'CUSTOM_SIZE' } });
    // @ts-expect-error a custom size needs memoryGb
    Scenario.define().env({ launch: { resourceSize: { cpu: 2 } } });
    // @ts-expect-error 'FAST' is not a validation type
    Scenario.define().validation('FAST');
    // @ts-expect-error onIdle is shutdown or suspend
    Scenario.define().env({ launch: { afterIdle: { idleSeconds: 1, onIdle: 'stop' } } });
  });

  it('take camelCase keys, not wire keys', () => {
    // @ts-expect-error search_directory is the wire name; the option is searchDirectory
    astGrep('x', { search_directory: 'src' });
    // @ts-expect-error launch_commands is the wire name; the option is launchCommands
    Scenario.define().env({ launch: { launch_commands: ['a'] } });
  });

  it('accept readonly arrays and string metadata only', () => {
    const commands = ['npm ci'] as const;
    Scenario.define().env({ launch: { launchCommands: commands } }).requiredEnv(['A'] as const);
    // @ts-expect-error metadata values are strings
    Scenario.define().metadata({ count: 1 });
  });

  it('type scorers as Scorer values', () => {
    expectTypeOf(astGrep('x')).toEqualTypeOf<Scorer>();
  });
});

describe('clients', () => {
  /** A client from another installed copy of @runloop/api-client: a class of its own, with private fields. */
  class OtherCopyRunloop {
    readonly #apiKey = 'key';
    readonly scenarios = {
      create: async (body: ScenarioCreateParams, options?: RequestOptions): Promise<ScenarioView> => ({ ...({} as ScenarioView), name: body.name, id: String(options) }),
      update: async (id: string, _body?: ScenarioUpdateParams, _options?: RequestOptions): Promise<ScenarioView> => ({ ...({} as ScenarioView), id }),
      retrieve: async (id: string): Promise<ScenarioView> => ({ ...({} as ScenarioView), id: id + this.#apiKey }),
      list: async (_query?: { limit?: number; name?: string }): Promise<ScenarioListPage> => ({} as ScenarioListPage),
    };
    readonly benchmarks = {
      create: async (body: { name: string }): Promise<BenchmarkView> => ({ ...({} as BenchmarkView), name: body.name }),
      update: async (id: string): Promise<BenchmarkView> => ({ ...({} as BenchmarkView), id }),
      async *list(): AsyncIterable<BenchmarkView> {},
    };
  }

  it('are typed by their shape, so a client from another copy of the SDK is accepted', () => {
    expectTypeOf(ready.create).toBeCallableWith({ client: new OtherCopyRunloop() });
    expectTypeOf(ready.push).toBeCallableWith('scn_1', { client: { api: new OtherCopyRunloop() } });
    expectTypeOf<Runloop>().toExtend<RunloopClient>();
    expectTypeOf<RunloopSDK>().toExtend<RunloopClient>();
  });

  it('reject what is not a client', () => {
    // @ts-expect-error a client needs the scenario endpoints
    void ready.create({ client: { scenarios: {} } });
  });
});

describe('option types and their schemas list the same keys', () => {
  type OptionKeys<Kind extends { readonly options: () => z.ZodObject }> = keyof ReturnType<Kind['options']>['shape'];
  it('for every scorer factory', () => {
    expectTypeOf<keyof AstGrepOptions>().toEqualTypeOf<OptionKeys<typeof astGrepKind>>();
    expectTypeOf<keyof TestBasedOptions>().toEqualTypeOf<OptionKeys<typeof testBasedKind>>();
    expectTypeOf<keyof ScorerOptions>().toEqualTypeOf<OptionKeys<typeof commandKind>>();
    expectTypeOf<keyof ScorerOptions>().toEqualTypeOf<OptionKeys<typeof bashScriptKind>>();
    expectTypeOf<keyof PythonScriptOptions>().toEqualTypeOf<OptionKeys<typeof pythonScriptKind>>();
    expectTypeOf<keyof CustomOptions>().toEqualTypeOf<OptionKeys<typeof customKind>>();
  });

  /** The first segment of each row's input path: the keys an input object has. */
  type InputKeys<Table> = { [K in keyof Table]: Table[K] extends { readonly input: string } ? Table[K]['input'] : never }[keyof Table] extends infer Path
    ? Path extends `${infer Head}.${string}` ? Head : Path
    : never;

  it('for the environment and launch parameters (whose rows are the field tables)', () => {
    expectTypeOf<keyof LaunchInput>().toEqualTypeOf<InputKeys<typeof LAUNCH_FIELDS>>();
    expectTypeOf<keyof EnvironmentInput>().toEqualTypeOf<InputKeys<typeof ENVIRONMENT_FIELDS>>();
    expectTypeOf<keyof CustomResourceSize>().toEqualTypeOf<'cpu' | 'memoryGb' | 'diskGb'>();
    expectTypeOf<keyof Lifecycle>().toEqualTypeOf<'afterIdle' | 'resumeTriggers' | 'hooks'>();
    expectTypeOf<keyof AfterIdle>().toEqualTypeOf<'idleSeconds' | 'onIdle'>();
  });
});
