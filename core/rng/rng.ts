/**
 * A seedable, splittable generator: xoshiro128** for the stream, keys mixed with murmur3's finaliser
 * for splitting. `split(i)` depends only on this generator's key and `i`, never on how many numbers
 * were drawn, so chain k of seed s is `Rng.seeded(s).split(k)` in any process, in any order.
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const TWO_POW_32 = 4294967296;

/**
 * A new key from a base key and a number up to 2⁵³: each word mixes the number's low and high halves
 * with the previous word, so no word is constant across seeds or split indices (every word reaches
 * the generator's first output).
 */
function chainKey(base: Uint32Array, n: number): Uint32Array {
  const lo = n >>> 0;
  const hi = Math.floor(n / TWO_POW_32) >>> 0;
  const k0 = fmix32(base[0]! ^ lo);
  const k1 = fmix32(base[1]! ^ hi ^ k0);
  const k2 = fmix32((base[2]! + lo + k1) >>> 0);
  const k3 = fmix32((base[3]! + hi + k2) >>> 0);
  return Uint32Array.of(k0, k1, k2, fmix32(k3 ^ k0));
}

export class Rng {
  private readonly key: Uint32Array;
  private readonly s: Uint32Array;

  private constructor(key: Uint32Array) {
    this.key = key;
    this.s = new Uint32Array(4);
    for (let i = 0; i < 4; i++) this.s[i] = fmix32(key[i]! ^ Math.imul(i + 1, 0x9e3779b9));
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** A generator from a non-negative integer seed (up to 2⁵³). */
  static seeded(seed: number): Rng {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
    return new Rng(chainKey(Uint32Array.of(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344), seed));
  }

  /** The i-th child stream; independent of draws already taken from this one. */
  split(i: number): Rng {
    if (!Number.isSafeInteger(i) || i < 0) throw new RangeError(`split index must be a non-negative integer, got ${i}`);
    return new Rng(chainKey(Uint32Array.of(this.key[0]! ^ 0x6a09e667, this.key[1]! ^ 0xbb67ae85, this.key[2]! ^ 0x3c6ef372, this.key[3]! ^ 0xa54ff53a), i));
  }

  /**
   * A child stream keyed by the next four words of this one: unlike `split`, each call gives another, so a
   * stream that hands out one child per use (a model run's draws) hands out independent ones, reproducibly.
   */
  fork(): Rng {
    return new Rng(Uint32Array.of(this.uint32(), this.uint32(), this.uint32(), this.uint32()));
  }

  /** A copy that continues from the same point in the stream. */
  clone(): Rng {
    const c = new Rng(this.key);
    c.s.set(this.s);
    return c;
  }

  uint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1) with 53 random bits. */
  uniform(): number {
    for (;;) {
      const hi = this.uint32() >>> 5; // 27 bits
      const lo = this.uint32() >>> 6; // 26 bits
      const u = (hi * 67108864 + lo) / 9007199254740992;
      if (u > 0) return u;
    }
  }

  /** Standard normal by Box–Muller, without a cached second value so the state stays the four words. */
  normal(): number {
    const u1 = this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Standard exponential. */
  exponential(): number {
    return -Math.log(this.uniform());
  }

  /** Uniform integer in [lo, hi]. */
  integer(lo: number, hi: number): number {
    const n = hi - lo + 1;
    return lo + Math.min(n - 1, Math.floor(this.uniform() * n));
  }
}
