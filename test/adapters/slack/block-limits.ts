/** Checks a Block Kit payload against the limits Slack enforces (shared by the tests). */
import { expect } from 'vitest';
import { LIMITS } from '../../../src/adapters/slack/render/limits.ts';

type Json = Record<string, unknown>;

export function expectWithinLimits(
  blocks: unknown[],
  maxBlocks: number = LIMITS.messageBlocks,
): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const block of blocks as Json[]) {
    const text = block.text as Json | undefined;
    if (block.type === 'section' && text) {
      expect((text.text as string).length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    if (block.type === 'header') {
      expect(((block.text as Json).text as string).length).toBeLessThanOrEqual(LIMITS.headerText);
    }
    if (block.type === 'section' && Array.isArray(block.fields)) {
      expect(block.fields.length).toBeLessThanOrEqual(LIMITS.sectionFields);
      for (const f of block.fields as Json[]) {
        expect((f.text as string).length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
    }
    if (block.type === 'context') {
      const elements = block.elements as Json[];
      expect(elements.length).toBeLessThanOrEqual(10);
      for (const e of elements)
        expect((e.text as string).length).toBeLessThanOrEqual(LIMITS.contextText);
    }
    if (block.type === 'actions') {
      for (const e of block.elements as Json[]) {
        expect(((e.text as Json).text as string).length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(((e.value as string) ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
  }
}
