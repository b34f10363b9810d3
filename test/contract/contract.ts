/**
 * One adapter contract: the behaviours every platform must show, run by each adapter against
 * its own local stand-in (terminal in-process, discord.js against test/fakes/discord, Bolt
 * against test/fakes/slack). A driver speaks the platform's language (slash commands, buttons,
 * thread messages, typed lines) and returns what a person would see, as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/engine/messages.ts';

export type ContractAction = 'hint' | 'followup' | 'next' | 'scorecard';

export interface AdapterDriver {
  /** Starts an interview as the candidate; the opening as seen. */
  start(): Promise<string>;
  /** The candidate sends `text` in the interview; the bot's answer as seen. */
  say(text: string): Promise<string>;
  /** The candidate asks for `action` (a button or a command, as the platform offers it). */
  act(action: ContractAction): Promise<string>;
  /** Someone else asks for a hint in the candidate's interview; what they are told. */
  strangerHint(): Promise<string>;
  /** The candidate's last message delivered again by the platform; what the bot sent for it. */
  redeliverLast(): Promise<string>;
  close(): Promise<void>;
}

/** "Stage 2 of 7" (chat platforms) or "[2/7]" (the terminal's heading). */
const stageHeading = (n: number) => new RegExp(`Stage ${n} of \\d+|\\[${n}/\\d+\\]`);

export function adapterContract(name: string, open: () => Promise<AdapterDriver>): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: AdapterDriver;
    beforeAll(async () => {
      driver = await open();
    });
    afterAll(async () => {
      await driver?.close();
    });

    // One interview, walked in order: each behaviour builds on the one before.
    it('starts an interview at stage 1', async () => {
      expect(await driver.start()).toMatch(stageHeading(1));
    });

    it('answers an answer', async () => {
      const seen = await driver.say(
        'We want to rank items by predicted engagement for each user, measured by watch time.',
      );
      expect(seen.trim().length).toBeGreaterThan(0);
    });

    it('answers a clarifying question', async () => {
      const seen = await driver.say('How many daily active users do we have?');
      expect(seen.trim().length).toBeGreaterThan(0);
    });

    it('ignores a duplicate delivery of the same message', async () => {
      expect((await driver.redeliverLast()).trim()).toBe('');
    });

    it('gives a follow-up', async () => {
      expect((await driver.act('followup')).trim().length).toBeGreaterThan(0);
    });

    it("refuses a stranger's action, leaving the interview as it was", async () => {
      expect(await driver.strangerHint()).toContain(
        describeError({ code: 'not-your-session' }, 'en'),
      );
    });

    it('gives hint 1 (the stranger used none)', async () => {
      expect(await driver.act('hint')).toContain('Hint 1');
    });

    it('takes a huge message without losing the interview', async () => {
      const huge = 'We shard the feature store by user id and cache hot items. '.repeat(400);
      expect((await driver.say(huge)).trim().length).toBeGreaterThan(0);
    });

    it('moves to the next stage', async () => {
      expect(await driver.act('next')).toMatch(stageHeading(2));
    });

    it('shows the scorecard', async () => {
      expect(await driver.act('scorecard')).toContain('Scorecard');
    });
  });
}
