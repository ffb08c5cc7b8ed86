import type { ScenarioCreateParams, ScenarioUpdateParams, ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { describe, expectTypeOf, it } from 'vitest';
import {
  astGrep,
  command,
  Scenario,
  type ScenarioBuilder,
  type ScenarioCreatePayload,
  type ScenarioTypeError,
  type ScenarioUpdatePayload,
  type Scorer,
} from '../src/index.js';

const ready = Scenario.define('x').problem('p').scorer(command('t'));

describe('payload types', () => {
  it('are assignable to the SDK params they are sent as', () => {
    expectTypeOf<ScenarioUpdatePayload>().toExtend<ScenarioUpdateParams>();
    expectTypeOf<ScenarioCreatePayload>().toExtend<ScenarioCreateParams>();
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

  it('let ScenarioBuilder, with its default, hold a builder at any step', () => {
    const builders: ScenarioBuilder[] = [Scenario.define(), Scenario.define('x'), ready];
    // @ts-expect-error the steps of a ScenarioBuilder are unknown, so create may not be ready
    builders[0]?.buildCreate();
    expectTypeOf(builders[0]!.validateCreate).toBeFunction();
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
