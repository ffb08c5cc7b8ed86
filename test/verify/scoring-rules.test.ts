import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnifiedDiff } from '../../src/verify/apply-reference.js';
import { OutputTail } from '../../src/verify/output-tail.js';
import { describePatchFailure } from '../../src/verify/patch-failure.js';
import { satisfiesPythonVersion } from '../../src/scorers/python-version.js';
import { printedScore, scoreByExitCode, scoreByPrintedScore } from '../../src/scorers/scorer-outcome.js';
import { shellQuote } from '../../src/util/shell-quote.js';
import type { CommandOutcome, ScorerRuntime } from '../../src/scorers/scorer-runtime.js';
import { astGrepKind } from '../../src/scorers/ast-grep.js';

const outcome = (stdout: string, exitCode: number | null = 0, extra: Partial<CommandOutcome> = {}): CommandOutcome => ({
  exitCode,
  signal: null,
  timedOut: false,
  stdout,
  output: stdout,
  ...extra,
});

describe('the printed score', () => {
  it.each([
    ['score=0.25\n', 0.25],
    ['1.0\n', 1],
    ['  0.5  \r\n', 0.5],
    ['.5\n', 0.5],
    ['2.5e-1\n', 0.25],
    ['score=0.1\nrunning\n0.9\nbye\n', 0.9],
    ['0.3\nscore=0.6', 0.6],
  ])('is read from %j as %d', (stdout, score) => {
    expect(printedScore(stdout)?.score).toBe(score);
  });

  it.each(['hi\n', '', 'score: 0.5\n', 'score = 0.5\n', '0.5 of 1\n', 'nan\n', 'Score=1\n'])('is absent from %j', (stdout) => {
    expect(printedScore(stdout)).toBeUndefined();
  });

  it('scores a script: in range complete, out of range or absent an error, the exit status ignored', () => {
    expect(scoreByPrintedScore(outcome('score=0.25\n'), 60)).toEqual({ score: 0.25, state: 'complete', output: 'score=0.25\n', summary: 'scored 0.25' });
    expect(scoreByPrintedScore(outcome('0.7\n', 1), 60)).toMatchObject({ score: 0.7, state: 'complete' });
    expect(scoreByPrintedScore(outcome('hi\n', 0), 60)).toEqual({ score: 0, state: 'error', output: 'hi\n', summary: 'printed no score (exit 0)' });
    expect(scoreByPrintedScore(outcome('1.5\n'), 60)).toEqual({ score: 0, state: 'error', output: '1.5\n', summary: 'printed 1.5, outside [0, 1]' });
    expect(scoreByPrintedScore(outcome('-0.5\n'), 60)).toMatchObject({ state: 'error', summary: 'printed -0.5, outside [0, 1]' });
    expect(scoreByPrintedScore(outcome('1.0\n', null, { timedOut: true }), 60)).toMatchObject({ score: 0, state: 'error', summary: 'timed out after 60 s' });
  });

  it('scores a command by its exit status', () => {
    expect(scoreByExitCode(outcome('ok\n', 0), 60)).toEqual({ score: 1, state: 'complete', output: 'ok\n', summary: 'passed (exit 0)' });
    expect(scoreByExitCode(outcome('', 2), 60)).toMatchObject({ score: 0, state: 'complete', summary: 'failed (exit 2)' });
    expect(scoreByExitCode(outcome('', null, { signal: 'SIGSEGV' }), 60)).toMatchObject({ score: 0, state: 'complete', summary: 'failed (killed by SIGSEGV)' });
    expect(scoreByExitCode(outcome('', null, { timedOut: true, signal: 'SIGKILL' }), 5)).toMatchObject({ score: 0, state: 'error', summary: 'timed out after 5 s' });
  });

  it('scores ast-grep by its match list, saying how a run without one ended (a signal too, not "exit null")', async () => {
    const runtime = (result: CommandOutcome) => ({ timeoutSeconds: 7, astGrepBinary: async () => '/bin/ast-grep', bash: async () => result }) as unknown as ScorerRuntime;
    const definition = astGrepKind.definition().parse({ type: 'ast_grep_scorer', pattern: 'f(\\$A)', search_directory: '.' });
    expect(await astGrepKind.run(definition, runtime(outcome('', null, { signal: 'SIGKILL' })))).toMatchObject({ score: 0, state: 'error', summary: 'printed no match list (killed by SIGKILL)' });
    expect(await astGrepKind.run(definition, runtime(outcome('', null, { timedOut: true, signal: 'SIGKILL' })))).toEqual({ score: 0, state: 'error', output: '', summary: 'timed out after 7 s' });
    expect(await astGrepKind.run(definition, runtime(outcome('[{"file":"a.ts"}]\n', 0)))).toMatchObject({ score: 1, state: 'complete', summary: 'found 1 match' });
  });
});

describe('shellQuote', () => {
  it('makes one bash word that reads back as the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !text.includes('\0')), (text) => {
        expect(execFileSync('bash', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});

describe('satisfiesPythonVersion', () => {
  it.each([
    ['3.12.10', '==3.12.10', true],
    ['3.11.7', '==3.12.10', false],
    ['3.11.7', '>=3.11,<3.13', true],
    ['3.13.0', '>=3.11,<3.13', false],
    ['3.11.7', '==3.11.*', true],
    ['3.12.1', '==3.11.*', false],
    ['3.12.1', '!=3.11.*', true],
    ['3.11.7', '~=3.11', true],
    ['4.0.0', '~=3.11', false],
    ['3.11.7', '~=3.11.2', true],
    ['3.12.0', '~=3.11.2', false],
    ['3.12', '==3.12.0', true],
    ['3.11.7', '<=3.11.7', true],
    ['3.11.7', '>3.11.7', false],
    ['3.11.7', '!=3.11.7', false],
  ])('%s satisfies %s: %s', (version, specifier, expected) => {
    expect(satisfiesPythonVersion(version, specifier)).toBe(expected);
  });
});

describe('what patch says', () => {
  it('names failed hunks by file, and files that are missing or already patched', () => {
    const output = [
      'checking file calc/core.py',
      'Hunk #2 FAILED at 9.',
      'Hunk #3 FAILED at 20.',
      '2 out of 3 hunks FAILED',
      "checking file 'docs/a b.md'",
      'Hunk #1 FAILED at 1.',
      'checking file calc/util.py',
      'Reversed (or previously applied) patch detected!  Skipping patch.',
      "can't find file to patch at input line 40",
      'Perhaps you used the wrong -p or --strip option?',
      'The text leading up to this was:',
      '--------------------------',
      '|--- a/calc/stats.py',
      '|+++ b/calc/stats.py',
      '--------------------------',
      'File to patch: ',
      'Skip this patch? [y] ',
    ].join('\n');
    expect(describePatchFailure(output, false)).toBe(
      'does not apply: hunks 2 and 3 of calc/core.py; hunk 1 of docs/a b.md; calc/util.py looks patched already: is the diff reversed (validation REVERSE)?; calc/stats.py does not exist',
    );
    expect(describePatchFailure('checking file a.py\nHunk #1 FAILED at 3.\n', true)).toBe('does not apply reversed (-R): hunk 1 of a.py');
  });

  it('says when the diff is not a valid patch', () => {
    expect(describePatchFailure('checking file slugify/core.py\npatch: **** unexpected end of file in patch\n', false)).toBe(
      'is not a valid patch: unexpected end of file in patch',
    );
    expect(describePatchFailure('patch: **** malformed patch at line 6: +x\n', false)).toBe('is not a valid patch: malformed patch at line 6: +x');
  });

  it('tells a diff from a script by its first line', () => {
    expect(isUnifiedDiff('diff --git a/x b/x\n--- a/x\n+++ b/x\n')).toBe(true);
    expect(isUnifiedDiff('\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n')).toBe(true);
    expect(isUnifiedDiff('Index: x\n===\n')).toBe(true);
    expect(isUnifiedDiff('From 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b Mon Sep 17 00:00:00 2001\n')).toBe(true);
    expect(isUnifiedDiff("patch -p1 <<'EOF'\n--- a/x\n+++ b/x\nEOF\n")).toBe(false);
    expect(isUnifiedDiff('#!/bin/bash\nsed -i s/a/b/ x\n')).toBe(false);
  });
});

describe('OutputTail', () => {
  it('keeps the last 64 KiB', () => {
    const tail = new OutputTail();
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(`${String(i).padStart(4, '0')}${'x'.repeat(1019)}\n`));
    const text = tail.text();
    expect(Buffer.byteLength(text)).toBe(64 * 1024);
    expect(text.endsWith(`0099${'x'.repeat(1019)}\n`)).toBe(true);
    expect(text.startsWith(`0036${'x'.repeat(1019)}\n`)).toBe(true);
  });

  it('never starts inside a character', () => {
    const tail = new OutputTail(5);
    tail.push(Buffer.from('aé€x')); // a, é (2 bytes), € (3 bytes), x: the last 5 bytes cut é
    expect(tail.text()).toBe('€x');
  });
});
