import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as scenariokit from '../src/index.js';
import { payloadsToCode, scenarioToCode } from '../src/codegen/scenario-code.js';
import { storedFields } from '../src/suite/stored-fields.js';
import { customBenchmarkExample } from './fixtures/custom-benchmark-example.js';
import { CANARY, expectedPayload, storedView } from './fixtures/stored-views.js';
import { root, typeCheck } from './fixtures/type-check.js';

const { Scenario, command } = scenariokit;
const expected = (view: scenariokit.StoredScenario) => expectedPayload(view, storedFields);

/** The type errors of generated modules, checked in one program as files of test/. */
function typeErrors(sources: readonly string[]): string[] {
  const found = typeCheck(new Map(sources.map((source, index) => [`${root}test/.generated/sample-${index}.ts`, source])));
  return [...found].flatMap(([name, errors]) => errors.map((error) => `${name}: ${error}`));
}

/** Runs a generated module (transpiled to CommonJS, `scenariokit` given as src/) and returns its exports. */
function load(source: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => {
    if (specifier !== 'scenariokit') throw new Error(`generated code imports ${specifier}`);
    return scenariokit;
  };
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  return module.exports;
}

/**
 * The identifiers a module uses that it neither imports nor declares (property names aside):
 * generated code that only calls scenariokit has none, so a string that escaped its literal would show here.
 */
function foreignIdentifiers(source: string): string[] {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.ES2022, true);
  const known = new Set<string>();
  const foreign: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isVariableDeclaration(node)) known.add((node.name as ts.Identifier).text);
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isImportSpecifier(parent) || ts.isVariableDeclaration(parent);
      if (!isName && !known.has(node.text)) foreign.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  file.statements.forEach((statement) => {
    const exported = (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) || (ts.isExportAssignment(statement) && !statement.isExportEquals);
    if (!ts.isImportDeclaration(statement) && !exported) {
      foreign.push(`statement: ${statement.getText().slice(0, 40)}`);
    }
    visit(statement);
  });
  return foreign;
}

/** The one builder a generated module exports. */
function exported(module: Record<string, unknown>): scenariokit.ScenarioBuilder {
  const builders = Object.values(module).filter(scenariokit.isScenarioBuilder);
  expect(builders).toHaveLength(1);
  return builders[0] as scenariokit.ScenarioBuilder;
}

const idView = { ...customBenchmarkExample[0]!, id: 'scn_1 */ globalThis.__scenariokitCanary = 1; /*' };
const protoView = { ...customBenchmarkExample[0]!, metadata: JSON.parse('{"__proto__": "polluted?", "team": "evals"}') as Record<string, string> };
const payloads = ['bug-1', 'bug 1', 'bug-2'].map((name) => Scenario.define(name).problem(`fix ${name}`).scorer(command('npm test'), 3).scorer(command('npm run lint'), 1).buildCreate());
const RESERVED_NAMES = ['command', 'Scenario', 'eval', 'arguments', '42', 'fix-null-check', 'test-based'];
const reservedSource = (name: string) => scenarioToCode({ ...customBenchmarkExample[0]!, name });

/** The modules of the tests below, type-checked with the random ones. */
const suiteSource = payloadsToCode(payloads, {
  suite: "bugs */ 'x'",
  header: 'Imported from bugs.jsonl */ globalThis.__scenariokitCanary = 1; /*\nMade again with: scenariokit import …',
  comment: (payload) => `From ${String(payload.name)}.`,
});
const FIXED_SOURCES = [...customBenchmarkExample.map(scenarioToCode), scenarioToCode(idView), scenarioToCode(protoView), payloadsToCode(payloads), suiteSource, ...RESERVED_NAMES.map(reservedSource)];

describe('pull writes code that compiles, runs nothing else, and rebuilds the scenario exactly', () => {
  it('for random views with hostile strings', () => {
    fc.assert(
      fc.property(fc.array(storedView, { minLength: 60, maxLength: 60 }), (views) => {
        const sources = views.map(scenarioToCode);
        for (const source of sources) {
          expect(Buffer.from(source, 'utf8').toString('utf8')).toBe(source); // no lone surrogate: the file's UTF-8 keeps it intact
          expect(foreignIdentifiers(source)).toEqual([]);
        }
        // one TypeScript program for the random modules and the fixed ones of the tests below
        expect(typeErrors([...sources, ...FIXED_SOURCES])).toEqual([]);
        delete (globalThis as Record<string, unknown>)[CANARY];
        views.forEach((view, index) => expect(exported(load(sources[index]!)).buildCreate()).toEqual(expected(view)));
        expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
      }),
      { numRuns: 1 }, // sixty views in one program: type-checking is the cost
    );
  });

  it("for Runloop's published custom-benchmark example (type-checked with the random modules above)", () => {
    const sources = customBenchmarkExample.map(scenarioToCode);
    customBenchmarkExample.forEach((view, index) => expect(exported(load(sources[index]!)).buildCreate()).toEqual(expected(view)));
    // the stored pattern is not escaped the way scenariokit escapes, so it is written as stored
    expect(sources[1]).toContain(".scorer(astGrep('print(\"Hello\")', { name: 'script_output_is_hello', lang: 'python', escaped: true }), 1)");
    expect(sources[2]).toContain(`.scorer(command("echo '1.0'", { name: 'script_output_is_hello' }), 0.3)`);
  });

  it('escapes a stored id that would close the comment it is written in', () => {
    const source = scenarioToCode(idView);
    expect(source).toContain("/** Pulled from Runloop scenario 'scn_1 *\\/ globalThis.__scenariokitCanary = 1; /*'. */");
    expect(foreignIdentifiers(source)).toEqual([]);
  });

  it('names exports so that they clash with no import and no reserved word', () => {
    const named = (name: string) => Object.keys(load(reservedSource(name)));
    expect(named('command')).toEqual(['commandScenario']);
    expect(named('Scenario')).toEqual(['scenario']);
    expect(named('test-based')).toEqual(['testBasedScenario']);
    expect(named('eval')).toEqual(['evalScenario']);
    expect(named('arguments')).toEqual(['argumentsScenario']);
    expect(named('42')).toEqual(['scenario42']);
    expect(named('fix-null-check')).toEqual(['fixNullCheck']);
  });

  it('keeps a __proto__ metadata key a key', () => {
    const source = scenarioToCode(protoView);
    expect(source).toContain(".metadata({ ['__proto__']: 'polluted?', team: 'evals' })");
    const payload = exported(load(source)).build();
    expect(JSON.stringify(payload.metadata)).toBe('{"__proto__":"polluted?","team":"evals"}');
    expect(Object.getPrototypeOf(payload.metadata)).toBe(Object.prototype);
  });

  it('refuses a scenario that breaks the API’s rules, naming them', () => {
    const view = { ...customBenchmarkExample[0]!, scorer_timeout_sec: 0 };
    expect(() => scenarioToCode(view)).toThrow(/cannot be written as code, since it breaks the API's rules:\n {2}- error scorerTimeout: must be at least 1 second/);
  });
});

describe('payloadsToCode', () => {
  it('writes one module (type-checked with the random modules above) whose exports rebuild each payload, export names kept apart', () => {
    const source = payloadsToCode(payloads);
    const module = load(source);
    expect(Object.keys(module)).toEqual(['bug1', 'bug1Scenario', 'bug2']);
    expect(Object.values(module).map((builder) => (builder as scenariokit.ScenarioBuilder).buildCreate())).toEqual(payloads);
  });

  it('with a suite, exports it by default holding every scenario, under a header and a comment per export that nothing can close', () => {
    const module = load(suiteSource);
    expect(Object.keys(module)).toEqual(['bug1', 'bug1Scenario', 'bug2', 'default']);
    const suite = module.default as scenariokit.Suite;
    expect(scenariokit.isSuite(suite)).toBe(true);
    expect(suite.name).toBe("bugs */ 'x'");
    expect(suite.builders).toEqual([module.bug1, module.bug1Scenario, module.bug2]);
    expect(suite.scenarios().map((scenario) => scenario.payload)).toEqual(payloads);
    expect(suiteSource).toMatch(/^\/\*\*\n \* Imported from bugs\.jsonl \*\\\/ globalThis.__scenariokitCanary = 1; \/\*\n \* Made again with: scenariokit import …\n \*\/\n\nimport \{ command, defineSuite, Scenario \} from 'scenariokit';\n/);
    expect(suiteSource).toContain("/** From bug 1. */\nexport const bug1Scenario = Scenario.define('bug 1')");
    expect(suiteSource).toContain('export default defineSuite("bugs */ \'x\'", [bug1, bug1Scenario, bug2]);');
    expect(foreignIdentifiers(suiteSource)).toEqual([]);
  });

  it('refuses a payload without a string name, naming its index, instead of writing Scenario.define(undefined)', () => {
    const unnamed = { metadata: { a: 'b' } } as scenariokit.ScenarioUpdatePayload;
    expect(() => payloadsToCode([payloads[0]!, unnamed])).toThrow(
      new TypeError('payloadsToCode: payloads[1] has no name (got undefined); each scenario is written as Scenario.define(name), so every payload needs a string name'),
    );
  });
});
