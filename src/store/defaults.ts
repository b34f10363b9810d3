/**
 * The store's settings for a caller that passes none (tests, tools): the defaults of the config
 * schema, where every default is written once.
 */
import { loadConfig } from '../config.ts';

export const STORE_DEFAULTS = loadConfig({}).store;
