/** Store defaults, in one place for the store and the config schema (a module with no imports). */
export const DEFAULT_DATABASE_PATH = './data/ml-interviewer.sqlite';
/** Days a finished or abandoned interview is kept; 0 keeps it forever. */
export const DEFAULT_RETENTION_DAYS = 180;
/** Deadline of one Redis command or PostgreSQL query, and of connecting, in ms. */
export const DEFAULT_STORE_TIMEOUT_MS = 5_000;
export const DEFAULT_STORE_CONNECT_TIMEOUT_MS = 5_000;
