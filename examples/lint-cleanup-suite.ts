/**
 * A generated suite: one scenario per (lint rule, package) of a monorepo, 13 rules × 8 packages
 * = 104 scenarios from one template. Rows like these usually come from a tracker export, a
 * benchmark's CSV or a directory listing; here they are inline so the example runs anywhere.
 */
import { command, defineSuite, Scenario } from 'scenariokit';

const rules = [
  'no-var',
  'prefer-const',
  'eqeqeq',
  'no-console',
  'no-debugger',
  'no-eval',
  'no-new-wrappers',
  'no-throw-literal',
  'prefer-template',
  'no-useless-concat',
  'prefer-spread',
  'prefer-object-has-own',
  'no-array-constructor',
] as const;

const packages = ['api', 'web', 'worker', 'shared', 'cli', 'admin', 'billing', 'search'] as const;

/** What every scenario of the suite shares: validated and frozen once, then branched. */
const template = Scenario.define()
  .env({
    blueprintId: 'bpt_monorepo_node20',
    workingDirectory: '/home/user/monorepo',
    launch: { resourceSize: 'MEDIUM', launchCommands: ['pnpm install --frozen-lockfile'], keepAliveSeconds: 3600 },
  })
  .metadata({ suite: 'eslint-cleanups' })
  .scorer(command('pnpm -r typecheck', { name: 'still-typechecks' }), 1)
  .scorerTimeout(900);

const rows = rules.flatMap((rule) => packages.map((pkg) => ({ rule, pkg })));

export const lintCleanups = defineSuite(
  'eslint-cleanups',
  template.each(rows, (scenario, { rule, pkg }) =>
    scenario
      .name(`eslint-${rule}-${pkg}`)
      .problem(`Fix every violation of the ESLint rule "${rule}" in packages/${pkg}, without changing behaviour.`, {
        context: { rule, package: `packages/${pkg}`, docs: `https://eslint.org/docs/latest/rules/${rule}` },
      })
      .scorer(command(`pnpm exec eslint --no-eslintrc --rule '{"${rule}": "error"}' packages/${pkg}`, { name: 'rule-passes' }), 3)
      .metadata({ rule, package: pkg }),
  ),
);
