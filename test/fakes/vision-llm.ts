/**
 * A scripted "LLM that takes images" for the end-to-end image tests: it transcribes any image
 * into the fixture's design (features computed twice, for training and for serving), and as the
 * interviewer it asks about the first item of the code's checks in its prompt, so the critique
 * shows in the reply the candidate reads.
 */
import { afterAll, beforeAll } from 'vitest';
import { SKEWED_DESIGN } from '../fixtures/images.ts';
import {
  type FakeOpenAIServer,
  type RecordedRequest,
  reply,
  startFakeOpenAI,
} from './openai-server.ts';

/**
 * The scripted server for the calling test file: started before its tests, closed after.
 * Returns a getter (the server exists only once `beforeAll` has run).
 */
export function useVisionLlm(): () => FakeOpenAIServer {
  let server: FakeOpenAIServer | null = null;
  beforeAll(async () => {
    server = await startFakeOpenAI();
    scriptVisionLlm(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the vision LLM stand-in is not started yet');
    return server;
  };
}

/** Settings for the app on `server`, with a model `LLM_VISION=auto` takes as reading images. */
export function visionLlmEnv(
  server: FakeOpenAIServer,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    OPENAI_BASE_URL: server.url,
    OPENAI_API_KEY: 'test-key',
    OPENAI_MODEL: 'gpt-4o-mini',
    LLM_TIMEOUT_MS: '5000',
    LLM_MAX_RETRIES: '0',
    ...extra,
  };
}

export function scriptVisionLlm(server: FakeOpenAIServer): void {
  server.on({ schema: 'diagram_from_image' }, reply.json(SKEWED_DESIGN));
  server.on({ schema: 'interviewer_respond' }, (request) => {
    const check = /<checks>[^\n]*\n- ([^\n]+)/.exec(request.text)?.[1];
    return reply.json({
      move: check ? 'probe' : 'acknowledge',
      message: check ?? 'Noted. Keep going.',
      revealedFacts: [],
    });
  });
}

/** The `image_url` URLs of every request to the server, in order. */
export function imageUrls(requests: readonly RecordedRequest[]): string[] {
  return requests.flatMap((r) =>
    (r.body.messages ?? []).flatMap((m) =>
      Array.isArray(m.content)
        ? m.content.flatMap((part: { type?: string; image_url?: { url?: string } }) =>
            part.type === 'image_url' && part.image_url?.url ? [part.image_url.url] : [],
          )
        : [],
    ),
  );
}

/** A `data:` URL of `bytes` as the reader sends it. */
export function dataUrlOf(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}
