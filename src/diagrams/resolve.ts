/**
 * Which component each box is: the catalogue component with the longest alias found in the
 * box's label (English aliases on word boundaries, Chinese as substrings). A box that matches
 * nothing is "unknown" and gets asked about.
 */
import type { Component } from '../knowledge/diagram-schema.ts';
import { escapeRegExp } from '../knowledge/signals.ts';
import type { DiagramGraph } from './graph.ts';

export interface ResolvedGraph extends DiagramGraph {
  /** Component id per node id; absent for unknown boxes. */
  kinds: Map<string, string>;
}

const CJK = /[\u3400-\u9fff]/u;

interface Alias {
  component: string;
  length: number;
  test: (label: string) => boolean;
}

const cache = new WeakMap<readonly Component[], Alias[]>();

function aliasesOf(catalogue: readonly Component[]): Alias[] {
  const known = cache.get(catalogue);
  if (known) return known;
  const list: Alias[] = [];
  for (const c of catalogue) {
    for (const alias of [...c.aliases.en, ...c.aliases.zh]) {
      const word = alias.toLowerCase();
      const test = CJK.test(word)
        ? (label: string) => label.includes(word)
        : (
            (re: RegExp) => (label: string) =>
              re.test(label)
          )(new RegExp(`(?<![a-z0-9])${escapeRegExp(word)}(?![a-z0-9])`, 'u'));
      list.push({ component: c.id, length: word.length, test });
    }
  }
  list.sort((a, b) => b.length - a.length);
  cache.set(catalogue, list);
  return list;
}

export function componentOf(label: string, catalogue: readonly Component[]): string | null {
  const text = label.toLowerCase().replace(/[_]+/g, ' ').replace(/\s+/g, ' ');
  return aliasesOf(catalogue).find((a) => a.test(text))?.component ?? null;
}

export function resolveGraph(graph: DiagramGraph, catalogue: readonly Component[]): ResolvedGraph {
  const kinds = new Map<string, string>();
  for (const node of graph.nodes) {
    const kind = componentOf(node.label, catalogue);
    if (kind) kinds.set(node.id, kind);
  }
  return { ...graph, kinds };
}
