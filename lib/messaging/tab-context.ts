import { z } from 'zod';
import { readResultSchema } from '@/lib/domain/legacy';

/** What the side panel shows for a tab: the last reading of its page. */
export const tabContextSchema = z.object({
  tabId: z.number().int(),
  readAt: z.string(),
  result: readResultSchema,
});
export type TabContext = z.infer<typeof tabContextSchema>;

/** The background keeps each tab's reading in session storage under this key. */
export const tabContextKey = (tabId: number) => `tab:${tabId}`;
export const isTabContextKey = (key: string) => key.startsWith('tab:');

/** A reading of a page the readers recognised. */
export type RecognizedReading = Extract<TabContext['result'], { recognized: true }>;
export const recognizedReading = (context: TabContext): RecognizedReading | undefined =>
  context.result.recognized ? context.result : undefined;
