import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astGrep, escapeForDoubleQuotes } from '../src/index.js';
import { unescapeForDoubleQuotes } from '../src/scorers/escape-for-double-quotes.js';

/** What bash prints for the payload pattern placed in double quotes, as Runloop's command line does. */
const bashReads = (payloadPattern: string) =>
  execFileSync('bash', ['-c', `printf %s "${payloadPattern}"`], { encoding: 'utf8' });

const adversarial = [
  'console.log($$$ARGS)',
  'if ($X == null) { $$$ }',
  '$(rm -rf /)',
  '`whoami`',
  'say "hi" \\"there\\"',
  'a\\b\\\\c\\',
  '${HOME} $HOME $1 $@ $? $$',
  "it's 'quoted'",
  'line one\nline two\ttab',
  '!! !$ history',
  '\\$ already \\` escaped',
  'ünïcödé ✓ $變數',
];

describe('ast-grep patterns', () => {
  it.each(adversarial)('reach ast-grep unchanged through bash: %s', (pattern) => {
    const payloadPattern = astGrep(pattern).definition;
    expect(payloadPattern.type === 'ast_grep_scorer' && bashReads(payloadPattern.pattern)).toBe(pattern);
  });

  it('reach ast-grep unchanged through bash, for any text without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((text) => !text.includes('\0')), (pattern) => {
        expect(bashReads(escapeForDoubleQuotes(pattern))).toBe(pattern);
      }),
      { numRuns: 60 },
    );
  });

  it('are sent as given with escaped: true', () => {
    expect(astGrep('console.log(\\$\\$\\$ARGS)', { escaped: true }).definition).toMatchObject({
      pattern: 'console.log(\\$\\$\\$ARGS)',
    });
  });

  it('escape exactly $, backtick, " and \\', () => {
    expect(escapeForDoubleQuotes('a$b`c"d\\e\'f!g')).toBe('a\\$b\\`c\\"d\\\\e\'f!g');
  });

  it('unescape back to the original', () => {
    fc.assert(
      fc.property(fc.string(), (pattern) => {
        expect(unescapeForDoubleQuotes(escapeForDoubleQuotes(pattern))).toBe(pattern);
      }),
    );
  });
});
