/**
 * One before/after case per schema version that has an upgrade (checked by schema.test.ts).
 * Version 1 is the initial schema and has none.
 */
export const UPGRADE_CASES: Record<number, () => Promise<void>> = {};
