/**
 * What the compiler says, checked with the TypeScript compiler API in one program: a builder
 * method renamed on one side of ScenarioBuilder / its class fails to compile, and passing a
 * builder whose steps are not done to a helper that creates it is an error naming the steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { root, typeCheck } from './fixtures/type-check.js';

const builderFile = `${root}src/scenario/scenario-builder.ts`;
const helperFile = `${root}test/.generated/create-helper.ts`;

const renamed = readFileSync(builderFile, 'utf8').replace(/\n {2}weights\(mode: 'normalize' \| 'exact'\): ScenarioBuilderImpl \{/, "\n  weight(mode: 'normalize' | 'exact'): ScenarioBuilderImpl {");
const helper = `import { command, Scenario, type ScenarioBuilder } from 'scenariokit';
const createIt = (scenario: ScenarioBuilder) => scenario.create();
void createIt(Scenario.define('ready').problem('p').scorer(command('npm test')));
void createIt(Scenario.define('half-done'));
`;

describe('the compiler', () => {
  const found = typeCheck(new Map([[builderFile, renamed], [helperFile, helper]]));

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
