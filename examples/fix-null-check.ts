/**
 * The README's example: a parser bug with an ast-grep check and a test that must pass.
 */
import { astGrep, Scenario, testBased } from 'scenariokit';

const nullTest = `import { parse } from '../src/parser';
import { expect, it } from 'vitest';

it('returns an empty AST for null input', () => {
  expect(parse(null)).toEqual({ type: 'Program', body: [] });
});
`;

export const fixNullCheck = Scenario.define('fix-null-check')
  .env({
    blueprintId: 'bpt_parser_repo',
    workingDirectory: '/home/user/repo',
    launch: { resourceSize: 'SMALL', launchCommands: ['npm ci'] },
  })
  .problem('parse() crashes on null input; make it return an empty AST.')
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(testBased({ command: 'npx vitest run test/null.test.ts', files: { 'test/null.test.ts': nullTest } }), 1);
