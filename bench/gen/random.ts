import { rng } from '../../server/src/demo/names.js';

/** A seeded random source with the helpers the generators need; same seed → same data on every machine. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = rng(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of choices) if ((r -= w) < 0) return v;
    return choices[choices.length - 1][0];
  }

  /** k distinct items (k ≤ list length). */
  sample<T>(list: readonly T[], k: number): T[] {
    const out = new Set<T>();
    while (out.size < Math.min(k, list.length)) out.add(this.pick(list));
    return [...out];
  }

  /** A version-4 shaped uuid drawn from the seed, so ids are stable across runs and engines. */
  uuid(): string {
    const b = Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const DAY = 86_400_000;

/** ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** A timestamp on day `iso` at a working hour drawn from the seed. */
export function at(r: Random, iso: string): Date {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + r.int(1, 9) * 3_600_000 + r.int(0, 59) * 60_000);
}
