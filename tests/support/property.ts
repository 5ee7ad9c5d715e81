/**
 * Run counts and seeds of the property tests. By default few runs, so `npm test` stays quick, with a fresh seed
 * each time (printed: a failure is replayed with it); PROFILENCE_PROPERTY_RUNS raises the runs of every property
 * test, PROFILENCE_PROPERTY_SEED replays one seed.
 */
export function propertyRuns(byDefault: number): number {
  const asked = Number(process.env.PROFILENCE_PROPERTY_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : byDefault;
}

export function propertySeed(): number {
  const asked = Number(process.env.PROFILENCE_PROPERTY_SEED);
  return Number.isInteger(asked) && process.env.PROFILENCE_PROPERTY_SEED ? asked : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

/** The line printed before a property test runs. */
export const replayHint = (name: string, seed: number, runs: number) =>
  `${name} : graine ${seed}, ${runs} essais — rejouer avec PROFILENCE_PROPERTY_SEED=${seed} (plus d'essais : PROFILENCE_PROPERTY_RUNS=…)`;
