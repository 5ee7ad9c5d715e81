/**
 * What the worklist (« À promouvoir ») needs and the pages only show once: the last portfolio read, so the panel's
 * tab shows it when the page is closed, and what each job-seeker file read with consent said of the person's
 * jobs, commune and radius. Kept in session storage (lib/messaging/worklist.ts); a file or a portfolio row that no
 * longer grants the promotion removes the person at once.
 */
import type { RecognizedReadResult } from '@/lib/domain/legacy';
import {
  isKnownFileKey,
  knownFileKey,
  knownFileSchema,
  LAST_PORTFOLIO_KEY,
  lastPortfolioSchema,
  type KnownFile,
  type LastPortfolio,
  type WorklistInputs,
} from '@/lib/messaging/worklist';
import { sessionStore } from '@/lib/platform';

async function lastPortfolio(): Promise<LastPortfolio | null> {
  const parsed = lastPortfolioSchema.safeParse(await sessionStore.get(LAST_PORTFOLIO_KEY));
  return parsed.success ? parsed.data : null;
}

export async function rememberForWorklist(result: RecognizedReadResult, readAt: string): Promise<void> {
  if (result.page === 'portfolio') {
    const entries = result.data.filter((e) => e.promotionConsent === true);
    const notListed = new Set(result.data.map((e) => e.ftId)).size - new Set(entries.map((e) => e.ftId)).size;
    await sessionStore.set(LAST_PORTFOLIO_KEY, { readAt, url: result.url, entries, notListed } satisfies LastPortfolio);
    // A row that no longer grants the promotion takes what a file said of the person with it.
    const kept = new Set(Object.keys(await sessionStore.getAll()).filter(isKnownFileKey));
    for (const entry of result.data) {
      if (!entry.promotionConsent && kept.has(knownFileKey(entry.ftId))) await sessionStore.remove(knownFileKey(entry.ftId));
    }
    return;
  }
  if (result.page !== 'profile') return;
  const profile = result.data;
  if (!profile.promotionConsent.granted) {
    await sessionStore.remove(knownFileKey(profile.ftId));
    const portfolio = await lastPortfolio();
    if (portfolio?.entries.some((e) => e.ftId === profile.ftId)) {
      const entries = portfolio.entries.filter((e) => e.ftId !== profile.ftId);
      await sessionStore.set(LAST_PORTFOLIO_KEY, { ...portfolio, entries, notListed: portfolio.notListed + 1 } satisfies LastPortfolio);
    }
    return;
  }
  const romes = [...profile.targetJobs].sort((a, b) => Number(b.main) - Number(a.main)).map((j) => j.rome);
  const known: KnownFile = {
    ftId: profile.ftId,
    readAt,
    romes,
    ...(profile.address ? { postcode: profile.address.postcode, city: profile.address.city } : {}),
    ...(profile.mobility?.radiusKm !== undefined ? { radiusKm: profile.mobility.radiusKm } : {}),
  };
  await sessionStore.set(knownFileKey(profile.ftId), known);
}

export async function worklistInputs(): Promise<WorklistInputs> {
  const everything = await sessionStore.getAll();
  const files: Record<string, KnownFile> = {};
  for (const [key, value] of Object.entries(everything)) {
    if (!isKnownFileKey(key)) continue;
    const parsed = knownFileSchema.safeParse(value);
    if (parsed.success) files[parsed.data.ftId] = parsed.data;
  }
  return { portfolio: await lastPortfolio(), files };
}
