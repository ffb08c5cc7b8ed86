import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { ApiFailure } from './api-failure.js';
import { inFieldOrder, withoutNulls, type CheckedBody } from './api-call.js';
import { RecordStore, type PageQuery } from './record-store.js';

/**
 * What `GET /v1/scenarios` can filter and page by, in camelCase.
 *
 * @example
 * ```ts
 * store.list({ name: 'fix-null-check', limit: 10 });
 * ```
 */
export interface ListQuery extends PageQuery {
  /** Only scenarios with exactly this name. */
  name?: string | undefined;
  /** Only scenarios whose id or name contains this text (case-insensitive). */
  search?: string | undefined;
  /** Only scenarios with this validation type. */
  validationType?: string | undefined;
  /** Only scenarios with these ids: those of the benchmark named by `benchmark_id` (none for an unknown benchmark). */
  ids?: ReadonlySet<string> | undefined;
  /** Only public scenarios (`/v1/scenarios/list_public`). */
  publicOnly?: boolean | undefined;
}

/**
 * One page of a listing, as the API sends it.
 *
 * @example
 * ```ts
 * const page: ScenarioPage = { scenarios: [], has_more: false, total_count: 0 };
 * ```
 */
export interface ScenarioPage {
  scenarios: ScenarioView[];
  has_more: boolean;
  total_count?: number;
}

/**
 * Fields whose object has a member every scenario needs: a provided object replaces the stored
 * one entirely, except that this member, when absent or null, keeps its stored value.
 */
const REQUIRED_MEMBER: Readonly<Record<string, string>> = {
  input_context: 'problem_statement',
  scoring_contract: 'scoring_function_parameters',
};

/**
 * Runloop's scenarios, in memory, with the API's semantics:
 * - create stores `environment_parameters` as `environment`, `metadata` as `{}` when absent, and
 *   `status: 'active'`; ids look like Runloop's (`scn_` + 21 characters);
 * - update keeps absent or null fields and replaces provided ones entirely (a metadata map, an
 *   environment, a list, an input context: its `additional_context` goes unless sent again);
 *   only the problem statement and the scorer list, members every scenario needs, are kept when
 *   an `input_context` or `scoring_contract` leaves them out;
 * - archived scenarios cannot be updated, are left out of listings and are still retrieved by id;
 *   public scenarios cannot be archived.
 * Every view handed out is a copy.
 *
 * @example
 * ```ts
 * const store = new ScenarioStore({ seed: 1 });
 * const view = store.create({ name: 'x', input_context: { problem_statement: 'p' }, scoring_contract: { scoring_function_parameters: [] } });
 * store.update(view.id, { metadata: { team: 'evals' } }).metadata; // { team: 'evals' }
 * ```
 */
export class ScenarioStore {
  readonly #store: RecordStore<ScenarioView>;

  /**
   * `seed` makes the ids repeatable (without it they are random, so that no two stores hand out
   * the same ids); `initial` are scenarios to start with (e.g. read from a file); `onChange` is
   * called after each change (e.g. to persist the scenarios).
   */
  constructor(options: { seed?: number | undefined; initial?: readonly ScenarioView[] | undefined; onChange?: (() => void) | undefined }) {
    this.#store = new RecordStore({ kind: 'scenario', idPrefix: 'scn', ...options });
  }

  /** Creates a scenario from a checked create body. */
  create(body: CheckedBody): ScenarioView {
    const view: Record<string, unknown> = { id: this.#store.newId(), metadata: {} };
    for (const [field, value] of Object.entries(body)) {
      if (value === null || value === undefined) continue;
      view[viewField(field)] = field in REQUIRED_MEMBER ? withoutNulls(value as CheckedBody) : structuredClone(value);
    }
    view.status = 'active';
    return this.#commit(view as unknown as ScenarioView);
  }

  /** Updates scenario `id` from a checked update body; 404 if unknown, 400 if archived or left incomplete. */
  update(id: string, body: CheckedBody): ScenarioView {
    const current = this.#store.find(id);
    if (current.status === 'archived') {
      throw new ApiFailure(400, `scenario ${id} is archived; archived scenarios cannot be updated`);
    }
    const next: Record<string, unknown> = structuredClone(current) as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(body)) {
      if (value === null || value === undefined) continue;
      const key = viewField(field);
      const required = REQUIRED_MEMBER[field];
      next[key] = required
        ? { [required]: (next[key] as Record<string, unknown> | undefined)?.[required], ...withoutNulls(value as CheckedBody) }
        : structuredClone(value);
    }
    return this.#commit(next as unknown as ScenarioView);
  }

  /** The scenario `id`, archived or not; 404 if unknown. */
  get(id: string): ScenarioView {
    return this.#store.get(id);
  }

  /** Whether a scenario (archived or not) has this id. */
  has(id: string): boolean {
    return this.#store.has(id);
  }

  /** Archives scenario `id` (archiving twice is harmless); 404 if unknown, 403 if public. */
  archive(id: string): ScenarioView {
    return this.#setStatus(id, 'archived', 'archive');
  }

  /** Makes an archived scenario active again; 404 if unknown, 403 if public. */
  unarchive(id: string): ScenarioView {
    return this.#setStatus(id, 'active', 'unarchive');
  }

  /** A page of active scenarios, newest first; 400 for a cursor that names no scenario. */
  list(query: ListQuery): ScenarioPage {
    const search = query.search?.toLowerCase();
    const matches = (view: Readonly<ScenarioView>) =>
      view.status === 'active' &&
      (query.name === undefined || view.name === query.name) &&
      (search === undefined || view.id.toLowerCase().includes(search) || view.name.toLowerCase().includes(search)) &&
      (query.validationType === undefined || view.validation_type === query.validationType) &&
      (query.ids === undefined || query.ids.has(view.id)) &&
      (!query.publicOnly || view.is_public === true);
    const { items, hasMore, totalCount } = this.#store.list(query, matches);
    return totalCount === undefined ? { scenarios: items, has_more: hasMore } : { scenarios: items, has_more: hasMore, total_count: totalCount };
  }

  /** Every stored scenario, archived ones included, oldest first (copies). */
  all(): ScenarioView[] {
    return this.#store.all();
  }

  /**
   * The stored scenarios themselves, oldest first, to serialise without copying: a stored view
   * is never changed in place (a change stores a new one), so it may be read, never written.
   */
  views(): IterableIterator<Readonly<ScenarioView>> {
    return this.#store.views();
  }

  /** Forgets every scenario and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.#store.clear();
  }

  #setStatus(id: string, status: ScenarioView['status'], verb: string): ScenarioView {
    const current = this.#store.find(id);
    if (current.is_public === true) throw new ApiFailure(403, `cannot ${verb} scenario ${id}: it is public`);
    if (current.status === status) return structuredClone(current);
    return this.#commit({ ...structuredClone(current), status });
  }

  #commit(changed: ScenarioView): ScenarioView {
    const view = inFieldOrder(changed, VIEW_ORDER);
    checkComplete(view);
    return this.#store.put(view);
  }
}

/** An update may not leave out what every scenario has (a problem statement, a scorer list). */
function checkComplete(view: ScenarioView): void {
  if (typeof view.input_context?.problem_statement !== 'string') {
    throw new ApiFailure(400, 'input_context.problem_statement: is required (the scenario has none yet)');
  }
  if (!Array.isArray(view.scoring_contract?.scoring_function_parameters)) {
    throw new ApiFailure(400, 'scoring_contract.scoring_function_parameters: is required (the scenario has none yet)');
  }
}

/** The fields of a stored view, in the order the API documents them; others (none expected) follow. */
const VIEW_ORDER = [
  'id',
  'name',
  'input_context',
  'scoring_contract',
  'environment',
  'metadata',
  'reference_output',
  'required_environment_variables',
  'required_secret_names',
  'validation_type',
  'scorer_timeout_sec',
  'is_public',
  'status',
];

/** The view's name for a request field: the request's `environment_parameters` is the view's `environment`. */
function viewField(field: string): string {
  return field === 'environment_parameters' ? 'environment' : field;
}
