import { viewToCalls, type StoredScenario } from '../scenario/from-view.js';
import type { ScorerDefinition } from '../schema/scorer-definition.js';
import { escapeForDoubleQuotes, unescapeForDoubleQuotes } from '../scorers/escape-for-double-quotes.js';
import type { Scorer } from '../scorers/scorer.js';
import { definedEntries } from '../util/defined-entries.js';

/**
 * TypeScript source that rebuilds a stored scenario with the DSL: `scenariokit pull` writes it.
 * It prints the very calls `Scenario.fromView` makes, with scorers written as factory calls.
 */
export function scenarioToCode(view: StoredScenario): string {
  const factories = new Set<string>(['Scenario']);
  const [, ...calls] = viewToCalls(view); // the first is .name(), written as Scenario.define(name)
  const lines = calls.map(([method, ...args]) => {
    if (method !== 'scorer') return `.${method}(${args.map((arg) => literal(arg, 1)).join(', ')})`;
    const [scorer, weight] = args as [Scorer, number];
    const [factory, factoryArgs] = scorerCall(scorer.definition, scorer.name);
    factories.add(factory);
    return `.scorer(${factory}(${factoryArgs.map((arg) => literal(arg, 1)).join(', ')}), ${weight})`;
  });
  const imports = [...factories].sort((a, b) => a.localeCompare(b)).join(', ');
  return [
    `import { ${imports} } from 'scenariokit';`,
    '',
    `/** Pulled from Runloop scenario ${view.id}. */`,
    `export const ${identifierFor(view.name)} = Scenario.define(${literal(view.name, 0)})`,
    ...lines.map((line) => `  ${line}`),
  ].join('\n') + ';\n';
}

function scorerCall(scorer: ScorerDefinition, name: string | undefined): [string, unknown[]] {
  switch (scorer.type) {
    case 'ast_grep_scorer': {
      // write the pattern as ast-grep reads it when the stored one is escaped the way scenariokit escapes
      const plain = unescapeForDoubleQuotes(scorer.pattern);
      const readable = escapeForDoubleQuotes(plain) === scorer.pattern;
      return ['astGrep', [readable ? plain : scorer.pattern, definedEntries({ name, searchDirectory: scorer.search_directory === '.' ? undefined : scorer.search_directory, lang: scorer.lang, escaped: readable ? undefined : true })]];
    }
    case 'test_based_scorer': {
      const files = scorer.test_files?.map((file) => ({ path: file.file_path, contents: file.file_contents }));
      const paths = new Set(files?.map((file) => file.path));
      const asRecord = files && paths.size === files.length && files.every((file) => typeof file.path === 'string');
      return ['testBased', [definedEntries({ name, command: scorer.test_command, files: asRecord ? Object.fromEntries(files.map((f) => [f.path, f.contents])) : files })]];
    }
    case 'command_scorer':
      return ['command', [scorer.command, { name }]];
    case 'bash_script_scorer':
      return ['bashScript', [scorer.bash_script, { name }]];
    case 'python_script_scorer':
      return ['pythonScript', [scorer.python_script, definedEntries({ name, pythonVersion: scorer.python_version_constraint, requirements: scorer.requirements_contents })]];
    case 'custom_scorer':
      return ['custom', [scorer.custom_scorer_type, definedEntries({ name, params: scorer.scorer_params })]];
  }
}

/** A TypeScript literal for a JSON value, indented for a chain at `depth`. */
function literal(value: unknown, depth: number): string {
  if (typeof value === 'string') return value.includes('\n') ? templateLiteral(value) : quote(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, depth + 1));
    const inline = `[${items.join(', ')}]`;
    return inline.length <= 80 && !inline.includes('\n') ? inline : `[\n${items.map((item) => `${inner}${item},`).join('\n')}\n${outer}]`;
  }
  const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${literal(item, depth + 1)}`);
  if (entries.length === 0) return '{}';
  const inline = `{ ${entries.join(', ')} }`;
  return inline.length <= 80 && !inline.includes('\n') ? inline : `{\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${outer}}`;
}

function quote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}'`;
}

function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r')}\``;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

/** A camelCase export name for a scenario name, or `scenario` when none can be made. */
function identifierFor(name: string): string {
  const camel = name.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : '')).replace(/^[A-Z]/, (c) => c.toLowerCase());
  return /^[A-Za-z_$][\w$]*$/.test(camel) && !RESERVED.has(camel) ? camel : 'scenario';
}
