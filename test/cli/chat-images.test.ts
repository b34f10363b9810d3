/**
 * Diagrams as images in the terminal, end to end: the real CLI in a child process, `/image PATH
 * text` (and a line that is only an image's path) reads the file from disk, the image reaches
 * the LLM stand-in in this process as an `image_url` part with the file's exact bytes, and the
 * critique comes back in the chat. Without vision, a missing file, too big, wrong type: clear
 * messages, and the interview goes on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataUrlOf, imageUrls, useVisionLlm, visionLlmEnv } from '../fakes/vision-llm.ts';
import { diagramPng, oversizedPng, pdfBytes } from '../fixtures/images.ts';
import { cliEnv, runCli } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-chat-images-'));
const board = path.join(dir, 'my board.png');
const huge = path.join(dir, 'huge.png');
const pdf = path.join(dir, 'design.png');
const llm = useVisionLlm();
beforeAll(() => {
  writeFileSync(board, diagramPng());
  writeFileSync(huge, oversizedPng());
  writeFileSync(pdf, pdfBytes());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on the vision LLM stand-in, with its own sqlite file. */
const env = (name: string) =>
  cliEnv({
    DATABASE_PATH: path.join(dir, `${name}.sqlite`),
    ...visionLlmEnv(llm(), { OPENAI_MODEL: 'gpt-4.1-mini' }),
  });

const chat = ['chat', '--scenario', 'youtube-recommendation'];

describe('terminal: diagrams as images', () => {
  it('/image PATH text: the file reaches the LLM as an image part, the critique comes back', async () => {
    const before = llm().requests.length;
    const script = [`/image "${board}" Here is my design.`, '/quit'].join('\n');
    const result = await runCli(chat, env('read'), `${script}\n`);
    expect(result.code).toBe(0);
    const sent = llm()
      .requests.slice(before)
      .filter((r) => r.schemaName === 'diagram_from_image');
    expect(imageUrls(sent)).toEqual([dataUrlOf('image/png', diagramPng())]);
    expect(result.stdout).toContain('From "my board.png" I read this diagram');
    expect(result.stdout).toMatch(/training gets its features from "Spark feature job"/);
  });

  it('a line that is only the path (as dragging a file in types it) is sent as the image', async () => {
    const before = llm().requests.length;
    const escaped = board.replace(/ /g, '\\ ');
    const result = await runCli(chat, env('bare'), `${escaped}\n/quit\n`);
    expect(result.code).toBe(0);
    expect(imageUrls(llm().requests.slice(before))).toHaveLength(1);
    expect(result.stdout).toContain('From "my board.png" I read this diagram');
  });

  it('missing file, too big, wrong type, a typed URL: clear messages, nothing sent to the LLM as an image', async () => {
    const before = llm().requests.length;
    const script = [
      `/image ${path.join(dir, 'nope.png')}`,
      `/image ${huge} big one`,
      `/image ${pdf} not really an image`,
      // A URL is words, never fetched (nothing listens there anyway).
      'http://127.0.0.1:9/board.png',
      '/quit',
    ].join('\n');
    const result = await runCli(chat, env('refused'), `${script}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Could not find the file "${path.join(dir, 'nope.png')}"`);
    expect(result.stdout).toContain('"huge.png" is larger than 4 MB');
    expect(result.stdout).toContain('"design.png" is not an image (it is application/pdf)');
    expect(imageUrls(llm().requests.slice(before))).toEqual([]);
  });

  it('without an LLM: told plainly that images cannot be read, invited to paste text', async () => {
    const result = await runCli(
      chat,
      cliEnv({ DATABASE_PATH: path.join(dir, 'offline.sqlite') }),
      `/image "${board}" logs feed it\n/quit\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('I cannot read images in this setup');
    expect(result.stdout).toContain('logs -> feature store -> ranker');
    expect(result.stdout).toContain('The text of your message was taken as your answer.');
  });
});
