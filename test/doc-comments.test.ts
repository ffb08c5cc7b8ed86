import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = ['src/index.ts', 'src/testing/index.ts', 'src/cli/index.ts', 'src/verify/index.ts', 'src/import/index.ts'];

/** Every symbol an entry exports, with its doc comment's summary and whether it has an example. */
function exportedDocs() {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(entries.map((entry) => `${root}${entry}`), config.options);
  const checker = program.getTypeChecker();
  return entries.flatMap((entry) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(`${root}${entry}`)!)!;
    return checker.getExportsOfModule(module).map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
      return { name: `${entry}: ${exported.name}`, file: declaration?.getSourceFile().fileName ?? '', summary, hasExample: tags.includes('example') };
    });
  });
}

describe('the public API', () => {
  const docs = exportedDocs();

  it('is declared in this package, so that its documentation is ours', () => {
    expect(docs.filter((doc) => !doc.file.startsWith(`${root}src/`)).map((doc) => doc.name)).toEqual([]);
  });

  it('has a one-line summary on every exported symbol', () => {
    expect(docs.filter((doc) => doc.summary === '').map((doc) => doc.name)).toEqual([]);
  });

  it('has an example on every exported symbol', () => {
    expect(docs.filter((doc) => !doc.hasExample).map((doc) => doc.name)).toEqual([]);
  });

  it('exports what the issue names, from the core entry', () => {
    const core = docs.filter((doc) => doc.name.startsWith('src/index.ts')).map((doc) => doc.name.split(': ')[1]);
    expect(core).toEqual(
      expect.arrayContaining(['Scenario', 'astGrep', 'testBased', 'command', 'bashScript', 'pythonScript', 'custom', 'ScenarioValidationError', 'ScenarioUpdatePayload', 'ScenarioCreatePayload', 'ScenarioBuilder', 'Scorer', 'defineSuite']),
    );
  });
});
