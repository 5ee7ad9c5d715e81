/** Building reader results: absent (never undefined or null) optional fields, and a reader that never throws. */
import type { ReadOptions } from './taught';
import { duringRead } from './per-read';
import type { Agent, ConsentShown, LegacyTool, PageData, PageKind, ReadResult, ReadResultOf, UnrecognizedReadResult } from '@/lib/domain/legacy';

export const unrecognized = (url: URL): UnrecognizedReadResult => ({ url: url.href, recognized: false });

/** Drops keys whose value is `undefined`, so optional fields are absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** The expected fields a reader did not find, in the order it looked for them. */
export class Missing {
  readonly fields: string[] = [];
  add(field: string): void {
    if (!this.fields.includes(field)) this.fields.push(field);
  }
}

export interface Extraction<P extends PageKind> {
  data: PageData<P>;
  missing: string[];
  /** Job-seeker file only: how the page showed the consent (kept as a promotion's evidence). */
  consentEvidence?: ConsentShown;
}

export function recognized<P extends PageKind>(
  url: URL,
  tool: LegacyTool,
  page: P,
  agent: Agent | undefined,
  { data, missing, consentEvidence }: Extraction<P>,
): ReadResultOf<P> {
  return compact({ url: url.href, recognized: true, tool, page, agent, data, missing, consentEvidence }) as unknown as ReadResultOf<P>;
}

/** Runs a reader; anything it throws means the page is not recognised. */
export function guard(url: URL, read: () => ReadResult | undefined): ReadResult {
  try {
    return read() ?? unrecognized(url);
  } catch {
    return unrecognized(url);
  }
}

/** A URL given as text or URL object, or `undefined` when it cannot be parsed. */
export function toUrl(url: URL | string): URL | undefined {
  try {
    return typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
}

/** A link's target resolved against the page URL as a browser does. */
export function absoluteHref(link: Element | null | undefined, base: URL): string | undefined {
  const href = link?.getAttribute('href')?.trim();
  if (!href || /^(javascript|mailto|tel|data):/i.test(href) || href.startsWith('#')) return undefined;
  try {
    const resolved = new URL(href, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

export type Extractors<P extends PageKind> = {
  [K in P]: (document: Document, url: URL, options?: ReadOptions) => Extraction<K> | undefined;
};

/** The `read` of one tool: detect the page kind, extract it, add the banner's agent; never throws. */
export function readTool<P extends PageKind>(
  tool: LegacyTool,
  detect: (url: URL, document: Document) => P | null,
  extract: Extractors<P>,
  readAgent: ((document: Document) => Agent | undefined) | undefined,
  document: Document,
  url: URL,
  options?: ReadOptions,
): ReadResult {
  return guard(url, () => duringRead(() => {
    const page = detect(url, document);
    if (!page) return undefined;
    const extraction = (extract[page] as (d: Document, u: URL, o?: ReadOptions) => Extraction<P> | undefined)(document, url, options);
    if (!extraction) return undefined;
    const agent = readAgent?.(document);
    if (readAgent && !agent) extraction.missing.push('agent');
    return recognized(url, tool, page, agent, extraction);
  }));
}
