/**
 * One adapter contract: the behaviours every platform must show, run by each adapter against
 * its own local stand-in (terminal in-process, discord.js against test/fakes/discord, Bolt
 * against test/fakes/slack). A driver speaks the platform's language (slash commands, buttons,
 * thread messages, typed lines) and returns what a person would see, as text.
 *
 * Each driver runs on the embedded store (a sqlite file in a fresh folder), so a restart is a
 * real one: the adapter and the app are torn down and built again on the same file. The LLM
 * behaviours run on a second driver whose LLM is the local stand-in (test/fakes/openai-server),
 * scripted to fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/engine/messages.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';

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
  /**
   * Tears the adapter and the app down (store, LLM, platform connection) and builds them again
   * from the same settings, on the same store: a restart. The candidate then carries on where
   * they were (same thread, channel or terminal).
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Settings the contract adds to the driver's own (a store file, an LLM endpoint). */
export type ContractEnv = Record<string, string>;

/** "Stage 2 of 7" (chat platforms) or "[2/7]" (the terminal's heading). */
const stageHeading = (n: number) => new RegExp(`Stage ${n} of \\d+|\\[${n}/\\d+\\]`);

/** What the candidate is told when a turn fails unexpectedly: must never be what they see. */
const INTERNAL = describeError({ code: 'internal' }, 'en');
/** The start of the note the engine adds when the LLM path switches off. */
const LLM_OFFLINE = 'The LLM is not answering';

const ANSWER =
  'We want to rank items by predicted engagement for each user, measured by watch time.';

/** A fresh folder for the driver's sqlite file, removed after the suite. */
function storeFolder(): { env: ContractEnv; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'contract-'));
  return {
    env: { DATABASE_PATH: path.join(dir, 'interviews.sqlite') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function adapterContract(
  name: string,
  open: (env: ContractEnv) => Promise<AdapterDriver>,
): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: AdapterDriver;
    const folder = storeFolder();
    beforeAll(async () => {
      driver = await open(folder.env);
    });
    afterAll(async () => {
      await driver?.close();
      folder.remove();
    });

    // One interview, walked in order: each behaviour builds on the one before.
    it('starts an interview at stage 1', async () => {
      expect(await driver.start()).toMatch(stageHeading(1));
    });

    it('answers an answer', async () => {
      const seen = await driver.say(ANSWER);
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

    it('resumes after a restart, in the same place, with nothing lost', async () => {
      await driver.restart();
      // The same interview, in the same stage, with its hint count: hint 1 was used before.
      expect(await driver.act('hint')).toContain('Hint 2');
      const seen = await driver.say('After the restart: we retrain the ranker daily.');
      expect(seen.trim().length).toBeGreaterThan(0);
      expect(seen).not.toContain(INTERNAL);
    });

    it('moves to the next stage', async () => {
      expect(await driver.act('next')).toMatch(stageHeading(2));
    });

    it('shows the scorecard', async () => {
      expect(await driver.act('scorecard')).toContain('Scorecard');
    });
  });

  describe(`adapter contract: ${name}, when the LLM fails`, () => {
    let driver: AdapterDriver;
    let llm: FakeOpenAIServer;
    const folder = storeFolder();
    beforeAll(async () => {
      llm = await startFakeOpenAI();
      driver = await open({
        ...folder.env,
        OPENAI_BASE_URL: llm.url,
        OPENAI_MODEL: 'fake-model',
        // No retries (each would back off for real and prove nothing more), and the LLM path
        // switches off at the first failure, so the candidate is told on that very turn.
        LLM_MAX_RETRIES: '0',
        LLM_BREAKER_FAILURES: '1',
      });
    });
    afterAll(async () => {
      await driver?.close();
      await llm?.close();
      folder.remove();
    });

    it('starts an interview at stage 1', async () => {
      expect(await driver.start()).toMatch(stageHeading(1));
    });

    it('an LLM reply that is not JSON: the offline interviewer answers instead', async () => {
      llm.reset();
      llm.on({}, reply.text('{"move": "clarify", "message": "About'));
      const seen = await driver.say(ANSWER);
      expect(seen.trim().length).toBeGreaterThan(0);
      expect(seen).not.toContain(INTERNAL);
      // The server answered: nothing is switched off.
      expect(seen).not.toContain(LLM_OFFLINE);
      expect(llm.requests.length).toBeGreaterThan(0);
    });

    it('an LLM that stops answering: the candidate is told, and the interview goes on offline', async () => {
      llm.reset();
      llm.on({}, reply.serverError(503));
      const seen = await driver.say('How many daily active users do we have?');
      expect(seen).toContain(LLM_OFFLINE);
      expect(seen).not.toContain(INTERNAL);
      expect(llm.requests.length).toBeGreaterThan(0);
    });

    it('nothing is lost: a hint, then the stage closes and the next one opens', async () => {
      expect(await driver.act('hint')).toContain('Hint 1');
      expect(await driver.act('next')).toMatch(stageHeading(2));
    });

    it('shows the scorecard, scored offline', async () => {
      expect(await driver.act('scorecard')).toContain('Scorecard');
    });
  });
}
