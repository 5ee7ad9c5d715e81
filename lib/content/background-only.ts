/** Content scripts accept commands only from their own extension's background (no tab, same id). */
export function assertFromBackground(sender: { id?: string; tab?: unknown }, ownId: string): void {
  if (sender.id !== ownId || sender.tab) throw new Error('Message refusé : il ne vient pas de Profilence.');
}
