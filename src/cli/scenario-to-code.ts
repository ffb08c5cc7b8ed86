import type { ScoringFunction } from '@runloop/api-client/resources/scenarios/scenarios';
import { fromWireEnvironment } from '../environment/from-wire-environment.js';
import type { StoredScenario } from '../scenario/from-view.js';
import { escapeForDoubleQuotes, unescapeForDoubleQuotes } from '../scorers/escape-for-double-quotes.js';

type Definition = ScoringFunction['scorer'];

/**
 * TypeScript source that rebuilds a stored scenario with the DSL: `scenariokit pull` writes it.
 * Its `build()` equals `Scenario.fromView(view).build()`.
 */
export function scenarioToCode(view: StoredScenario): string {
  const factories = new Set<string>(['Scenario']);
  const calls: string[] = [];
  const input = view.input_context;
  if (view.environment) calls.push(`.env(${literal(fromWireEnvironment(view.environment), 1)})`);
  if (input) {
    const context = input.additional_context;
    calls.push(`.problem(${literal(input.problem_statement, 1)}${context == null ? '' : `, { context: ${literal(context, 1)} }`})`);
  }
  for (const fn of view.scoring_contract?.scoring_function_parameters ?? []) {
    const [factory, args] = scorerCall(fn.scorer, fn.name);
    factories.add(factory);
    calls.push(`.scorer(${factory}(${args.map((arg) => literal(arg, 1)).join(', ')}), ${fn.weight})`);
  }
  // empty values are stated with .clear(), which sends exactly them, as Scenario.fromView does
  const set = (value: object | undefined, method: string, clearable: string) =>
    value && calls.push(Object.keys(value).length > 0 ? `.${method}(${literal(value, 1)})` : `.clear('${clearable}')`);
  set(view.metadata, 'metadata', 'metadata');
  if (view.reference_output != null) calls.push(`.referenceOutput(${literal(view.reference_output, 1)})`);
  set(view.required_environment_variables, 'requiredEnv', 'requiredEnv');
  set(view.required_secret_names, 'requiredSecrets', 'requiredSecrets');
  if (view.scorer_timeout_sec != null) calls.push(`.scorerTimeout(${view.scorer_timeout_sec})`);
  if (view.validation_type != null) calls.push(`.validation(${literal(view.validation_type, 1)})`);
  if (view.is_public === true) calls.push('.public(true)');
  const imports = [...factories].sort((a, b) => a.localeCompare(b)).join(', ');
  return [
    `import { ${imports} } from 'scenariokit';`,
    '',
    `/** Pulled from Runloop scenario ${view.id}. */`,
    `export const ${identifierFor(view.name)} = Scenario.define(${literal(view.name, 0)})`,
    ...calls.map((call) => `  ${call}`),
  ].join('\n') + ';\n';
}

function scorerCall(scorer: Definition, name: string): [string, unknown[]] {
  switch (scorer.type) {
    case 'ast_grep_scorer': {
      // write the pattern as ast-grep reads it when the stored one is escaped the way scenariokit escapes
      const plain = unescapeForDoubleQuotes(scorer.pattern);
      const readable = escapeForDoubleQuotes(plain) === scorer.pattern;
      return ['astGrep', [readable ? plain : scorer.pattern, options({ name, searchDirectory: scorer.search_directory === '.' ? undefined : scorer.search_directory, lang: scorer.lang, escaped: readable ? undefined : true })]];
    }
    case 'test_based_scorer': {
      const files = scorer.test_files?.map((file) => ({ path: file.file_path, contents: file.file_contents }));
      const paths = new Set(files?.map((file) => file.path));
      const asRecord = files && paths.size === files.length && files.every((file) => typeof file.path === 'string');
      return ['testBased', [options({ name, command: scorer.test_command, files: asRecord ? Object.fromEntries(files.map((f) => [f.path, f.contents])) : files })]];
    }
    case 'command_scorer':
      return ['command', [scorer.command, { name }]];
    case 'bash_script_scorer':
      return ['bashScript', [scorer.bash_script, { name }]];
    case 'python_script_scorer':
      return ['pythonScript', [scorer.python_script, options({ name, pythonVersion: scorer.python_version_constraint, requirements: scorer.requirements_contents })]];
    case 'custom_scorer':
      return ['custom', [scorer.custom_scorer_type, options({ name, params: scorer.scorer_params })]];
  }
}

function options(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
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
