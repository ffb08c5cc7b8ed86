import { writeStoreFile } from './store-file.js';

/**
 * How much longer than the last write the writer waits before the next one: with 4, rewriting
 * the file takes at most a fifth of the time, however much it holds, so the cost of
 * persisting grows with the work done, not with its square.
 */
const PAUSE_PER_WRITE_TIME = 4;

/**
 * Keeps a store's file up to date without rewriting it after every change: changes are
 * coalesced, the first written on the next turn of the event loop, and later ones no sooner
 * than {@link PAUSE_PER_WRITE_TIME} times the duration of the last write after it.
 * `flush()` writes what is pending at once (`close()` and `reset()` of the fake call it). The
 * first failed write is kept in `error` (the fake's `close()` throws it), never thrown from a timer.
 *
 * @example
 * ```ts
 * const writer = new StoreWriter(file, () => stores.views());
 * const store = new ScenarioStore({ onChange: () => writer.changed() });
 * writer.flush(); // before the process ends
 * if (writer.error !== undefined) throw writer.error;
 * ```
 */
export class StoreWriter {
  readonly #file: string;
  readonly #views: () => Parameters<typeof writeStoreFile>[1];
  readonly #now: () => number;
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  #dirty = false;
  #lastWriteEnded = 0;
  #lastWriteMs = 0;
  #error: unknown;

  /** `views` gives what to write (the stores' own views); `now` is the clock in milliseconds (`performance.now` unless a test says otherwise). */
  constructor(file: string, views: () => Parameters<typeof writeStoreFile>[1], now: () => number = () => performance.now()) {
    this.#file = file;
    this.#views = views;
    this.#now = now;
  }

  /** Notes a change; the file is rewritten soon. */
  changed(): void {
    this.#dirty = true;
    if (this.#timer !== undefined) return;
    const wait = this.#lastWriteEnded + this.#lastWriteMs * PAUSE_PER_WRITE_TIME - this.#now();
    this.#timer = wait <= 0 ? setImmediate(() => this.#writeSoon()) : setTimeout(() => this.#writeSoon(), wait);
  }

  /** The first write that failed, if any. */
  get error(): unknown {
    return this.#error;
  }

  /** Writes pending changes now. */
  flush(): void {
    this.#cancel();
    if (this.#dirty) this.#write();
  }

  #writeSoon(): void {
    this.#timer = undefined;
    this.#write();
  }

  #write(): void {
    const started = this.#now();
    this.#dirty = false;
    try {
      writeStoreFile(this.#file, this.#views());
    } catch (error) {
      this.#error ??= error;
    } finally {
      this.#lastWriteEnded = this.#now();
      this.#lastWriteMs = this.#lastWriteEnded - started;
    }
  }

  #cancel(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer as NodeJS.Timeout);
    clearImmediate(this.#timer as NodeJS.Immediate);
    this.#timer = undefined;
  }
}
