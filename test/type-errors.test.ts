/**
 * What the compiler says, checked with the TypeScript compiler API in one program: a builder
 * method renamed on one side of ScenarioBuilder / its class fails to compile, and passing a
 * builder whose steps are not done to a helper that creates it is an error naming the steps.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const builderFile = `${root}src/scenario/scenario-builder.ts`;
const helperFile = `${root}test/.generated/create-helper.ts`;

const renamed = readFileSync(builderFile, 'utf8').replace(/\n {2}weights\(mode: 'normalize' \| 'exact'\): ScenarioBuilderImpl \{/, "\n  weight(mode: 'normalize' | 'exact'): ScenarioBuilderImpl {");
const helper = `import { command, Scenario, type ScenarioBuilder } from 'scenariokit';
const createIt = (scenario: ScenarioBuilder) => scenario.create();
void createIt(Scenario.define('ready').problem('p').scorer(command('npm test')));
void createIt(Scenario.define('half-done'));
`;

function diagnostics(): Map<string, string[]> {
  const files = new Map([
    [builderFile, renamed],
    [helperFile, helper],
  ]);
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: config.options, host });
  return new Map([...files.keys()].map((name) => [name, ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]));
}

describe('the compiler', () => {
  const found = diagnostics();

  it('rejects a builder class whose method no longer matches ScenarioBuilder (the class implements it)', () => {
    expect(renamed).toContain('  weight(mode:');
    expect(found.get(builderFile)?.join('\n')).toContain("Property 'weights' is missing in type 'ScenarioBuilderImpl' but required in type 'ScenarioBuilder<Step>'");
  });

  it('accepts a ready builder for a (scenario: ScenarioBuilder) => scenario.create() helper, and names the missing steps of one that is not', () => {
    const errors = found.get(helperFile) ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Argument of type 'ScenarioBuilder<"(name" \| "define|define" \| "name)">' is not assignable to parameter of type 'ScenarioBuilder<Step>'/);
    expect(errors[0]).toContain('create needs first: .problem(statement) .scorer(scorer)');
  });
});
