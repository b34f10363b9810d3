/**
 * Vega-Lite's compiler, kept from changing the rest of the process. Loading vega-lite (6.4)
 * defines `Set.prototype.toJSON` for everyone, which breaks libraries that inspect the
 * built-ins when they load (discord.js's event emitter throws "string "Set()" is not
 * iterable") and changes what `JSON.stringify` makes of every Set. So vega-lite is loaded on
 * the first chart, the method is taken off again at once, and it is put back only for the
 * duration of each (synchronous) compile, which needs it.
 */
import type { TopLevelSpec } from 'vega-lite';

type Compile = typeof import('vega-lite')['compile'];

let loaded: Promise<{ compile: Compile; toJSON: PropertyDescriptor | undefined }> | null = null;

function load() {
  loaded ??= (async () => {
    const before = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
    const { compile } = await import('vega-lite');
    const toJSON = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
    restore(before);
    return { compile, toJSON };
  })();
  return loaded;
}

function restore(descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(Set.prototype, 'toJSON', descriptor);
  else Reflect.deleteProperty(Set.prototype, 'toJSON');
}

/** The Vega spec of a Vega-Lite spec. */
export async function compileVegaLite(spec: TopLevelSpec) {
  const { compile, toJSON } = await load();
  const before = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
  restore(toJSON);
  try {
    return compile(spec).spec;
  } finally {
    restore(before);
  }
}
