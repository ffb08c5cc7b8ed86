import { describe, expect, it } from 'vitest';
import { astGrep, command, Scenario, testBased } from '../src/index.js';

const template = Scenario.define()
  .env({ blueprintId: 'bpt_repo', workingDirectory: '/home/user/repo', launch: { resourceSize: 'SMALL' } })
  .scorer(command('npm test', { name: 'tests' }), 3)
  .scorer(astGrep('console.log($$$)', { name: 'no-logs' }), 1)
  .metadata({ suite: 'bugs' });

describe('branches of one template', () => {
  const a = template.name('bug-1').problem('Fix bug 1').metadata({ bug: '1' }).env({ launch: { keepAliveSeconds: 60 } });
  const b = template.name('bug-2').problem('Fix bug 2').removeScorer('no-logs').scorer(command('npm run lint', { name: 'lint' }));
  const c = template.name('bug-3').problem('Fix bug 3').env({ snapshotId: 'snp_3' }).replaceScorer('tests', testBased({ command: 'pytest' }));

  it('never leak into each other or into the template', () => {
    expect(template.build()).toEqual({
      environment_parameters: {
        blueprint_id: 'bpt_repo',
        working_directory: '/home/user/repo',
        launch_parameters: { resource_size_request: 'SMALL' },
      },
      metadata: { suite: 'bugs' },
      scoring_contract: {
        scoring_function_parameters: [
          { name: 'tests', scorer: { type: 'command_scorer', command: 'npm test' }, weight: 0.75 },
          { name: 'no-logs', scorer: { type: 'ast_grep_scorer', pattern: 'console.log(\\$\\$\\$)', search_directory: '.' }, weight: 0.25 },
        ],
      },
    });
    expect(a.build()).toMatchObject({
      name: 'bug-1',
      metadata: { suite: 'bugs', bug: '1' },
      environment_parameters: { launch_parameters: { resource_size_request: 'SMALL', keep_alive_time_seconds: 60 } },
    });
    expect(b.build().scoring_contract?.scoring_function_parameters.map((fn) => fn.name)).toEqual(['tests', 'lint']);
    expect(b.build().metadata).toEqual({ suite: 'bugs' });
    expect(c.build().environment_parameters).toEqual({
      snapshot_id: 'snp_3',
      working_directory: '/home/user/repo',
      launch_parameters: { resource_size_request: 'SMALL' },
    });
    expect(c.build().scoring_contract?.scoring_function_parameters.map((fn) => fn.scorer.type)).toEqual([
      'test_based_scorer',
      'ast_grep_scorer',
    ]);
    expect(a.build().scoring_contract?.scoring_function_parameters).toHaveLength(2);
  });

  it('share the parts they did not change: compiled and frozen once, the same objects', () => {
    const one = template.name('one').problem('p1').build();
    const two = template.name('two').problem('p2').metadata({ x: 'y' }).build();
    expect(one.environment_parameters).toBe(two.environment_parameters);
    expect(one.scoring_contract).toBe(two.scoring_contract);
    expect(one.scoring_contract).toBe(template.build().scoring_contract);
  });

  it('recompile only the parts they changed', () => {
    const changed = template.env({ launch: { keepAliveSeconds: 5 } }).build();
    expect(changed.environment_parameters).not.toBe(template.build().environment_parameters);
    expect(changed.scoring_contract).toBe(template.build().scoring_contract);
  });

  it('share scorer definitions between scenarios', () => {
    const lint = command('npm run lint');
    const x = Scenario.define('x').scorer(lint).build();
    const y = Scenario.define('y').scorer(lint).scorer(command('npm test')).build();
    expect(x.scoring_contract?.scoring_function_parameters[0]?.scorer).toBe(y.scoring_contract?.scoring_function_parameters[0]?.scorer);
  });
});
