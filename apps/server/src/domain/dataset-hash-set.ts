const EMPTY = 0;
const INITIAL_CAPACITY = 1 << 12;

/**
 * A set of 64-bit keys (two unsigned 32-bit halves) in open addressing over one typed array:
 * 8 bytes a slot and no object per entry, so a million keys take 11–22 MB. Grows at 75% load.
 */
export class Hash64Set {
  #slots = new Uint32Array(INITIAL_CAPACITY * 2);
  #mask = INITIAL_CAPACITY - 1;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  has(high: number, low: number): boolean {
    return this.#find(high >>> 0, nonEmpty(low)) >= 0;
  }

  /** Adds the key; false when it was already there. */
  add(high: number, low: number): boolean {
    const hi = high >>> 0;
    const lo = nonEmpty(low);
    if (this.#find(hi, lo) >= 0) return false;
    if ((this.#size + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    this.#insert(hi, lo);
    this.#size++;
    return true;
  }

  #find(hi: number, lo: number): number {
    const slots = this.#slots;
    for (let i = (lo ^ hi) & this.#mask; ; i = (i + 1) & this.#mask) {
      const storedLo = slots[i * 2 + 1];
      if (storedLo === EMPTY) return -1;
      if (storedLo === lo && slots[i * 2] === hi) return i;
    }
  }

  #insert(hi: number, lo: number): void {
    const slots = this.#slots;
    let i = (lo ^ hi) & this.#mask;
    while (slots[i * 2 + 1] !== EMPTY) i = (i + 1) & this.#mask;
    slots[i * 2] = hi;
    slots[i * 2 + 1] = lo;
  }

  #grow(): void {
    const old = this.#slots;
    const capacity = (this.#mask + 1) * 2;
    this.#slots = new Uint32Array(capacity * 2);
    this.#mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      const lo = old[i + 1] ?? EMPTY;
      if (lo !== EMPTY) this.#insert(old[i] ?? 0, lo);
    }
  }
}

/** 0 marks an empty slot: a low half of 0 is stored as 1 (merging two keys in 2^32, harmlessly rare). */
function nonEmpty(low: number): number {
  const lo = low >>> 0;
  return lo === EMPTY ? 1 : lo;
}
