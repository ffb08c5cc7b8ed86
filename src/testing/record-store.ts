import { ApiFailure } from './api-failure.js';
import { deriveSeed, randomId, seededRandom, unseededRandom, type Random } from './seeded-random.js';

/**
 * The page size of a listing without `limit`.
 *
 * @example
 * ```ts
 * store.list({}, () => true).items.length <= DEFAULT_LIMIT; // true
 * ```
 */
const DEFAULT_LIMIT = 20;

/**
 * The largest page size; a larger `limit` is lowered to it.
 *
 * @example
 * ```ts
 * store.list({ limit: 10_000 }, () => true); // pages of at most MAX_LIMIT
 * ```
 */
export const MAX_LIMIT = 5000;

/**
 * How a listing pages: the paging parameters every Runloop listing shares, in camelCase.
 *
 * @example
 * ```ts
 * const query: PageQuery = { limit: 100, startingAfter: 'bmd_123', includeTotalCount: false };
 * ```
 */
export interface PageQuery {
  /** Page size, 1 to 5000; default 20. */
  limit?: number | undefined;
  /** Start after the record with this id. */
  startingAfter?: string | undefined;
  /** Include `total_count` (default true). */
  includeTotalCount?: boolean | undefined;
}

/**
 * One page of a listing: its records, whether more follow, and (unless left out) how many match in all.
 *
 * @example
 * ```ts
 * const page: RecordPage<BenchmarkView> = { items: [], hasMore: false, totalCount: 0 };
 * ```
 */
export interface RecordPage<T> {
  readonly items: T[];
  readonly hasMore: boolean;
  readonly totalCount?: number;
}

/**
 * What a {@link RecordStore} is made with.
 *
 * @example
 * ```ts
 * const options: RecordStoreOptions<BenchmarkView> = { kind: 'benchmark', idPrefix: 'bmd', seed: 7, onChange: () => writer.changed() };
 * ```
 */
export interface RecordStoreOptions<T> {
  /** The record's kind, for messages (`benchmark bmd_1 not found`). */
  readonly kind: string;
  /** The prefix of its ids (`bmd`), as Runloop's. */
  readonly idPrefix: string;
  /** Makes the ids repeatable; without it they are random, so that no two stores hand out the same ids. */
  readonly seed?: number | undefined;
  /** Records to start with (e.g. read from a file). */
  readonly initial?: readonly T[] | undefined;
  /** Called after each change (e.g. to persist the records). */
  readonly onChange?: (() => void) | undefined;
}

/**
 * The bookkeeping every resource of the fake shares: records by id in creation order, ids in
 * Runloop's style from a seeded or random stream of their own, 404 for an unknown id, listings
 * newest first with Runloop's paging, and a call to `onChange` after each change. A stored record
 * is never changed in place (a change stores a new one); every record handed out is a copy.
 *
 * @example
 * ```ts
 * const store = new RecordStore<BenchmarkView>({ kind: 'benchmark', idPrefix: 'bmd', seed: 1 });
 * const view = store.put({ id: store.newId(), name: 'smoke', scenarioIds: [], metadata: {}, status: 'active' });
 * store.get(view.id).name; // 'smoke'
 * ```
 */
export class RecordStore<T extends { readonly id: string }> {
  readonly #records = new Map<string, T>();
  readonly #options: RecordStoreOptions<T>;
  readonly #seed: number | undefined;
  #random: Random;

  constructor(options: RecordStoreOptions<T>) {
    this.#options = options;
    this.#seed = options.seed === undefined ? undefined : deriveSeed(options.seed, `${options.idPrefix}-ids`);
    this.#random = this.#idSource();
    for (const record of options.initial ?? []) this.#records.set(record.id, structuredClone(record));
  }

  /** A new id, used by no record of this store. */
  newId(): string {
    let id: string;
    do id = randomId(this.#options.idPrefix, this.#random);
    while (this.#records.has(id));
    return id;
  }

  /** Whether a record has this id. */
  has(id: string): boolean {
    return this.#records.has(id);
  }

  /** The stored record itself, to read and never to change; 404 if unknown. */
  find(id: string): Readonly<T> {
    const record = this.#records.get(id);
    if (record === undefined) throw new ApiFailure(404, `${this.#options.kind} ${id} not found`);
    return record;
  }

  /** A copy of record `id`; 404 if unknown. */
  get(id: string): T {
    return structuredClone(this.find(id));
  }

  /** Stores `record` (new, or replacing the one with its id), tells `onChange`, and returns a copy. */
  put(record: T): T {
    this.#records.set(record.id, record);
    this.#options.onChange?.();
    return structuredClone(record);
  }

  /**
   * A page of the records that `matches` accepts, newest first (copies); 400 for a cursor that
   * names no record.
   */
  list(query: PageQuery, matches: (record: Readonly<T>) => boolean): RecordPage<T> {
    const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    const all = [...this.#records.values()].reverse();
    let start = 0;
    if (query.startingAfter !== undefined) {
      const at = all.findIndex((record) => record.id === query.startingAfter);
      if (at === -1) throw new ApiFailure(400, `starting_after: no ${this.#options.kind} ${query.startingAfter}`);
      start = at + 1;
    }
    const after = all.slice(start).filter(matches);
    const items = after.slice(0, limit).map((record) => structuredClone(record));
    const hasMore = after.length > limit;
    return query.includeTotalCount === false ? { items, hasMore } : { items, hasMore, totalCount: all.filter(matches).length };
  }

  /** Every record, oldest first (copies). */
  all(): T[] {
    return [...this.#records.values()].map((record) => structuredClone(record));
  }

  /** The stored records themselves, oldest first, to serialise without copying (read them, never write them). */
  views(): IterableIterator<Readonly<T>> {
    return this.#records.values();
  }

  /** Forgets every record and restarts the ids from the seed, if there is one. */
  clear(): void {
    this.#records.clear();
    this.#random = this.#idSource();
    this.#options.onChange?.();
  }

  #idSource(): Random {
    return this.#seed === undefined ? unseededRandom : seededRandom(this.#seed);
  }
}
