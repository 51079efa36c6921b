// Deterministic randomness for the data generator: the same seed gives the same database.

/** sfc32: small, fast, and good enough for test data (not for secrets). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i += 1) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread: most values near the median, a long right tail. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * An index in [0, n) skewed to the front: P(index < q·n) = q^(1/power). With power 3 the
   * first 1% of indexes get about a fifth of the picks — a few regulars, a long tail of others.
   */
  skewedIndex(n: number, power: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }

  /** 1 + the number of failures before a success with probability p (capped). */
  geometric(p: number, max: number): number {
    let k = 1;
    while (k < max && !this.chance(p)) k += 1;
    return k;
  }

  /** A version-4 UUID, as randomUUID() makes them, from this stream. */
  uuid(): string {
    const w0 = this.u32();
    const w1 = this.u32();
    const w2 = (this.u32() & 0x0fffffff) | 0x40000000; // version 4
    const w3 = (this.u32() & 0x3fffffff) | 0x80000000; // variant 10
    const w4 = this.u32();
    const h = (n: number, len: number): string =>
      n
        .toString(16)
        .padStart(8, '0')
        .slice(8 - len);
    return `${h(w0, 8)}-${h(w1 >>> 16, 4)}-${h(w2 >>> 16, 4)}-${h(w3 >>> 16, 4)}-${h(w1 & 0xffff, 4)}${h(w4, 8)}`;
  }
}
