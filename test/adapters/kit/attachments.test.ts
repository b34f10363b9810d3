/**
 * The kit's attachment downloader against a local HTTP server: a file declared over the limit
 * is never requested, a body that grows past the limit is cut off, a server that stalls is given
 * up on at the time limit, a sign-in page (HTML) or an error is a failed download, and headers
 * (Slack's bot token) are sent. Order and outcome are asserted, never durations.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../../src/adapters/kit/attachments.ts';
import { IMAGE_LIMITS } from '../../../src/engine/attachments.ts';
import { diagramPng } from '../../fixtures/images.ts';

let server: Server;
let base = '';
const seen: { path: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    if (req.url === '/ok.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(diagramPng());
    } else if (req.url === '/endless.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(256 * 1024);
      const write = () => {
        while (res.write(chunk)) {}
      };
      res.on('drain', write);
      write();
      res.on('close', () => res.removeAllListeners('drain'));
    } else if (req.url === '/stall.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(diagramPng().slice(0, 10));
    } else if (req.url === '/signin.png') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Sign in</html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const file = (path: string, size = 1000, headers?: Record<string, string>) => ({
  name: path.slice(1),
  mime: 'image/png',
  size,
  url: `${base}${path}`,
  ...(headers ? { headers } : {}),
});

describe('downloadAttachment', () => {
  it('downloads the bytes, sending the given headers', async () => {
    const got = await downloadAttachment(file('/ok.png', 10, { authorization: 'Bearer xoxb-1' }), {
      timeoutMs: 5_000,
    });
    expect(Buffer.from(got.data).equals(Buffer.from(diagramPng()))).toBe(true);
    expect(got.unavailable).toBeUndefined();
    expect(seen.at(-1)).toEqual({ path: '/ok.png', auth: 'Bearer xoxb-1' });
  });

  it('a file declared over the limit is never requested', async () => {
    const before = seen.length;
    const got = await downloadAttachment(file('/ok.png', IMAGE_LIMITS.maxBytes + 1), {
      timeoutMs: 5_000,
    });
    expect(got.unavailable).toBe('too-large');
    expect(seen.length).toBe(before);
  });

  it('a body that grows past the limit is cut off', async () => {
    const got = await downloadAttachment(file('/endless.png'), { timeoutMs: 30_000 });
    expect(got).toMatchObject({ unavailable: 'too-large' });
    expect(got.data.length).toBe(0);
  });

  it('a stalled download is given up at the time limit; HTML, 404 and no URL are failures', async () => {
    const reasons: string[] = [];
    const onFailure = (_f: unknown, reason: string) => reasons.push(reason);
    expect(
      await downloadAttachment(file('/stall.png'), { timeoutMs: 200, onFailure }),
    ).toMatchObject({ unavailable: 'download-failed' });
    expect(
      await downloadAttachment(file('/signin.png'), { timeoutMs: 5_000, onFailure }),
    ).toMatchObject({ unavailable: 'download-failed' });
    expect(
      await downloadAttachment(file('/missing.png'), { timeoutMs: 5_000, onFailure }),
    ).toMatchObject({ unavailable: 'download-failed' });
    expect(
      await downloadAttachment({ ...file('/ok.png'), url: '' }, { timeoutMs: 5_000, onFailure }),
    ).toMatchObject({ unavailable: 'download-failed' });
    expect(reasons).toHaveLength(4);
    expect(reasons[1]).toContain('text/html');
  });
});
