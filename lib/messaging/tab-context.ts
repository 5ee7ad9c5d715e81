import { z } from 'zod';
import { readResultSchema } from '@/lib/domain/legacy';

/** What the side panel shows for a tab: the last reading of its page. */
export const tabContextSchema = z.object({
  tabId: z.number().int(),
  readAt: z.string(),
  result: readResultSchema,
});
export type TabContext = z.infer<typeof tabContextSchema>;
