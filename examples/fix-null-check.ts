/**
 * The README's example: a parser bug with an ast-grep check and a test that must pass.
 * `workspaces/parser/` is the repository as the devbox holds it after `npm ci` (its
 * node_modules links to scenariokit's own, which has vitest), for `scenariokit verify --no-setup`.
 */
import { astGrep, Scenario, testBased } from 'scenariokit';

const nullTest = `import { parse } from '../src/parser';
import { expect, it } from 'vitest';

it('returns an empty AST for null input', () => {
  expect(parse(null)).toEqual({ type: 'Program', body: [] });
});
`;

const fix = `diff --git a/src/parser.ts b/src/parser.ts
--- a/src/parser.ts
+++ b/src/parser.ts
@@ -11,6 +11,9 @@ export interface Statement {
 
 /** Parses whitespace-separated words into a program. */
 export function parse(input: string | null): Program {
-  const words = input!.split(/\\s+/).filter((word) => word !== '');
+  if (input == null) {
+    return { type: 'Program', body: [] };
+  }
+  const words = input.split(/\\s+/).filter((word) => word !== '');
   return { type: 'Program', body: words.map((value) => ({ type: 'Word', value })) };
 }
`;

export const fixNullCheck = Scenario.define('fix-null-check')
  .env({
    blueprintId: 'bpt_parser_repo',
    workingDirectory: '/home/user/repo',
    launch: { resourceSize: 'SMALL', launchCommands: ['npm ci'] },
  })
  .problem('parse() crashes on null input; make it return an empty AST.')
  .scorer(astGrep('if ($X == null) { $$$ }', { searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(testBased({ command: 'npx vitest run test/null.test.ts', files: { 'test/null.test.ts': nullTest } }), 1)
  .referenceOutput(fix)
  .workspace('./workspaces/parser');
