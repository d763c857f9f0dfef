import { describe, expect, it } from 'vitest';
import { ResultCache, TenantGenerations } from './result-cache.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(ttlMs = 30_000, maxEntries = 10) {
  const clock = fakeClock();
  const generations = new TenantGenerations();
  const cache = new ResultCache<string>({ ttlMs, maxEntries, generations, now: clock.now });
  let n = 0;
  const compute = (label = 'v') => async () => `${label}${++n}`;
  return { clock, generations, cache, compute };
}

describe('ResultCache', () => {
  it('serves a result until the TTL has passed, then computes again', async () => {
    const { clock, cache, compute } = setup(30_000);
    expect(await cache.get('t1', 'k', compute())).toBe('v1');
    clock.advance(29_999);
    expect(await cache.get('t1', 'k', compute())).toBe('v1');
    clock.advance(1);
    expect(await cache.get('t1', 'k', compute())).toBe('v2');
    expect(cache.computations).toBe(2);
  });

  it('keeps tenants and keys apart', async () => {
    const { cache, compute } = setup();
    expect(await cache.get('t1', 'k', compute('a'))).toBe('a1');
    expect(await cache.get('t2', 'k', compute('b'))).toBe('b2');
    expect(await cache.get('t1', 'other', compute('c'))).toBe('c3');
    expect(await cache.get('t1', 'k', compute('x'))).toBe('a1');
    expect(await cache.get('t2', 'k', compute('x'))).toBe('b2');
  });

  it('a write (generation bump) drops the tenant’s entries, not other tenants’', async () => {
    const { generations, cache, compute } = setup();
    await cache.get('t1', 'k', compute());
    await cache.get('t2', 'k', compute());
    expect(cache.size).toBe(2);
    generations.bump('t1');
    expect(cache.size).toBe(1);
    expect(await cache.get('t1', 'k', compute())).toBe('v3');
    expect(await cache.get('t2', 'k', compute())).toBe('v2');
  });

  it('a result computed while a write committed is handed out but not kept', async () => {
    const { generations, cache } = setup();
    const slow = deferred<string>();
    const first = cache.get('t1', 'k', () => slow.promise);
    generations.bump('t1');
    // a request after the write does not join the computation started before it
    const after = cache.get('t1', 'k', async () => 'fresh');
    slow.resolve('stale');
    expect(await first).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await cache.get('t1', 'k', async () => 'again')).toBe('fresh');
  });

  it('identical concurrent requests share one computation (single-flight)', async () => {
    const { cache } = setup();
    const slow = deferred<string>();
    let calls = 0;
    const compute = () => {
      calls++;
      return slow.promise;
    };
    const all = Promise.all([cache.get('t1', 'k', compute), cache.get('t1', 'k', compute), cache.get('t1', 'k', compute)]);
    slow.resolve('shared');
    expect(await all).toEqual(['shared', 'shared', 'shared']);
    expect(calls).toBe(1);
    expect(cache.computations).toBe(1);
  });

  it('a failure reaches every waiter and is not kept', async () => {
    const { cache } = setup();
    const slow = deferred<string>();
    const a = cache.get('t1', 'k', () => slow.promise);
    const b = cache.get('t1', 'k', () => slow.promise);
    slow.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
    expect(await cache.get('t1', 'k', async () => 'ok')).toBe('ok');
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const { cache, compute } = setup(30_000, 3);
    for (const k of ['a', 'b', 'c']) await cache.get('t1', k, compute(k));
    // touch a: b is now the least recently used
    expect(await cache.get('t1', 'a', compute('x'))).toBe('a1');
    await cache.get('t1', 'd', compute('d'));
    expect(cache.size).toBe(3);
    expect(await cache.get('t1', 'a', compute('x'))).toBe('a1');
    expect(await cache.get('t1', 'c', compute('x'))).toBe('c3');
    expect(await cache.get('t1', 'b', compute('b'))).toBe('b5');
  });

  it('ttl 0 disables caching and sharing: every request computes', async () => {
    const { cache, compute } = setup(0);
    expect(cache.enabled).toBe(false);
    expect(await cache.get('t1', 'k', compute())).toBe('v1');
    expect(await cache.get('t1', 'k', compute())).toBe('v2');
    const both = await Promise.all([cache.get('t1', 'k', compute()), cache.get('t1', 'k', compute())]);
    expect(both).toEqual(['v3', 'v4']);
    expect(cache.size).toBe(0);
    expect(cache.computations).toBe(4);
  });

  it('the TTL counts from when the computation started', async () => {
    const { clock, cache } = setup(30_000);
    const slow = deferred<string>();
    const first = cache.get('t1', 'k', () => slow.promise);
    clock.advance(20_000);
    slow.resolve('v');
    await first;
    clock.advance(10_000);
    expect(await cache.get('t1', 'k', async () => 'next')).toBe('next');
  });
});
