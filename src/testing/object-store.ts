import { randomBytes } from 'node:crypto';
import type { ObjectView } from '@runloop/api-client/resources/objects';
import { ApiFailure } from './api-failure.js';
import { inFieldOrder, withoutNulls, type CheckedBody } from './api-call.js';
import { RecordStore } from './record-store.js';

/**
 * Runloop's storage objects, as far as a blueprint's build context needs them: create (the view
 * carries an `upload_url`, answered by the fake itself, with a token in place of a signature),
 * the upload (`PUT` to that URL), complete, and retrieve. The fake keeps an object's size, not
 * its content: nothing in it reads the content. The upload tokens live in memory only, so an
 * object still `UPLOADING` when a persisted fake restarts can no longer be uploaded.
 *
 * @example
 * ```ts
 * const store = new ObjectStore({ seed: 1, uploadUrl: (id, token) => `${baseURL}/scenariokit-fake/uploads/${id}/${token}` });
 * const { id } = store.create({ name: 'context.tar.gz', content_type: 'tgz' });
 * ```
 */
export class ObjectStore {
  readonly #store: RecordStore<ObjectView>;
  readonly #tokens = new Map<string, { token: string; size?: number }>();
  readonly #uploadUrl: (id: string, token: string) => string;

  /** `uploadUrl` makes the URL an upload goes to; the other options are those of every store of the fake. */
  constructor(options: {
    seed?: number | undefined;
    initial?: readonly ObjectView[] | undefined;
    onChange?: (() => void) | undefined;
    uploadUrl: (id: string, token: string) => string;
  }) {
    const { uploadUrl, ...rest } = options;
    this.#store = new RecordStore({ kind: 'object', idPrefix: 'obj', ...rest });
    this.#uploadUrl = uploadUrl;
  }

  /** Creates an object, `UPLOADING`, from a checked create body; the answer alone carries its `upload_url`. */
  create(body: CheckedBody): ObjectView {
    const { ttl_ms: ttl, ...fields } = withoutNulls(body);
    const now = Date.now();
    const view = {
      id: this.#store.newId(),
      ...fields,
      state: 'UPLOADING',
      create_time_ms: now,
      ...(typeof ttl === 'number' && { delete_after_time_ms: now + ttl }),
    } as ObjectView;
    const token = randomBytes(16).toString('hex');
    this.#tokens.set(view.id, { token });
    return { ...this.#store.put(inFieldOrder(view, VIEW_ORDER)), upload_url: this.#uploadUrl(view.id, token) };
  }

  /** Takes the upload of object `id` (404 if unknown, 403 for a wrong token, and once it is complete: completing spends the token). */
  upload(id: string, token: string, size: number): void {
    this.#store.find(id);
    const upload = this.#tokens.get(id);
    if (upload === undefined || upload.token !== token) throw new ApiFailure(403, `the upload URL of object ${id} is not valid (wrong or expired token)`);
    upload.size = size;
  }

  /** Marks object `id` uploaded: `READ_ONLY`, with its size. 404 if unknown, 409 if not `UPLOADING`, 400 if nothing was uploaded. */
  complete(id: string): ObjectView {
    const view = this.#store.find(id);
    if (view.state !== 'UPLOADING') throw new ApiFailure(409, `object ${id} is ${view.state}, not UPLOADING`);
    const size = this.#tokens.get(id)?.size;
    if (size === undefined) throw new ApiFailure(400, `object ${id} has no content: PUT it to its upload_url before completing it`);
    this.#tokens.delete(id);
    return this.#store.put(inFieldOrder({ ...structuredClone(view), state: 'READ_ONLY', size_bytes: size }, VIEW_ORDER));
  }

  /** The object `id`; 404 if unknown. */
  get(id: string): ObjectView {
    return this.#store.get(id);
  }

  /** The object `id` if it exists, to read (not copied). */
  peek(id: string): Readonly<ObjectView> | undefined {
    return this.#store.has(id) ? this.#store.find(id) : undefined;
  }

  /** Every object, oldest first (copies). */
  all(): ObjectView[] {
    return this.#store.all();
  }

  /** The stored objects themselves, oldest first, to serialise without copying (read them, never write them). */
  views(): IterableIterator<Readonly<ObjectView>> {
    return this.#store.views();
  }

  /** Forgets every object and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.#tokens.clear();
    this.#store.clear();
  }
}

/** The fields of a stored view, in the order the published schema lists them. */
const VIEW_ORDER = ['id', 'name', 'state', 'size_bytes', 'content_type', 'create_time_ms', 'delete_after_time_ms', 'metadata', 'upload_url'];
