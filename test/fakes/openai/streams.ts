/**
 * How the fake OpenAI server writes Server-Sent Events: a whole completion as the SDK expects
 * it (with a usage chunk when asked), or a stream cut off mid-way.
 */
import type { ServerResponse } from 'node:http';
import type { FakeReply } from './replies.ts';
import type { ChatRequestBody } from './requests.ts';
import type { Usage } from './usage.ts';

/** Streams `fake` in a few pieces, then the finish reason, the usage if asked, and [DONE]. */
export function writeStream(
  res: ServerResponse,
  id: string,
  model: string,
  fake: Extract<FakeReply, { kind: 'content' }>,
  usage: Usage,
  includeUsage: boolean,
): void {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: object = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
  for (const piece of splitInPieces(fake.content, 3)) {
    res.write(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
  }
  res.write(chunk([{ index: 0, delta: {}, finish_reason: fake.finishReason ?? 'stop' }]));
  if (includeUsage) res.write(chunk([], { usage }));
  res.end('data: [DONE]\n\n');
}

export function writeStreamCut(res: ServerResponse, body: ChatRequestBody, content: string): void {
  if (!body.stream) {
    // Not a streaming request: send a truncated JSON body and drop the connection.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"id":"chatcmpl-cut","object":"chat.completion","choices":[{"index":0,');
    res.socket?.destroy();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const half = content.slice(0, Math.floor(content.length / 2));
  res.write(
    `data: ${JSON.stringify({ id: 'chatcmpl-cut', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: { content: half }, finish_reason: null }] })}\n\n`,
  );
  res.socket?.destroy();
}

function splitInPieces(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
