import { useEffect, useState } from 'preact/hooks';
import type { Locate } from '@/lib/domain/geo/lookup';

let loaded: Locate | undefined;

/** The communes locator, loaded on first use (its index is about 280 kB): undefined until then. */
export function useLocate(): Locate | undefined {
  const [locate, setLocate] = useState<Locate | undefined>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    let alive = true;
    void import('@/lib/domain/geo').then((geo) => {
      loaded = geo.locateCommune;
      if (alive) setLocate(() => geo.locateCommune);
    });
    return () => {
      alive = false;
    };
  }, []);
  return locate;
}
