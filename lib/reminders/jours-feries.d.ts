declare module '@socialgouv/jours-feries' {
  /** French public holidays of `year`, by name, as local-midnight dates. */
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
