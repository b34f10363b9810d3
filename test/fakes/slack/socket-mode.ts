/**
 * A local stand-in for Slack's Socket Mode endpoint on 127.0.0.1 (a WebSocket server, `ws`).
 * The fake Web API's `apps.connections.open` hands out `url`; when the app connects it gets
 * Slack's `hello`, then envelopes (`{ envelope_id, type, payload, accepts_response_payload,
 * retry_attempt, retry_reason }`) that the app must acknowledge by sending back
 * `{ envelope_id, payload? }`. `send()` resolves with that acknowledgement.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { FAKE_APP_ID } from './web-api.ts';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketModeServer {
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private counter = 0;
  private readonly pendingAcks = new Map<string, (ack: Ack) => void>();
  private connectedResolve: (() => void) | null = null;
  private readonly connectedPromise = new Promise<void>((resolve) => {
    this.connectedResolve = resolve;
  });
  /** Resolves when the app closes its connection. */
  readonly closed: Promise<void>;
  private closedResolve: (() => void) | null = null;
  /** How many times an app connected. */
  connections = 0;

  constructor() {
    this.closed = new Promise<void>((resolve) => {
      this.closedResolve = resolve;
    });
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(this.wss, 'listening');
    this.wss.on('connection', (socket) => {
      this.connections += 1;
      this.socket = socket;
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        const resolve = this.pendingAcks.get(ack.envelope_id);
        if (resolve) {
          this.pendingAcks.delete(ack.envelope_id);
          resolve(ack);
        }
      });
      socket.on('close', () => this.closedResolve?.());
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: FAKE_APP_ID },
        }),
      );
      this.connectedResolve?.();
    });
    return this;
  }

  /** The URL apps.connections.open returns. */
  get url(): string {
    const { port } = this.wss!.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=${FAKE_APP_ID}`;
  }

  connected(): Promise<void> {
    return this.connectedPromise;
  }

  /** Send an envelope; resolves with the app's acknowledgement. */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; envelopeId?: string } = {},
  ): Promise<Ack> {
    if (!this.socket) throw new Error('no Socket Mode connection');
    this.counter += 1;
    const envelopeId = options.envelopeId ?? `envelope-${this.counter}`;
    const acked = new Promise<Ack>((resolve) => this.pendingAcks.set(envelopeId, resolve));
    this.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api'
          ? {
              retry_attempt: options.retryAttempt ?? 0,
              retry_reason: options.retryAttempt ? 'timeout' : '',
            }
          : {}),
      }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    this.wss = null;
  }
}

/**
 * The same payload as an HTTP request body, as Socket Mode carries it: a JSON object (slash
 * command fields, the interactivity payload itself, or the event callback).
 */
export function asSocketPayload(request: {
  contentType: string;
  body: string;
}): Record<string, unknown> {
  if (request.contentType === 'application/json') {
    return JSON.parse(request.body) as Record<string, unknown>;
  }
  const form = new URLSearchParams(request.body);
  const payload = form.get('payload');
  if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(form);
}
