/**
 * A SWE-bench-style task: an issue from a tracker, hidden tests that decide the score, and the
 * upstream patch as the reference solution. `workspaces/python-slugify/` is the repository as
 * the devbox holds it after its launch command, for `scenariokit verify --no-setup`.
 */
import { command, Scenario, testBased } from 'scenariokit';

const hiddenTest = `from slugify import slugify

def test_keeps_unicode_letters():
    assert slugify("Crème brûlée") == "creme-brulee"

def test_collapses_separators():
    assert slugify("a -- b") == "a-b"
`;

const upstreamPatch = `diff --git a/slugify/core.py b/slugify/core.py
--- a/slugify/core.py
+++ b/slugify/core.py
@@ -1,6 +1,7 @@
 """Turn titles into URL slugs."""
 
 import re
+import unicodedata
 
 __all__ = ["slugify"]
 
@@ -10,7 +11,8 @@ MAX_LENGTH = 80
 def slugify(text: str) -> str:
     """A lower-case, dash-separated slug of \`text\`, at most MAX_LENGTH characters."""
     text = text.strip()
-    text = re.sub(r"[^a-z0-9]", "-", text.lower())
+    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
+    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
     return text[:MAX_LENGTH]
 
 
`;

export const slugifyUnicode = Scenario.define('slugify-unicode-letters')
  .env({
    snapshotId: 'snp_slugify_py311',
    workingDirectory: '/home/user/python-slugify',
    launch: {
      resourceSize: 'MEDIUM',
      keepAliveSeconds: 3600,
      afterIdle: { idleSeconds: 900, onIdle: 'suspend' },
      launchCommands: ['pip install -e .[test]'],
    },
  })
  .problem('slugify() drops accented letters instead of transliterating them, and leaves repeated dashes.', {
    context: { issue: 'https://github.com/example/python-slugify/issues/142', labels: ['bug', 'unicode'] },
  })
  .scorer(
    testBased({ name: 'hidden-tests', command: 'python3 -m pytest -q tests/test_unicode.py', files: { 'tests/test_unicode.py': hiddenTest } }),
    3,
  )
  .scorer(command('python3 -m pytest -q', { name: 'existing-tests' }), 1)
  .referenceOutput(upstreamPatch)
  .metadata({ source: 'github-issues', repo: 'python-slugify', difficulty: 'easy' })
  .validation('FORWARD')
  .scorerTimeout(600)
  .workspace('./workspaces/python-slugify');
