/**
 * Reading a request to the fake Slack: the raw bytes, and the arguments decoded as Slack's
 * client sends them (JSON, multipart with files, or a form whose JSON fields are parsed).
 */
import type { IncomingMessage } from 'node:http';

/** A file of a multipart body, as bytes. */
export interface UploadedPart {
  field: string;
  filename: string;
  data: Buffer;
}

/** Decode a form field that Slack's client sent as JSON (blocks, view, files, ...). */
function decodeField(value: string): unknown {
  const first = value.trimStart()[0];
  if (first === '[' || first === '{') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type Parsed = { args: Record<string, unknown>; files?: UploadedPart[] };

export async function parseArgs(req: IncomingMessage, raw: Buffer): Promise<Parsed> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    return {
      args: raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {},
    };
  }
  if (type.includes('multipart/form-data')) {
    // Let the platform parse multipart: a Request built from the same bytes and headers.
    const request = new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    });
    const form = await request.formData();
    const args: Record<string, unknown> = {};
    const files: UploadedPart[] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        args[key] = value;
        continue;
      }
      const data = Buffer.from(await value.arrayBuffer());
      args[key] = data.toString('utf8');
      files.push({ field: key, filename: value.name, data });
    }
    return { args, files };
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8')))
    args[key] = decodeField(value);
  return { args };
}
