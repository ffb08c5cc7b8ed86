import type { BlueprintBuildParameters, BlueprintView } from '@runloop/api-client/resources/blueprints';
import { ApiFailure } from './api-failure.js';
import { checkNotBlank, inFieldOrder, withoutNulls, type CheckedBody } from './api-call.js';
import type { ObjectStore } from './object-store.js';
import { RecordStore, type PageQuery, type RecordPage } from './record-store.js';

/**
 * Runloop's blueprints, in memory. The fake builds nothing: a blueprint is `build_complete` (state
 * `created`) as soon as it is created, with `build_finish_time_ms` equal to `create_time_ms`, so
 * `client.blueprints.awaitBuildComplete(id)` returns at once. The view keeps the create body
 * (without nulls) as `parameters`, and its `metadata`, `services` (as `containerized_services`)
 * and base blueprint. Checked as the API documents: a name that is not blank; at most one of
 * `base_blueprint_id` and `base_blueprint_name`, naming a stored blueprint (the name: a built
 * one, the newest); a `build_context` object that exists and is uploaded (`READ_ONLY`). Ids look
 * like Runloop's (`bpt_` + 21 characters).
 *
 * @example
 * ```ts
 * const store = new BlueprintStore({ seed: 1, objects });
 * store.create({ name: 'python-3.12', dockerfile: 'FROM python:3.12' }).status; // 'build_complete'
 * ```
 */
export class BlueprintStore {
  readonly #store: RecordStore<BlueprintView>;
  readonly #objects: ObjectStore;

  /** `objects` holds the build contexts; the other options are those of every store of the fake. */
  constructor(options: {
    seed?: number | undefined;
    initial?: readonly BlueprintView[] | undefined;
    onChange?: (() => void) | undefined;
    objects: ObjectStore;
  }) {
    const { objects, ...rest } = options;
    this.#store = new RecordStore({ kind: 'blueprint', idPrefix: 'bpt', ...rest });
    this.#objects = objects;
  }

  /** Creates a blueprint, built, from a checked create body; 400 naming the field for what the API refuses. */
  create(body: CheckedBody): BlueprintView {
    checkNotBlank('name', body.name);
    const parameters = withoutNulls(body) as unknown as BlueprintBuildParameters;
    const baseBlueprintId = this.#baseBlueprint(parameters);
    const objectId = parameters.build_context?.object_id;
    if (objectId !== undefined) {
      const context = this.#objects.peek(objectId);
      if (context?.state !== 'READ_ONLY') {
        const problem = context === undefined ? `no object ${objectId}` : `object ${objectId} is ${context.state}; complete its upload first`;
        throw new ApiFailure(400, `build_context.object_id: ${problem}`, [{ path: 'build_context.object_id', message: problem }]);
      }
    }
    const now = Date.now();
    const view = {
      id: this.#store.newId(),
      name: parameters.name,
      status: 'build_complete',
      state: 'created',
      create_time_ms: now,
      build_finish_time_ms: now,
      parameters,
      ...(baseBlueprintId !== undefined && { base_blueprint_id: baseBlueprintId }),
      ...(parameters.services !== undefined && { containerized_services: structuredClone(parameters.services) }),
      ...(parameters.metadata !== undefined && { metadata: structuredClone(parameters.metadata) }),
    } as BlueprintView;
    return this.#store.put(inFieldOrder(view, VIEW_ORDER));
  }

  /** The blueprint `id`; 404 if unknown. */
  get(id: string): BlueprintView {
    return this.#store.get(id);
  }

  /** A page of blueprints (those named `name`, exactly, and with build status `status`, when given), newest first. */
  list(query: PageQuery & { name?: string | undefined; status?: string | undefined }): RecordPage<BlueprintView> {
    return this.#store.list(query, (view) => (query.name === undefined || view.name === query.name) && (query.status === undefined || view.status === query.status));
  }

  /** Every blueprint, oldest first (copies). */
  all(): BlueprintView[] {
    return this.#store.all();
  }

  /** The stored blueprints themselves, oldest first, to serialise without copying (read them, never write them). */
  views(): IterableIterator<Readonly<BlueprintView>> {
    return this.#store.views();
  }

  /** Forgets every blueprint and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.#store.clear();
  }

  /** The id of the base blueprint the parameters name, if any. */
  #baseBlueprint(parameters: BlueprintBuildParameters): string | undefined {
    const { base_blueprint_id: id, base_blueprint_name: name } = parameters;
    const refuse = (field: string, message: string) => new ApiFailure(400, `${field}: ${message}`, [{ path: field, message }]);
    if (id !== undefined && id !== null && name !== undefined && name !== null) throw refuse('base_blueprint_name', 'give base_blueprint_id or base_blueprint_name, not both');
    if (typeof id === 'string') {
      if (!this.#store.has(id)) throw refuse('base_blueprint_id', `no blueprint ${id}`);
      return id;
    }
    if (typeof name !== 'string') return undefined;
    const [newest] = this.list({ name, status: 'build_complete', limit: 1, includeTotalCount: false }).items;
    if (newest === undefined) throw refuse('base_blueprint_name', `no built blueprint is named ${JSON.stringify(name)}`);
    return newest.id;
  }
}

/** The fields of a stored view, in the order the published schema lists them. */
const VIEW_ORDER = [
  'id',
  'name',
  'status',
  'state',
  'create_time_ms',
  'build_finish_time_ms',
  'parameters',
  'failure_reason',
  'base_blueprint_id',
  'containerized_services',
  'is_public',
  'metadata',
  'devbox_capabilities',
];
