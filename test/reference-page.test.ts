import { describe, expect, it } from 'vitest';
import { astGrep, Scenario, type LaunchInput } from '../src/index.js';
import { keyPaths, pageRequest, pageResponse } from './fixtures/reference-page.js';

describe("the reference page's request example", () => {
  it('is reproduced by DSL code (weight 1: the placeholder weight 0 cannot be normalised)', () => {
    const payload = Scenario.define('name')
      .problem('problem_statement')
      .public(true)
      .scorer(astGrep('pattern', { searchDirectory: 'search_directory', name: 'name' }), 1)
      .build();
    const expected = structuredClone(pageRequest);
    expected.scoring_contract.scoring_function_parameters[0]!.weight = 1;
    expect(payload).toEqual(expected);
  });
});

describe("the reference page's response", () => {
  // Valid values for every launch field the page shows. Its placeholders combine X_SMALL with
  // custom cores and memory, which the API forbids together, so the size is a custom one.
  const launch: LaunchInput = {
    launchCommands: ['npm ci'],
    resourceSize: { cpu: 2, memoryGb: 8 },
    keepAliveSeconds: 123,
    availablePorts: [8080],
    afterIdle: { idleSeconds: 123, onIdle: 'shutdown' },
    architecture: 'x86_64',
    user: { username: 'user', uid: 1000 },
  };
  const sources = [{ blueprintId: 'bpt_1' }, { snapshotId: 'snp_1' }, { prebuiltId: 'pre_1' }] as const;

  it.each(sources)('has every environment field expressible, with source %o', (source) => {
    const env = Scenario.define('x').env({ ...source, workingDirectory: '/home/user', launch }).build().environment_parameters;
    const [sourceField] = Object.keys(source).map((key) => key.replace(/Id$/, '_id'));
    const pageFields = keyPaths(pageResponse.environment).filter(
      (path) => !/^(blueprint|snapshot|prebuilt)_id$/.test(path) || path === sourceField,
    );
    // the page's X_SMALL becomes CUSTOM_SIZE here; the field is the same
    expect(keyPaths(env).sort()).toEqual(pageFields.sort());
  });

  it('has every other field expressible too', () => {
    const payload = Scenario.define('name')
      .problem('problem', { context: {} })
      .scorer(astGrep('pattern', { searchDirectory: 'src', lang: 'typescript' }))
      .metadata({})
      .referenceOutput('diff')
      .public(true)
      .build();
    const { id: _id, environment: _environment, ...rest } = pageResponse;
    expect(keyPaths(payload).sort()).toEqual(keyPaths(rest).sort());
  });

  it('expresses the preset X_SMALL size of the page without custom fields', () => {
    const env = Scenario.define('x').env({ launch: { resourceSize: 'X_SMALL' } }).build().environment_parameters;
    expect(env?.launch_parameters).toEqual({ resource_size_request: 'X_SMALL' });
  });
});
