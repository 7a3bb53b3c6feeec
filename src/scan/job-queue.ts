/** The shared memory behind a SharedJobQueue, as it crosses to a worker thread. */
export interface SharedJobQueueMemory {
  counters: SharedArrayBuffer;
  owners: SharedArrayBuffer;
}

/** Slots of the counters array. */
const NEXT = 0;
const FILES_DONE = 1;
const KIB_DONE = 2;

/**
 * A job list's cursor in shared memory: threads claim indices one at a time with an atomic add,
 * so every job is done exactly once and the work balances itself with no messages. Each claim
 * records who took it (so the jobs of a thread that died can be redone), and finished files and
 * KiB are counted for progress.
 */
export class SharedJobQueue {
  readonly length: number;
  readonly #counters: Int32Array;
  readonly #owners: Uint8Array;

  constructor(length: number, memory?: SharedJobQueueMemory) {
    this.length = length;
    const shared = memory ?? {
      counters: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
      owners: new SharedArrayBuffer(Math.max(1, length)),
    };
    this.#counters = new Int32Array(shared.counters);
    this.#owners = new Uint8Array(shared.owners);
  }

  get memory(): SharedJobQueueMemory {
    return {
      counters: this.#counters.buffer as SharedArrayBuffer,
      owners: this.#owners.buffer as SharedArrayBuffer,
    };
  }

  /** The next unclaimed index, now owned by `owner` (1–255), or -1 when none is left. */
  claim(owner: number): number {
    const index = Atomics.add(this.#counters, NEXT, 1);
    if (index >= this.length) return -1;
    this.#owners[index] = owner;
    return index;
  }

  /** No more claims (abort): jobs not yet claimed stay undone. */
  close(): void {
    Atomics.store(this.#counters, NEXT, this.length);
  }

  /** Indices claimed by `owner`. */
  claimedBy(owner: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.#owners[i] === owner) out.push(i);
    return out;
  }

  /** Counts a finished file for progress. */
  done(bytes: number): void {
    Atomics.add(this.#counters, FILES_DONE, 1);
    Atomics.add(this.#counters, KIB_DONE, Math.round(bytes / 1024));
  }

  /** Files finished by every thread so far, and their size (KiB precision). */
  progress(): { files: number; bytes: number } {
    return {
      files: Atomics.load(this.#counters, FILES_DONE),
      bytes: Atomics.load(this.#counters, KIB_DONE) * 1024,
    };
  }
}
