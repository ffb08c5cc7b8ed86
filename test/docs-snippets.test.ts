/**
 * Type-checks the TypeScript of the documentation: every ```ts block of README.md and docs/*.md.
 *
 * - Each block becomes its own module, test/.tmp/snippets/<document>-<nn>.ts (written out so
 *   that a failure can be inspected), and all of them are checked by ONE TypeScript program with
 *   the compiler options of tsconfig.json: `import … from 'scenariokit'` resolves through its
 *   `paths` to src/. Only the snippets' own diagnostics are reported (src/ has its own checks).
 * - Free variables. Snippets may use the names declared in PREAMBLE (`client`, `scenario`,
 *   `suite`, `view`, `rows`, `expect`…) without defining them. They are declared once, as globals, in
 *   test/.tmp/snippets/preamble.d.ts; a snippet that declares one of these names itself shadows it.
 * - Imports. A block with no import of its own gets an import of the scenariokit and
 *   scenariokit/testing values it mentions prepended. A block with any import is taken as is.
 * - Every snippet gets `export {};` appended: it is a module, so top-level `await` works and
 *   names never clash between snippets.
 * - A block that is meant not to compile (showing a type error) is fenced ```ts nocheck and is
 *   skipped. Use it sparingly.
 *
 * A deliberately broken snippet (the canary) is checked in the same run, to prove that errors
 * are found and reported with their document, block and line.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as scenariokit from '../src/index.js';
import * as scenariokitTesting from '../src/testing/index.js';
import * as scenariokitVerify from '../src/verify/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'test', '.tmp', 'snippets');

/** The free variables snippets may use; declared as globals, so a snippet's own declaration shadows them. */
const PREAMBLE = `// Free variables of the documentation's snippets (see test/docs-snippets.test.ts).
type Builder = import('scenariokit').ScenarioBuilder<import('scenariokit').Step>;
/** A Runloop API client. */
declare const client: import('@runloop/api-client').Runloop;
/** A scenario ready to create (named, with a problem and a scorer). */
declare const scenario: Builder;
/** The README's scenario, ready to create. */
declare const fix: Builder;
/** A suite of scenarios. */
declare const suite: import('scenariokit').Suite;
/** A stored scenario, as GET /v1/scenarios/{id} returns it. */
declare const view: import('scenariokit').ScenarioView;
/** Data rows, e.g. bugs from a tracker export. */
declare const rows: readonly { id: number; title: string }[];
/** The source of a test file. */
declare const src: string;
declare const testSource: string;
/** vitest's globals, for snippets that show assertions. */
declare const expect: typeof import('vitest').expect;
declare const it: typeof import('vitest').it;
declare const describe: typeof import('vitest').describe;
`;

/** Value exports a block without imports may use; they are imported for it when it mentions them. */
const AUTO_IMPORTS: ReadonlyArray<readonly [module: string, names: readonly string[]]> = [
  ['scenariokit', Object.keys(scenariokit)],
  ['scenariokit/testing', Object.keys(scenariokitTesting)],
  ['scenariokit/verify', Object.keys(scenariokitVerify)],
];

interface Snippet {
  /** The document, relative to the repository root. */
  doc: string;
  /** The line of the document where the code starts (after the fence), 1-based. */
  line: number;
  /** The block's index in its document, 1-based. */
  index: number;
  code: string;
  /** The module written for it. */
  file: string;
  /** Lines added above the code. */
  offset: number;
}

/** Every ```ts / ```typescript block of a Markdown text, with its first line; `nocheck` blocks are marked. */
function codeBlocks(markdown: string) {
  const blocks: { line: number; code: string; nocheck: boolean }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang, info] = open as unknown as [string, string, string, string, string];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    if (lang === 'ts' || lang === 'typescript') {
      const code = lines
        .slice(start, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n');
      blocks.push({ line: start + 1, code, nocheck: /\bnocheck\b/.test(info) });
    }
    i = end;
  }
  return blocks;
}

/** The import line for the auto-importable values a block without imports mentions. */
function importsFor(code: string): string[] {
  if (/^\s*import[\s{*'"]/m.test(code)) return [];
  return AUTO_IMPORTS.flatMap(([module, names]) => {
    const used = names.filter((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code));
    return used.length > 0 ? [`import { ${used.sort().join(', ')} } from '${module}';`] : [];
  });
}

function collectSnippets() {
  const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
  const snippets: Snippet[] = [];
  let skipped = 0;
  for (const doc of docs) {
    const blocks = codeBlocks(readFileSync(join(root, doc), 'utf8'));
    blocks.forEach((block, i) => {
      if (block.nocheck) {
        skipped++;
        return;
      }
      const imports = importsFor(block.code);
      const base = doc.replace(/\.md$/, '').replace(/[^\w-]+/g, '-');
      const file = join(outDir, `${base}-${String(i + 1).padStart(2, '0')}.ts`);
      snippets.push({ doc, line: block.line, index: i + 1, code: [...imports, block.code, 'export {};', ''].join('\n'), file, offset: imports.length });
    });
  }
  return { snippets, skipped };
}

/** Type-checks files held in memory (with tsconfig.json's options) in one program; returns each file's diagnostics. */
function typeCheck(files: ReadonlyMap<string, string>): { file: string | undefined; line: number; text: string }[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read tsconfig.json');
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options, true);
  // serve the snippets from memory: other test files may clean test/.tmp while this one runs
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...files.keys()].flatMap((name) => {
      const source = program.getSourceFile(name);
      return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    }),
  ];
  return diagnostics.map((diagnostic) => ({
    file: diagnostic.file?.fileName,
    line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0,
    text: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n      ')}`,
  }));
}

/** A failure as people read it: the document and line, the block's first line, and the error. */
function describeFailure(snippet: Snippet | undefined, file: string | undefined, line: number, text: string): string {
  if (!snippet) return `${file ? relative(root, file) : '(global)'}${line ? `:${line}` : ''}: ${text}`;
  const firstLine = snippet.code.split('\n')[snippet.offset]?.trim() ?? '';
  const docLine = line > snippet.offset ? snippet.line + line - 1 - snippet.offset : snippet.line;
  return `${snippet.doc}:${docLine} (block ${snippet.index}, starting \`${firstLine}\`, checked as ${relative(root, snippet.file)})\n    ${text}`;
}

describe('the documentation’s TypeScript', () => {
  const { snippets, skipped } = collectSnippets();

  it('compiles, every ```ts block of README.md and docs/*.md in one type-check', () => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const files = new Map<string, string>([[join(outDir, 'preamble.d.ts'), PREAMBLE]]);
    for (const snippet of snippets) files.set(snippet.file, snippet.code);
    const canary: Snippet = { doc: '(canary)', line: 1, index: 0, code: "const answer: number = 'forty-two';\nexport {};\n", file: join(outDir, 'canary.ts'), offset: 0 };
    files.set(canary.file, canary.code);
    for (const [file, text] of files) writeFileSync(file, text);

    const byFile = new Map(snippets.map((snippet) => [snippet.file, snippet]));
    const results = typeCheck(files);

    // the canary proves that errors are found and located
    const canaryErrors = results.filter((result) => result.file === canary.file);
    expect(canaryErrors.map((result) => describeFailure(canary, result.file, result.line, result.text))).toEqual([
      "(canary):1 (block 0, starting `const answer: number = 'forty-two';`, checked as test/.tmp/snippets/canary.ts)\n    TS2322: Type 'string' is not assignable to type 'number'.",
    ]);

    const failures = results
      .filter((result) => result.file !== canary.file)
      .map((result) => describeFailure(result.file ? byFile.get(result.file) : undefined, result.file, result.line, result.text));
    expect(failures, `${failures.length} errors in ${snippets.length} snippets:\n${failures.join('\n')}`).toEqual([]);
    expect(snippets.length).toBeGreaterThan(0);
    console.info(`docs-snippets: ${snippets.length} snippets type-checked, ${skipped} marked nocheck`);
  }, 60_000);
});
