/**
 * A bounded map that forgets the least recently used entry first (a Map keeps insertion order;
 * reading an entry re-inserts it). Capacity 0 keeps nothing. Written here because it is a dozen
 * lines on top of Map and must run unchanged in Node and Workers.
 *
 * @example const cache = createLru<string, number>(2); cache.set('a', 1); cache.get('a') // → 1
 */
export function createLru<K, V>(capacity: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: K, value: V): void {
      if (capacity <= 0) return;
      entries.delete(key);
      if (entries.size >= capacity) entries.delete(entries.keys().next().value as K);
      entries.set(key, value);
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type Lru<K, V> = ReturnType<typeof createLru<K, V>>;
