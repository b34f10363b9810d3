/**
 * The session store with every call timed (the store latency metric). A Proxy, so methods the
 * store port gains later are timed too without touching this file.
 */
import type { SessionStore } from '../engine/ports.ts';

export function timedStore<S extends SessionStore>(
  store: S,
  observe: (operation: string, seconds: number) => void,
): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.finally(() => observe(property, (performance.now() - started) / 1000));
      };
    },
  });
}
