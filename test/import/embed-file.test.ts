import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embedFile, exportLines } from '../../src/import/embed-file.js';
import { shellQuote } from '../../src/util/shell-quote.js';

const dir = mkdtempSync(join(tmpdir(), 'scenariokit-embed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the lines with bash, as a scorer would, and returns the bytes they wrote. */
function written(content: string | Uint8Array, label = 'file'): { bytes: Buffer; lines: string } {
  const lines = embedFile('"$out"', content, label);
  const result = spawnSync('bash', ['-c', lines], { env: { ...process.env, out: join(dir, 'out') }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return { bytes: readFileSync(join(dir, 'out')), lines };
}

describe('embedding a file in a bash script', () => {
  const hostile = [
    'plain text\n',
    'SCENARIOKIT_FILE\nSCENARIOKIT_FILE_2\nthe delimiters themselves\n',
    "$(touch /tmp/pwned) `id` ${HOME} \\ ' \" \\n\n",
    'windows\r\nline endings\r\n',
    'ünïcödé ✓ \u2028 separators\n',
  ];
  for (const content of hostile) {
    it(`writes ${JSON.stringify(content.slice(0, 24))}… byte for byte in a quoted here-document`, () => {
      const { bytes, lines } = written(content);
      expect(bytes.equals(Buffer.from(content, 'utf8'))).toBe(true);
      expect(lines).toMatch(/^cat > "\$out" <<'SCENARIOKIT_FILE(_\d+)?'\n/);
    });
  }

  it('picks a delimiter that occurs nowhere in the text', () => {
    const { lines } = written('SCENARIOKIT_FILE\nSCENARIOKIT_FILE_2\n');
    expect(lines.split('\n')[0]).toBe(`cat > "$out" <<'SCENARIOKIT_FILE_3'`);
  });

  it('writes text without a final newline, and binary data, as base64', () => {
    expect(written('no newline at the end').bytes.toString('utf8')).toBe('no newline at the end');
    const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const { bytes, lines } = written(binary);
    expect(bytes.equals(Buffer.from(binary))).toBe(true);
    expect(lines.startsWith(`base64 -d > "$out" <<'SCENARIOKIT_FILE'\n`)).toBe(true);
    expect(Math.max(...lines.split('\n').map((line) => line.length))).toBeLessThanOrEqual(76);
  });
});

describe('shell quoting', () => {
  it('gives one word that stands for the text, whatever it holds', () => {
    const texts = ['tests/test_a.py', "it's", 'a b', '$(id)', '`id`', 'x\ny', '', '-rf', 'a=b'];
    const script = texts.map((text) => `printf '%s\\0' ${shellQuote(text)}`).join('\n');
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(texts);
    expect(shellQuote('tests/test_a.py')).toBe('tests/test_a.py');
  });

  it('exports environment variables with quoted values', () => {
    const script = `${exportLines({ EXPECTED: "Hello, 'Harbor'! $(id)", EMPTY: '' })}printf '%s|%s' "$EXPECTED" "$EMPTY"`;
    expect(spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stdout).toBe("Hello, 'Harbor'! $(id)|");
  });
});
