/** How much of a process's output is kept: its last 64 KiB, as Runloop keeps a scorer's. */
const OUTPUT_LIMIT_BYTES = 64 * 1024;

/** The last `limit` bytes of a stream of chunks, decoded as UTF-8 (a character cut at the start is dropped). */
export class OutputTail {
  readonly #limit: number;
  readonly #chunks: Buffer[] = [];
  #bytes = 0;

  constructor(limit = OUTPUT_LIMIT_BYTES) {
    this.#limit = limit;
  }

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    // drop whole chunks that lie entirely before the last `limit` bytes
    while (this.#chunks.length > 1 && this.#bytes - this.#chunks[0]!.length >= this.#limit) {
      this.#bytes -= this.#chunks.shift()!.length;
    }
  }

  text(): string {
    const all = Buffer.concat(this.#chunks);
    let start = Math.max(0, all.length - this.#limit);
    while (start > 0 && start < all.length && (all[start]! & 0xc0) === 0x80) start++; // not inside a character
    return all.subarray(start).toString('utf8');
  }
}
