import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { ENVIRONMENT_FIELDS } from '../environment/environment-fields.js';
import { wireWithoutNulls } from '../environment/field-table.js';
import { isPlainObject } from '../schema/json-object.js';
import { withoutNulls } from '../util/without-nulls.js';

/**
 * A stored scenario in payload terms: the fields an update would carry, `environment` renamed
 * to `environment_parameters`, `null` fields (the API's "not set") left out at every level of the
 * payload's structure, while JSON data (a context, scorer params) is kept exactly, nulls included.
 */
export function storedFields(view: ScenarioView): Record<string, unknown> {
  const { id: _id, status: _status, environment, ...rest } = view;
  const fields: Record<string, unknown> = { ...withoutNulls({ ...rest, environment_parameters: environment }) };
  const { environment_parameters: env, input_context: input, scoring_contract: scoring } = fields;
  if (isPlainObject(env)) fields.environment_parameters = wireWithoutNulls(ENVIRONMENT_FIELDS, env);
  if (isPlainObject(input)) fields.input_context = withoutNulls(input);
  if (isPlainObject(scoring) && Array.isArray(scoring.scoring_function_parameters)) {
    fields.scoring_contract = {
      scoring_function_parameters: scoring.scoring_function_parameters.map((fn: unknown) =>
        isPlainObject(fn) && isPlainObject(fn.scorer) ? { ...fn, scorer: withoutNulls(fn.scorer) } : fn,
      ),
    };
  }
  return fields;
}
