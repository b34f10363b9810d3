/** A Keyv on a Map: nothing survives the process. For unit tests and throwaway runs. */
import Keyv from 'keyv';
import { plainJson } from './json-serializer.ts';

export function createMemoryKeyv(namespace: string, map: Map<string, unknown> = new Map()): Keyv {
  // Keyv serialises values into the Map, so callers get copies, as with a real store.
  // biome-ignore lint/suspicious/noExplicitAny: Keyv types a Map store as `any`
  return new Keyv({ store: map as any, namespace, throwOnErrors: true, ...plainJson });
}
