/** Identifies our JSON export; readers refuse any other `format`. */
export const JSON_FORMAT = "selaras";
/**
 * Current format version. Bump it only with a matching upgrader in restore.ts and a fixture in
 * test/fixtures/json/ of the previous version.
 */
export const JSON_FORMAT_VERSION = 1;
