/**
 * Outside tools the tests need (Chromium, Firefox ESR, PostgreSQL). Where one is missing on a developer's machine,
 * the tests that need it are skipped, and counted as skipped; in CI (`CI=true`) a missing tool is a failure.
 */
export const IN_CI = process.env.CI === 'true';

/** Why tests needing `tool` cannot run here, or null when they can. Throws in CI: nothing is skipped there. */
export function missingTool(tool: string, present: boolean): string | null {
  if (present) return null;
  const reason = `${tool} absent : tests ignorés`;
  if (IN_CI) throw new Error(`${tool} absent en CI, où aucun test n'est ignoré : installez-le (.ci/run le fait).`);
  return reason;
}
