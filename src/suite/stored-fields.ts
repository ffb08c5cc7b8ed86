import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import type { ScenarioUpdatePayload } from '../schema/scenario-payload.js';

/**
 * A stored scenario in payload terms: the fields an update would carry, `environment` renamed
 * to `environment_parameters`, nulls dropped at every depth (the API returns null for unset).
 */
export function storedFields(view: ScenarioView): Record<string, unknown> {
  const { id: _id, status: _status, environment, ...rest } = view;
  return withoutNulls({ ...rest, environment_parameters: environment }) as Record<keyof ScenarioUpdatePayload, unknown>;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null && item !== undefined)
      .map(([key, item]) => [key, withoutNulls(item)]),
  );
}
