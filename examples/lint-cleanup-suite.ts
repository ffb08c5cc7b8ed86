/**
 * A generated suite: one scenario per (lint rule, package) of a monorepo, 13 rules × 8 packages
 * = 104 scenarios from one template. Rows like these usually come from a tracker export, a
 * benchmark's CSV or a directory listing; here they are inline so the example runs anywhere.
 *
 * Each rule is checked with grep for the shape its violations take in this monorepo (a real
 * suite would run ESLint itself), so that the whole suite verifies in seconds on any machine
 * with bash: `workspaces/monorepo/` holds one violation of every rule per package, and each
 * scenario's reference is the one-line diff that fixes its rule in its package. A scorer shared
 * by every scenario makes sure no package lost exported code: deleting a violation is no fix.
 */
import { command, defineSuite, Scenario } from 'scenariokit';

/** Each rule: its violation in the monorepo (a line of every package's src/index.js), the fix, and a grep -E pattern that finds it. */
const rules = [
  { rule: 'no-var', line: 'var retries = 3;', fixed: 'const retries = 3;', grep: String.raw`\bvar\s` },
  { rule: 'prefer-const', line: 'let limit = 10;', fixed: 'const limit = 10;', grep: String.raw`^let ` },
  { rule: 'eqeqeq', line: "export const isBlank = (s) => s == '';", fixed: "export const isBlank = (s) => s === '';", grep: String.raw`[^=!]==[^=]` },
  { rule: 'no-console', line: 'console.log("loaded");', fixed: 'export const loaded = true;', grep: String.raw`\bconsole\.` },
  { rule: 'no-debugger', line: 'debugger;', fixed: '', grep: String.raw`\bdebugger\b` },
  { rule: 'no-eval', line: 'export const run = (code) => eval(code);', fixed: 'export const run = (code) => new Function(code)();', grep: String.raw`\beval\(` },
  { rule: 'no-new-wrappers', line: 'export const label = new String("app");', fixed: 'export const label = String("app");', grep: String.raw`new (String|Number|Boolean)\(` },
  { rule: 'no-throw-literal', line: 'export const fail = () => { throw "failed"; };', fixed: 'export const fail = () => { throw new Error("failed"); };', grep: String.raw`\bthrow [^n]` },
  { rule: 'prefer-template', line: 'export const greet = (who) => "hello " + who;', fixed: 'export const greet = (who) => `hello ${who}`;', grep: String.raw`" \+ [a-z]` },
  { rule: 'no-useless-concat', line: 'export const title = "a" + "b";', fixed: 'export const title = "ab";', grep: String.raw`" \+ "` },
  { rule: 'prefer-spread', line: 'export const biggest = (xs) => Math.max.apply(Math, xs);', fixed: 'export const biggest = (xs) => Math.max(...xs);', grep: String.raw`\.apply\(` },
  { rule: 'prefer-object-has-own', line: 'export const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);', fixed: 'export const has = (o, k) => Object.hasOwn(o, k);', grep: String.raw`hasOwnProperty\.call` },
  { rule: 'no-array-constructor', line: 'export const empty = new Array();', fixed: 'export const empty = [];', grep: String.raw`new Array\(` },
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
  .scorer(command(`grep -c '^export ' packages/*/src/index.js | awk -F: '$2 < 9 { lost = 1 } END { exit lost }'`, { name: 'keeps-exports' }), 1)
  .scorerTimeout(900)
  .workspace('./workspaces/monorepo');

/** The one-line fix of a rule's violation (line `at` of the file) in a package. */
const fixIn = (pkg: string, at: number, line: string, fixed: string) => `--- a/packages/${pkg}/src/index.js
+++ b/packages/${pkg}/src/index.js
@@ -${at} +${at} @@
-${line}
+${fixed}
`;

const rows = rules.flatMap((rule, index) => packages.map((pkg) => ({ ...rule, at: index + 1, pkg })));

export const lintCleanups = defineSuite(
  'eslint-cleanups',
  template.each(rows, (scenario, { rule, line, fixed, grep, at, pkg }) =>
    scenario
      .name(`eslint-${rule}-${pkg}`)
      .problem(`Fix every violation of the ESLint rule "${rule}" in packages/${pkg}, without changing behaviour.`, {
        context: { rule, package: `packages/${pkg}`, docs: `https://eslint.org/docs/latest/rules/${rule}` },
      })
      // grep exits 1 when it finds nothing: the rule passes
      .scorer(command(`grep -rnE '${grep}' packages/${pkg}; test $? -eq 1`, { name: 'rule-passes' }), 3)
      .referenceOutput(fixIn(pkg, at, line, fixed))
      .metadata({ rule, package: pkg }),
  ),
);
