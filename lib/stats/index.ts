/** Statistics of promotions: pure, shared by server/ (over `promotion_facts`) and the dashboard (offline figures). */
export * from './buckets';
export * from './csv';
export * from './days';
export * from './facts';
export * from './period';
export * from './reference';
export * from './report';
export * from './rome';
export * from './schema';
