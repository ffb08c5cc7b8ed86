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

describe('the language ids scenariokit knows', () => {
  it('are exactly those the ast-grep it ships takes: each listed id runs, and ids it refuses are not listed', async () => {
    const { AST_GREP_LANGUAGES } = await import('../src/scorers/ast-grep-languages.js');
    const { findAstGrepBinary } = await import('../src/verify/ast-grep-binary.js');
    const binary = findAstGrepBinary();
    const takes = (lang: string) => {
      try {
        execFileSync(binary, ['run', '--pattern', 'x', '--lang', lang, '/dev/null'], { stdio: 'pipe' });
        return true;
      } catch (error) {
        return !String((error as { stderr?: Buffer }).stderr).includes('is not supported');
      }
    };
    expect(AST_GREP_LANGUAGES.filter((lang) => !takes(lang))).toEqual([]);
    expect(['toml', 'klingon'].filter(takes)).toEqual([]);
    expect(AST_GREP_LANGUAGES).not.toContain('toml');
  });
});
