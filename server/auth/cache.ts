/** A small time-bounded cache (introspection answers, userinfo names): bounded size, oldest dropped first. */
export function createTtlCache<V>(maxEntries = 1000) {
  const entries = new Map<string, { value: V; until: number }>();
  return {
    get(key: string, now = Date.now()): V | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (hit.until <= now) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: V, ttlMs: number, now = Date.now()): void {
      if (ttlMs <= 0) return;
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, until: now + ttlMs });
    },
  };
}
