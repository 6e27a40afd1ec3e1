import "server-only";

type Entry<T> = { at: number; result: Promise<T> };

const MAX_KEYS = 100; // e.g. pages: keep a crawler from growing a map without bound

// On globalThis: pages and route handlers are bundled apart but run in one process.
const stores = globalThis as unknown as { suixinShared?: Map<string, Map<string, Entry<unknown>>> };

/**
 * Shares one answer (an in-flight query included) among everyone asking the same question within
 * `forMs`: for data polled by many open pages at once, the database work stays one query per key
 * per period however many are watching, and a change still shows up on the next poll. A failure
 * is not shared: the next caller asks again.
 */
export function shareAnswer<T>(name: string, key: string, forMs: number, run: () => Promise<T>): Promise<T> {
  const all = (stores.suixinShared ??= new Map());
  let store = all.get(name);
  if (!store) all.set(name, (store = new Map()));
  const now = Date.now();
  const hit = store.get(key);
  if (hit && now - hit.at < forMs) return hit.result as Promise<T>;
  if (store.size >= MAX_KEYS) for (const [k, entry] of store) if (now - entry.at >= forMs) store.delete(k);
  const result = run();
  store.set(key, { at: now, result });
  const kept = store;
  result.catch(() => kept.get(key)?.result === result && kept.delete(key));
  return result;
}
