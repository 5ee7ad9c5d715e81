/** The administrator's policy as the extension reads it: managed storage (lib/platform), checked by policy.ts. */
import { contentScriptMatches, managedStore } from '@/lib/platform';
import { parsePolicy, TEMPLATE_TOOL, type ParsedPolicy, type Policy } from './policy';

/** The build's content-script origins per tool; none known (tests without a manifest): no origin check. */
function toolMatches(): Partial<Record<string, string[]>> | undefined {
  try {
    return Object.fromEntries(Object.values(TEMPLATE_TOOL).map((tool) => [tool, contentScriptMatches(`content-scripts/${tool}.js`)]));
  } catch {
    return undefined;
  }
}

const reported = new Set<string>();

/** The policy with its warnings; each warning is logged once per page or service worker. */
export async function readPolicy(): Promise<ParsedPolicy> {
  const parsed = parsePolicy(await managedStore.getAll(), toolMatches());
  for (const warning of parsed.warnings) {
    if (reported.has(warning)) continue;
    reported.add(warning);
    console.warn(`Profilence : ${warning}`);
  }
  return parsed;
}

export async function loadPolicy(): Promise<Policy> {
  return (await readPolicy()).policy;
}

export const onPolicyChanged = (listener: () => void): (() => void) => managedStore.onChanged(listener);
