/**
 * A settings form under the administrator's policy, kept current while the options are open: the policy may
 * change, or arrive late (the browser can take seconds to hand it over at startup, lib/platform `managedStore`).
 * The fields the policy fixes, or fixed until now, take their new value; the counsellor's unsaved edits to the
 * other fields are kept.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Policy } from '@/lib/settings/policy';
import { onPolicyChanged, readPolicy } from '@/lib/settings/policy-store';

interface Loaded<F> {
  form: F;
  policy: Policy;
  warnings: string[];
}

export function usePolicyForm<F extends object>(
  load: (policy: Policy) => Promise<F>,
  lockedBy: (policy: Policy) => readonly (keyof F & string)[],
): [Loaded<F> | undefined, (form: F) => void] {
  const [loaded, setLoaded] = useState<Loaded<F>>();
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const { policy, warnings } = await readPolicy();
      const fresh = await load(policy);
      if (!alive) return;
      setLoaded((shown) => {
        if (!shown) return { form: fresh, policy, warnings };
        const relocked = new Set([...lockedBy(shown.policy), ...lockedBy(policy)]);
        const form = { ...shown.form };
        for (const field of relocked) form[field] = fresh[field];
        return { form, policy, warnings };
      });
    };
    void refresh();
    const stop = onPolicyChanged(() => void refresh());
    return () => {
      alive = false;
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [loaded, (form) => setLoaded((shown) => shown && { ...shown, form })];
}
