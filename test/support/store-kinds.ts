/** The store adapters every store-dependent integration test runs on. */
export const storeKinds = ['sqlite', 'mongo'] as const;
export type StoreKind = (typeof storeKinds)[number];
