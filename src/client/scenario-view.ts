import type { ScenarioView as SdkScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';

/**
 * A stored scenario as Runloop returns it (`GET /v1/scenarios/{id}`): `@runloop/api-client`'s
 * `ScenarioView`, with `environment` where a payload has `environment_parameters`.
 *
 * @example
 * ```ts
 * const view: ScenarioView = await scenario.push('scn_123');
 * view.status; // 'active'
 * ```
 */
export type ScenarioView = SdkScenarioView;
