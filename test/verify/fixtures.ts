/** Scenarios on the repositories of test/fixtures/verify/, shared by the tests of scenariokit/verify. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { astGrep, bashScript, command, custom, pythonScript, Scenario, testBased } from '../../src/index.js';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/verify/${name}`, import.meta.url));

/** A fresh empty directory for a test's own files (counters, pid files), removed when the test ends. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-verify-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Only what a scorer needs from the caller's environment. */
export const env = { PATH: process.env.PATH, HOME: process.env.HOME };

/** py-calc: `mean([])` divides by zero; the fix returns 0.0. */
export const meanFix = `diff --git a/calc/core.py b/calc/core.py
--- a/calc/core.py
+++ b/calc/core.py
@@ -8,4 +8,6 @@
 
 def mean(values):
     """The arithmetic mean of some numbers."""
+    if not values:
+        return 0.0
     return sum(values) / len(values)
`;

/** The same change the other way round: what broke the good code (for REVERSE scenarios). */
export const meanBreak = `diff --git a/calc/core.py b/calc/core.py
--- a/calc/core.py
+++ b/calc/core.py
@@ -8,6 +8,4 @@
 
 def mean(values):
     """The arithmetic mean of some numbers."""
-    if not values:
-        return 0.0
     return sum(values) / len(values)
`;

const emptyMeanTest = `from calc import mean


def test_mean_of_nothing_is_zero():
    assert mean([]) == 0.0
`;

/** A SWE-bench-like Python scenario: a hidden pytest file decides, the existing tests must still pass. */
export const pyCalc = Scenario.define('py-calc-empty-mean')
  .problem('mean([]) raises ZeroDivisionError; make it return 0.0.')
  .scorer(testBased({ name: 'hidden-tests', command: 'python3 -m pytest -q -p no:cacheprovider tests/test_empty.py', files: { 'tests/test_empty.py': emptyMeanTest } }), 3)
  .scorer(command('python3 -m pytest -q -p no:cacheprovider tests/test_core.py', { name: 'existing-tests' }), 1)
  .referenceOutput(meanFix)
  .workspace(new URL('../fixtures/verify/py-calc/', import.meta.url));

/** js-slug: the fix collapses punctuation and refuses non-strings. */
export const slugFix = `--- a/src/slug.js
+++ b/src/slug.js
@@ -1,4 +1,7 @@
 /** A URL slug for a title. */
 export function slug(text) {
-  return text.toLowerCase().replace(/ /g, '-');
+  if (typeof text !== 'string') {
+    throw new TypeError(\`slug() takes a string, got \${typeof text}\`);
+  }
+  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
 }
`;

const hiddenSlugTest = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slug } from '../src/slug.js';

test('collapses punctuation', () => assert.equal(slug('Hello,  World!'), 'hello-world'));
test('takes strings only', () => assert.throws(() => slug(42), TypeError));
`;

/** A JavaScript scenario with a scorer of every kind; the custom one is implemented by scorers/exports.sh. */
export const jsSlug = Scenario.define('js-slug-every-kind')
  .problem('slug() keeps punctuation and accepts anything; make it collapse punctuation into dashes and throw a TypeError for non-strings.')
  .scorer(astGrep('throw new TypeError($$$ARGS)', { name: 'throws-type-error', searchDirectory: 'src', lang: 'javascript' }))
  .scorer(testBased({ name: 'hidden-tests', command: 'node --test test/hidden.test.js', files: { 'test/hidden.test.js': hiddenSlugTest } }))
  .scorer(command('node --test test/slug.test.js', { name: 'existing-tests' }))
  .scorer(bashScript('if grep -q TypeError src/slug.js; then echo score=1; else echo score=0.5; fi', { name: 'mentions-type-error' }))
  .scorer(pythonScript('print(1.0 if "typeof text" in open("src/slug.js").read() else 0.0)', { name: 'checks-type' }))
  .scorer(custom('exports-function', { name: 'still-exported', params: { file: 'src/slug.js', name: 'slug' } }))
  .referenceOutput(slugFix)
  .workspace(new URL('../fixtures/verify/js-slug/', import.meta.url));

export const customScorers = { 'exports-function': fixture('scorers/exports.sh') };
