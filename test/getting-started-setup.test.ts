/**
 * The TypeScript project setup that docs/getting-started.md shows (its ```json package.json and
 * ```json tsconfig.json blocks) type-checks scenario files against the built package, and the
 * CommonJS package that `npm init -y` makes does not (TS1295), as the page says.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const page = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The block fenced ```<lang> <name> in the page. */
function block(lang: string, name: string): string {
  const match = new RegExp(`\`\`\`${lang} ${name.replace('.', '\\.')}\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!match) throw new Error(`docs/getting-started.md has no \`\`\`${lang} ${name} block`);
  return match[1]!;
}

/** A project with the page's files, scenariokit (this repository, built) and @types/node installed. */
function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenariokit-setup-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'tsconfig.json'), block('json', 'tsconfig.json'));
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'scenariokit'), 'dir');
  symlinkSync(join(root, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  mkdirSync(join(dir, 'scenarios'));
  // the page's own scenario, and a file that awaits at the top level and reads the environment
  writeFileSync(join(dir, 'scenarios', 'fix-null-check.ts'), /```ts\n(import \{ Scenario, astGrep, testBased \} from 'scenariokit';[\s\S]*?)```/.exec(page)![1]!);
  writeFileSync(
    join(dir, 'scenarios', 'create.ts'),
    `import { fixNullCheck } from './fix-null-check.js';\nif (process.env.RUNLOOP_API_KEY) console.log((await fixNullCheck.create()).id);\n`,
  );
  return dir;
}
let project: string | undefined;
let previous: ts.Program | undefined; // the second check reuses what the first parsed

/** The diagnostics of `tsc -p` in the project with this package.json. */
function typeCheck(packageJson: object): string[] {
  project ??= setUp();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-evals', version: '1.0.0', ...packageJson }));
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, oldProgram: previous });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe("getting started's TypeScript setup", () => {
  it('type-checks scenario files with the package.json and tsconfig.json it shows', () => {
    expect(JSON.parse(block('json', 'package.json'))).toEqual({ type: 'module' });
    expect(typeCheck(JSON.parse(block('json', 'package.json')) as object)).toEqual([]);
  }, 30_000);

  it('fails as the page says without "type": "module"', () => {
    expect(typeCheck({ type: 'commonjs' })).toContain(
      "TS1295: ECMAScript imports and exports cannot be written in a CommonJS file under 'verbatimModuleSyntax'. Adjust the 'type' field in the nearest 'package.json' to make this file an ECMAScript module, or adjust your 'verbatimModuleSyntax', 'module', and 'moduleResolution' settings in TypeScript.",
    );
  }, 30_000);
});
