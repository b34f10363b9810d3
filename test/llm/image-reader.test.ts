/**
 * The LLM image reader against the local OpenAI-compatible server, through the openai SDK: the
 * image goes as an `image_url` part with a `data:` URL of its bytes; malformed replies (not JSON,
 * off the schema, flows naming unknown boxes) are sent back with the problem and, if they stay
 * malformed, end as `unreadable`; "no diagram" and a server that does not answer are told apart.
 * Also: which model names `LLM_VISION=auto` takes as reading images.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmDiagramImageReader } from '../../src/llm/image-diagram-reader.ts';
import { modelTakesImages, visionEnabled } from '../../src/llm/vision.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { dataUrlOf, imageUrls } from '../fakes/vision-llm.ts';
import { SKEWED_DESIGN, diagramPng, jpegBytes } from '../fixtures/images.ts';
import { makeClient, scenario } from './helpers.ts';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function request(data = diagramPng(), mime: 'image/png' | 'image/jpeg' = 'image/png') {
  return {
    image: { name: 'board.png', mime, data },
    scenario,
    lang: 'en' as const,
    candidateId: 'terminal:test',
    sessionId: 's1',
  };
}

describe('LlmDiagramImageReader', () => {
  it('sends the image as a data: URL part and turns the boxes and arrows into Mermaid', async () => {
    server.on({ schema: 'diagram_from_image' }, reply.json(SKEWED_DESIGN));
    const reader = new LlmDiagramImageReader(makeClient(server).client);
    const reading = await reader.read(request(jpegBytes(), 'image/jpeg'));
    expect(imageUrls(server.requests)).toEqual([dataUrlOf('image/jpeg', jpegBytes())]);
    const user = server.requests[0]!.body.messages!.find((m) => m.role === 'user')!;
    expect(user.content).toEqual([
      { type: 'text', text: 'Transcribe the diagram in the image named "board.png".' },
      { type: 'image_url', image_url: { url: dataUrlOf('image/jpeg', jpegBytes()) } },
    ]);
    expect(reading).toMatchObject({ ok: true, boxes: 5, arrows: 5 });
    if (!reading.ok) return;
    expect(reading.mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(reading.mermaid).toContain('n2["Spark feature job"]');
    expect(reading.mermaid).toContain('n3 -.->|weights| n5');
  });

  it('a flow naming an unknown box is sent back with the problem, then read', async () => {
    server.once(
      { schema: 'diagram_from_image' },
      reply.json({ ...SKEWED_DESIGN, flows: [{ from: 'c1', to: 'c9', label: '', dashed: false }] }),
    );
    server.on({ schema: 'diagram_from_image' }, reply.json(SKEWED_DESIGN));
    const reader = new LlmDiagramImageReader(makeClient(server).client);
    const reading = await reader.read(request());
    expect(reading.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.text).toContain(
      'c1 -> c9 names a component id that is not in components',
    );
  });

  it('malformed every time (not JSON, off the schema): unreadable, with the tokens counted', async () => {
    server.once({ schema: 'diagram_from_image' }, reply.text('boxes: logs, ranker'));
    server.on({ schema: 'diagram_from_image' }, reply.json({ components: 'logs' }));
    const reader = new LlmDiagramImageReader(makeClient(server).client);
    const reading = await reader.read(request());
    expect(reading).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(reading.usage.requests).toBe(2);
  });

  it('no diagram in the image, and no answer from the server, are told apart', async () => {
    server.on(
      { schema: 'diagram_from_image' },
      reply.json({ isDiagram: false, components: [], flows: [] }),
      { times: 1 },
    );
    server.on({ schema: 'diagram_from_image' }, reply.serverError(503));
    const reader = new LlmDiagramImageReader(makeClient(server).client);
    expect(await reader.read(request())).toMatchObject({ ok: false, reason: 'not-a-diagram' });
    expect(await reader.read(request())).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('LLM_VISION', () => {
  it('auto: known image-reading model families, with or without a provider prefix or tag', () => {
    for (const model of [
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-5-mini',
      'o3',
      'openai/gpt-4o',
      'claude-3-5-sonnet-latest',
      'gemini-2.0-flash',
      'llava:13b',
      'qwen2.5-vl-7b-instruct',
      'llama3.2-vision:11b',
      'gemma3:4b',
    ])
      expect([model, modelTakesImages(model)]).toEqual([model, true]);
    for (const model of [
      'gpt-3.5-turbo',
      'o3-mini',
      'o1-mini',
      'llama3.1:8b',
      'qwen2.5:7b',
      'mistral-7b',
    ])
      expect([model, modelTakesImages(model)]).toEqual([model, false]);
  });

  it('on and off override the name; no model: never', () => {
    expect(visionEnabled('on', 'llama3.1:8b')).toBe(true);
    expect(visionEnabled('off', 'gpt-4o')).toBe(false);
    expect(visionEnabled('auto', 'gpt-4o')).toBe(true);
    expect(visionEnabled('on', null)).toBe(false);
  });
});
