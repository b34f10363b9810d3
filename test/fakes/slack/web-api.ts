/**
 * A local stand-in for Slack's Web API on 127.0.0.1, for tests. The real WebClient (through
 * Bolt) talks to it via `slackApiUrl: <fake.apiUrl>`. It answers like Slack (`{ ok: true, ... }`
 * with the fields the SDK reads: `ts`/`channel` from chat.postMessage, `upload_url`/`file_id`
 * from files.getUploadURLExternal, the WebSocket URL from apps.connections.open, ...) and
 * records every call, `auth.test` included, with its arguments decoded (form fields that hold
 * JSON, like `blocks` and `view`, are parsed).
 *
 * Besides `/api/<method>` it serves the upload URLs it hands out (`/upload/<fileId>`) and
 * response URLs for slash commands and buttons (`/respond/<id>`), recorded as calls named
 * `upload` and `response_url`. Uploads follow Slack's three steps (files.uploadV2 in the
 * client): getUploadURLExternal (filename and length required) → the bytes to the upload URL →
 * completeUploadExternal (only for files whose bytes came), and `shared` keeps each completed
 * file with its bytes and where it was shared.
 * It also serves the private URLs of files shared in messages (`/files-pri/…`, see
 * `shareFile`), recorded as calls named `file_download`. Like Slack, a file asked for without a
 * valid bot token gets the sign-in page (200, HTML) rather than the file.
 *
 * It knows the messages in its channels (permalinks.ts): those the app posts, and those a
 * test says people wrote (`addMessage`), so `chat.getPermalink` answers as Slack does.
 *
 * Faults on demand: `failNext(method, error)` answers the next call of `method` with
 * `{ ok: false, error }`, as Slack does (e.g. `not_in_channel`, `missing_scope`); `hold(method)`
 * keeps the next call waiting until released (a slow Slack).
 *
 * This file is the server and its test controls; what each method answers is in
 * method-answers.ts, how a request is decoded in request-body.ts, the fake's ids in workspace.ts.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeUploads } from './uploads.ts';
import { FakeMessages } from './permalinks.ts';
import {
  type Answer,
  type AnswerContext,
  answerMethod,
  exchangeOAuthCode,
} from './method-answers.ts';
import { parseArgs, readBody, type UploadedPart } from './request-body.ts';
import { FAKE_TEAM_ID, type FakeWorkspace } from './workspace.ts';

export * from './workspace.ts';

export interface RecordedCall {
  /** A Web API method (`chat.postMessage`), or `upload` / `response_url`. */
  method: string;
  args: Record<string, unknown>;
  /** The files of a multipart body, as bytes (`args` has them read as text). */
  files?: UploadedPart[];
  /** The bearer token the call carried, if any. */
  token: string | null;
  /** What the fake answered (Web API methods only). */
  response?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  /** Token accepted for bot methods (the workspace FAKE_TEAM_ID). */
  botToken: string;
  /** Further workspaces whose tokens are accepted (auth.test answers with their team). */
  workspaces?: FakeWorkspace[];
  /**
   * `oauth.v2.access`: the app's credentials, and the workspace each authorisation code
   * installs (its token is accepted from then on).
   */
  oauth?: { clientId: string; clientSecret: string; codes: Record<string, FakeWorkspace> };
  /** Token accepted for apps.connections.open (Socket Mode). */
  appToken?: string;
  /** What apps.connections.open hands out (a fake Socket Mode server's URL). */
  socketUrl?: () => string;
}

/** A file as Slack lists it in a message event's `files`. */
export interface FakeSlackFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
}

export class FakeSlackWebApi {
  readonly calls: RecordedCall[] = [];
  private readonly sharedFiles = new Map<string, { data: Uint8Array; mimetype: string }>();
  /** Numbers the files shared in messages (`shareFile`). */
  private fileCounter = 0;
  /** Files uploaded in Slack's three steps (see uploads.ts); `files.shared` lists the shared. */
  readonly files = new FakeUploads();
  private server: Server | null = null;
  private base = '';
  private tsCounter = 0;
  private readonly failures = new Map<string, string[]>();
  private readonly messages = new FakeMessages();
  /** Bot token → its workspace, for every token other than `botToken`. */
  private readonly installed = new Map<string, FakeWorkspace>();
  private readonly holds = new Map<string, Promise<void>[]>();
  private readonly waiters: {
    test: (c: RecordedCall) => boolean;
    resolve: (c: RecordedCall) => void;
  }[] = [];

  constructor(private readonly options: FakeSlackOptions) {
    for (const workspace of options.workspaces ?? [])
      this.installed.set(workspace.botToken, workspace);
  }

  /** Base URL for the WebClient's `slackApiUrl` (ends with `/api/`). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response URL (as Slack puts in slash command and button payloads). */
  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * A file a user shares in a message: served at its private URLs to the bot's token; put the
   * result in the message event's `files`. `size` overrides the declared size.
   */
  shareFile(file: {
    name: string;
    data: Uint8Array;
    mimetype?: string;
    size?: number;
  }): FakeSlackFile {
    this.fileCounter += 1;
    const id = `F0SHARED${this.fileCounter}`;
    const mimetype = file.mimetype ?? 'image/png';
    const path = `/files-pri/${FAKE_TEAM_ID}-${id}/${encodeURIComponent(file.name)}`;
    this.sharedFiles.set(path, { data: file.data, mimetype });
    return {
      id,
      name: file.name,
      title: file.name,
      mimetype,
      filetype: file.name.split('.').pop() ?? 'binary',
      size: file.size ?? file.data.byteLength,
      url_private: `${this.base}${path}`,
      url_private_download: `${this.base}${path.replace(`${id}/`, `${id}/download/`)}`,
    };
  }

  /** A URL on the fake's file host (shared or not), e.g. for a link a candidate types. */
  fileUrl(path: string): string {
    return `${this.base}/files-pri/${path.replace(/^\//, '')}`;
  }

  /** The next call of `method` fails with Slack's `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    const list = this.failures.get(method) ?? [];
    list.push(error);
    this.failures.set(method, list);
  }

  /**
   * The next call of `method` is recorded at once but answered only after `release()`: a slow
   * Slack, to see that the app acknowledges first and that `stop()` waits for work in flight.
   */
  hold(method: string): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const list = this.holds.get(method) ?? [];
    list.push(gate);
    this.holds.set(method, list);
    return release;
  }

  /** A message someone wrote (in a thread or not), as Slack knows it. */
  addMessage(message: { channel: string; ts: string; threadTs?: string | undefined }): void {
    this.messages.add(message);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or still to come) that passes `test`. */
  waitFor(test: (call: RecordedCall) => boolean): Promise<RecordedCall> {
    const made = this.calls.find(test);
    if (made) return Promise.resolve(made);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readBody(req);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null;
    const send = (status: number, body: Answer | string) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
      });
      res.end(text);
    };

    if (url.pathname.startsWith('/upload/')) {
      // The client posts the file as multipart (field `body`) or as the raw body.
      const fileId = url.pathname.slice(8);
      const { args, files } = await parseArgs(req, raw);
      const data = files?.[0]?.data ?? raw;
      if (!this.files.receive(fileId, data)) {
        send(404, 'unknown upload url');
        return;
      }
      this.record({ method: 'upload', args: { fileId, ...args }, token, files });
      send(200, `OK - ${data.length}`);
      return;
    }
    if (url.pathname.startsWith('/files-pri/')) {
      this.record({ method: 'file_download', args: { path: url.pathname }, token });
      const file = this.sharedFiles.get(url.pathname.replace('/download/', '/'));
      const tokenOk =
        token !== null && (token === this.options.botToken || this.installed.has(token));
      if (!tokenOk) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
        return;
      }
      if (!file) {
        send(404, 'file not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.mimetype,
        'content-length': String(file.data.byteLength),
      });
      res.end(file.data);
      return;
    }
    if (url.pathname.startsWith('/respond/')) {
      const args =
        raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      this.record({ method: 'response_url', args: { id: url.pathname.slice(9), ...args }, token });
      send(200, 'ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      send(404, 'not found');
      return;
    }

    const method = url.pathname.slice('/api/'.length);
    const { args } = await parseArgs(req, raw);
    const callToken = token ?? (typeof args.token === 'string' ? args.token : null);
    const expected =
      method === 'apps.connections.open' ? this.options.appToken : this.options.botToken;
    const failure = this.failures.get(method)?.shift();
    let response: Answer;
    if (method === 'oauth.v2.access')
      response = failure
        ? { ok: false, error: failure }
        : exchangeOAuthCode(args, req, this.options.oauth, this.installed);
    else if (!callToken) response = { ok: false, error: 'not_authed' };
    else if (callToken !== expected && !this.installed.has(callToken))
      response = { ok: false, error: 'invalid_auth' };
    else if (failure) response = { ok: false, error: failure };
    else response = answerMethod(method, args, this.installed.get(callToken), this.answerContext);
    this.record({ method, args, token: callToken, response });
    const gate = this.holds.get(method)?.shift();
    if (gate) await gate;
    send(200, response);
  }

  /** The state `answerMethod` reads and changes. */
  private get answerContext(): AnswerContext {
    return {
      nextTs: () => this.nextTs(),
      messages: this.messages,
      files: this.files,
      base: this.base,
      socketUrl: this.options.socketUrl,
    };
  }
}
