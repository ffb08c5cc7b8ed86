import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { ScenarioCreatePayloadSchema } from '../index.js';

/**
 * The JSON Schema (draft-07, which editors support fully) of a payload file: a scenario create
 * payload, or a list of them. The payload's schema is generated from the zod schema the DSL
 * validates with (`definitions.ScenarioCreatePayload`), so the two cannot drift apart. Rules that
 * JSON Schema cannot state (weights summing to 1, unique scorer names, one environment source…)
 * are checked by `scenariokit validate`, not by editors.
 */
export function payloadFileSchema(): Record<string, unknown> {
  const { $schema, definitions, ...payload } = z.toJSONSchema(ScenarioCreatePayloadSchema, { target: 'draft-07', io: 'input' });
  const one = { $ref: '#/definitions/ScenarioCreatePayload' };
  return {
    $schema,
    $id: `urn:scenariokit:${packageJson.version}:payload-file`,
    title: 'scenariokit payload file',
    description: `A Runloop scenario create payload (the body of POST /v1/scenarios), or a list of them, as scenariokit ${packageJson.version} reads them from .json and .yaml files. Run scenariokit validate for the rules a JSON Schema cannot state.`,
    anyOf: [one, { type: 'array', items: one }],
    definitions: { ...(definitions as object | undefined), ScenarioCreatePayload: payload },
  };
}
