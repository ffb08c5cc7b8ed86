import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_EXCEPTIONS } from '../../src/testing/index.js';
import { findSpecFile, loadOpenApiSpec } from '../../src/testing/openapi-spec.js';
import { OpenApiValidator } from '../../src/testing/openapi-validator.js';
import { minimalCreateBody } from './fake-helpers.js';

const validator = OpenApiValidator.shared();
const withLaunch = (launch_parameters: Record<string, unknown>) => ({ ...minimalCreateBody, environment_parameters: { launch_parameters } });

describe('the OpenAPI copy', () => {
  // The project's shared reference folder sits beside the repository (as in CI).
  const reference = new URL('../../../shared/reference/runloop-scenarios-openapi.yml', import.meta.url);

  it.skipIf(!existsSync(reference))('is the reference copy, unchanged', () => {
    expect(readFileSync(findSpecFile(), 'utf8').endsWith(readFileSync(reference, 'utf8'))).toBe(true);
  });

  it('keeps the provenance line of each of its files', () => {
    const spec = loadOpenApiSpec();
    expect(spec.files.map((file) => file.replace(/.*[\\/]/, ''))).toEqual(['runloop-scenarios-openapi.yml', 'runloop-benchmarks-blueprints-openapi.yml']);
    for (const provenance of spec.provenance) {
      expect(provenance).toMatch(/^Extracted from github\.com\/api-evangelist\/runloop-ai openapi\/_original\/runloop-api-openapi\.yml .*Third-party copy of Runloop public spec\.$/);
    }
  });

  it('reads its files as one spec: the blueprint schemas refer to LaunchParameters of the scenario file', () => {
    const { schemas } = loadOpenApiSpec();
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['BenchmarkCreateParameters', 'BlueprintBuildParameters', 'ObjectCreateParameters', 'LaunchParameters']));
    expect((schemas.BlueprintBuildParameters?.properties as Record<string, unknown>).launch_parameters).toMatchObject({ $ref: '#/components/schemas/LaunchParameters' });
  });

  it('refuses a schema defined in two files', () => {
    const scenarios = findSpecFile();
    expect(() => loadOpenApiSpec([scenarios, scenarios])).toThrow(/schema AgentMount is defined in .*runloop-scenarios-openapi\.yml too; define it in one file only/);
  });

  it('is patched with the documented exceptions, and only these', () => {
    expect(SPEC_EXCEPTIONS.map((exception) => exception.at)).toEqual([
      'ScenarioCreateParameters.is_public',
      'ScenarioUpdateParameters.is_public',
      'ScenarioEnvironment.prebuilt_id',
      'LaunchParameters.provisioning_tier',
      'LaunchParameters.custom_cpu_cores',
      'LifecycleConfigurationParameters.lifecycle_hooks',
    ]);
  });
});

describe('OpenApiValidator', () => {
  it('accepts the exceptions', () => {
    const body = {
      ...withLaunch({
        resource_size_request: 'CUSTOM_SIZE',
        custom_cpu_cores: 0.5,
        custom_gb_memory: 2,
        provisioning_tier: 'flex',
        lifecycle: { lifecycle_hooks: { suspend_commands: ['sync'], suspend_deadline_ms: 5000 } },
      }),
      is_public: true,
    };
    body.environment_parameters = { ...body.environment_parameters, prebuilt_id: 'pre_1' } as never;
    expect(validator.validate('ScenarioCreateParameters', body)).toEqual([]);
    expect(validator.validate('ScenarioUpdateParameters', { is_public: false })).toEqual([]);
  });

  it('still holds the spec everywhere else around them', () => {
    expect(validator.validate('ScenarioCreateParameters', withLaunch({ custom_cpu_cores: 1.5, provisioning_tier: 'cheap' }))).toEqual([
      { path: 'environment_parameters.launch_parameters.custom_cpu_cores', message: 'must be an integer or 0.5 or null' },
      { path: 'environment_parameters.launch_parameters.provisioning_tier', message: 'must be one of standard, flex (or null)' },
    ]);
    expect(validator.validate('ScenarioUpdateParameters', { environment_parameters: { launch_parameters: { lifecycle: { lifecycle_hooks: { suspend_commands: 'sync' } } } } })).toEqual([
      { path: 'environment_parameters.launch_parameters.lifecycle.lifecycle_hooks.suspend_commands', message: 'must be an array or null' },
    ]);
  });

  it('accepts null wherever the spec says nullable, including nullable references', () => {
    const body = { name: null, input_context: null, scoring_contract: { scoring_function_parameters: null }, environment_parameters: { launch_parameters: null }, validation_type: null };
    expect(validator.validate('ScenarioUpdateParameters', body)).toEqual([]);
    expect(validator.validate('ScenarioCreateParameters', { ...minimalCreateBody, input_context: null })).toEqual([
      { path: 'input_context', message: 'must be an object' },
    ]);
  });

  it('reports every problem at once, each at its path', () => {
    const body = {
      nme: 'typo',
      metadata: { 'team.name': 1 },
      scorer_timeout_sec: 1.5,
      scoring_contract: { scoring_function_parameters: [{ name: 'a', weight: '1', scorer: { type: 'ast_grep_scorer', pattern: 'x' } }] },
    };
    expect(validator.validate('ScenarioUpdateParameters', body)).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field",
          "path": "nme",
        },
        {
          "message": "is required",
          "path": "scoring_contract.scoring_function_parameters[0].scorer.search_directory",
        },
        {
          "message": "must be a number",
          "path": "scoring_contract.scoring_function_parameters[0].weight",
        },
        {
          "message": "must be a string",
          "path": "metadata["team.name"]",
        },
        {
          "message": "must be an integer or null",
          "path": "scorer_timeout_sec",
        },
      ]
    `);
  });

  it('checks what the spec states, not rules that live only in its descriptions', () => {
    // Weights that do not sum to 1 and scorer names with spaces: the DSL's checks, not the schema's.
    const body = { ...minimalCreateBody, scoring_contract: { scoring_function_parameters: [{ name: 'not valid', weight: 5, scorer: { type: 'command_scorer' } }] } };
    expect(validator.validate('ScenarioCreateParameters', body)).toEqual([]);
  });
});
