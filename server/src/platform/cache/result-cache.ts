/**
 * A short-lived, bounded, in-process cache of computed read results, shared
 * by identical concurrent requests (single-flight), and emptied for a tenant
 * as soon as a write of that tenant commits in this process.
 *
 * Each tenant has a write generation (TenantGenerations). A computation
 * remembers the generation it started under and its result is only kept
 * while that generation is still current, so a result computed from data
 * older than a write is never served after the write — even when the
 * computation was still running while the write committed.
 *
 * Only writes answered by THIS process bump the generation: with several
 * server processes behind a load balancer, a write made through another
 * process is seen here when the entry expires (at most `ttlMs` later).
 */

export type Clock = () => number;

/** Per-tenant write generations: a bump means "results read before now are stale". */
export class TenantGenerations {
  private readonly gens = new Map<string, number>();
  private readonly listeners = new Set<(tenantId: string) => void>();

  current(tenantId: string): number {
    return this.gens.get(tenantId) ?? 0;
  }

  bump(tenantId: string): void {
    this.gens.set(tenantId, this.current(tenantId) + 1);
    for (const l of this.listeners) l(tenantId);
  }

  /** Called on every bump (a cache drops the tenant's entries right away). */
  onBump(listener: (tenantId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface ResultCacheOptions {
  /** how long a result is served; 0 (or less) disables the cache and the sharing */
  ttlMs: number;
  /** entries kept at most; the least recently used goes first */
  maxEntries: number;
  generations: TenantGenerations;
  /** injected for tests; Date.now by default */
  now?: Clock;
}

interface Entry<V> {
  tenantId: string;
  generation: number;
  storedAt: number;
  value: V;
}

export class ResultCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inflight = new Map<string, Promise<V>>();
  private readonly now: Clock;
  /** computations started (cache misses not joined to a running one) */
  computations = 0;

  constructor(private readonly opts: ResultCacheOptions) {
    this.now = opts.now ?? Date.now;
    opts.generations.onBump((tenantId) => this.dropTenant(tenantId));
  }

  get enabled(): boolean {
    return this.opts.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached result for (tenant, key), or the one being computed for it, or
   * a new computation. `key` must already hold everything the result depends
   * on besides the tenant (scope, query). Failures are shared with the
   * requests waiting on them but never kept.
   */
  async get(tenantId: string, key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.enabled) {
      this.computations++;
      return compute();
    }
    const full = `${tenantId}\u0000${key}`;
    const generation = this.opts.generations.current(tenantId);
    const hit = this.fresh(full, generation);
    if (hit) return hit.value;
    // Requests that arrive after a write never join a computation started before it.
    const flightKey = `${generation}\u0000${full}`;
    const running = this.inflight.get(flightKey);
    if (running) return running;
    const startedAt = this.now();
    this.computations++;
    const flight = compute().then((value) => {
      if (this.opts.generations.current(tenantId) === generation) this.store(full, { tenantId, generation, storedAt: startedAt, value });
      return value;
    });
    this.inflight.set(flightKey, flight);
    const done = () => this.inflight.delete(flightKey);
    flight.then(done, done);
    return flight;
  }

  private fresh(full: string, generation: number): Entry<V> | null {
    const e = this.entries.get(full);
    if (!e) return null;
    if (e.generation !== generation || this.now() - e.storedAt >= this.opts.ttlMs) {
      this.entries.delete(full);
      return null;
    }
    // Map order is the LRU order: a hit moves the entry to the end.
    this.entries.delete(full);
    this.entries.set(full, e);
    return e;
  }

  private store(full: string, e: Entry<V>) {
    this.entries.delete(full);
    this.entries.set(full, e);
    while (this.entries.size > Math.max(1, this.opts.maxEntries)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private dropTenant(tenantId: string) {
    for (const [k, e] of this.entries) if (e.tenantId === tenantId) this.entries.delete(k);
  }
}
