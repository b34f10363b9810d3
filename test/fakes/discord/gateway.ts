/**
 * The fake Discord gateway: a WebSocket speaking API v10 JSON, as @discordjs/ws expects.
 *
 * Connect (`?v=10&encoding=json`; no `compress`: this fake speaks uncompressed JSON, which is
 * what discord.js asks for when zlib-sync is not installed) → HELLO (op 10) → the client
 * IDENTIFYs (op 2) → READY (with the guild marked unavailable) then GUILD_CREATE, both as
 * dispatches (op 0) with increasing sequence numbers. HEARTBEAT (op 1) → HEARTBEAT_ACK (op 11).
 * RESUME (op 6) is answered with INVALID_SESSION (op 9, not resumable): tests never need it.
 *
 * Sharding, as Discord routes it: a session that identified as shard [id, count] gets the
 * events of the servers it owns, `(guild_id >> 22) % count === id` (the server in READY and its
 * GUILD_CREATE too), and shard 0 gets direct messages. An unsharded session ([0, 1]) owns all.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { guildCreate, snowflake } from './payloads.ts';
import type { JsonBody } from './rest.ts';
import type { FakeWorld } from './world.ts';

const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  resume: 6,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
} as const;

export interface GatewayRecord {
  /** The query string of each connection, e.g. `{ v: '10', encoding: 'json' }`. */
  connections: Record<string, string>[];
  /** The `d` of each IDENTIFY. */
  identifies: { token: string; intents: number; [key: string]: unknown }[];
  heartbeats: number;
  /** Close codes the clients sent (1000 on a clean `client.destroy()`). */
  closes: number[];
  /** Each dispatch sent, with the shard id of the session it went to. */
  dispatches: { event: string; shard: number }[];
}

interface Connection {
  socket: WebSocket;
  sequence: number;
  ready: boolean;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
}

/** The shard that owns a server's events: Discord's `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface GatewayOptions {
  /** HELLO's heartbeat interval; the client's first beat waits a random part of it. */
  heartbeatIntervalMs: number;
  /** The gateway's own address, sent as `resume_gateway_url`. */
  url: () => string;
}

export class FakeGateway extends EventEmitter {
  readonly record: GatewayRecord = {
    connections: [],
    identifies: [],
    heartbeats: 0,
    closes: [],
    dispatches: [],
  };
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly world: FakeWorld,
    private readonly options: GatewayOptions,
  ) {
    super();
  }

  /** Takes over an HTTP upgrade request for the gateway path. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Sends a dispatch (op 0) to the ready sessions it is for: its server's shard, else shard 0. */
  dispatch(event: string, data: unknown): void {
    const guildId = (data as { guild_id?: string } | null)?.guild_id;
    for (const connection of this.connections) {
      const [id, count] = connection.shard;
      const forIt = guildId ? shardOf(guildId, count) === id : id === 0;
      if (connection.ready && forIt) this.send(connection, { op: OP.dispatch, t: event, d: data });
    }
  }

  /** Number of sessions that finished IDENTIFY and got READY. */
  readyCount(): number {
    return [...this.connections].filter((c) => c.ready).length;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://fake').searchParams);
    this.record.connections.push(query);
    if (query.v !== '10' || query.encoding !== 'json' || query.compress) {
      // 4012 Invalid API version; the fake speaks only uncompressed v10 JSON.
      socket.close(4012, 'the fake gateway speaks v=10, encoding=json, no compress');
      return;
    }
    const connection: Connection = { socket, sequence: 0, ready: false, shard: [0, 1] };
    this.connections.add(connection);
    socket.on('message', (raw) => this.receive(connection, raw.toString()));
    socket.on('close', (code) => {
      this.connections.delete(connection);
      this.record.closes.push(code);
      this.emit('close', code);
    });
    this.send(connection, {
      op: OP.hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private receive(connection: Connection, text: string): void {
    const payload = JSON.parse(text) as { op: number; d: JsonBody };
    switch (payload.op) {
      case OP.heartbeat:
        this.record.heartbeats += 1;
        this.send(connection, { op: OP.heartbeatAck });
        this.emit('heartbeat', this.record.heartbeats);
        return;
      case OP.identify:
        this.identify(connection, payload.d);
        return;
      case OP.resume:
        this.send(connection, { op: OP.invalidSession, d: false });
        return;
      default:
        // Presence and voice updates: nothing to do for the bot's tests.
        return;
    }
  }

  private identify(connection: Connection, data: GatewayRecord['identifies'][number]): void {
    this.record.identifies.push(data);
    if (data.token !== this.world.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    const { world } = this;
    connection.ready = true;
    // A sharded bot sends [id, count]; READY echoes it.
    if (Array.isArray(data.shard)) connection.shard = data.shard as [number, number];
    const owned = shardOf(world.guild.id, connection.shard[1]) === connection.shard[0];
    this.send(connection, {
      op: OP.dispatch,
      t: 'READY',
      d: {
        v: 10,
        user: world.bot,
        guilds: owned ? [{ id: world.guild.id, unavailable: true }] : [],
        session_id: snowflake(),
        resume_gateway_url: this.options.url(),
        shard: connection.shard,
        application: { id: world.applicationId, flags: 1 << 19 },
        user_settings: {},
        relationships: [],
        private_channels: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
      },
    });
    if (owned) {
      this.send(connection, {
        op: OP.dispatch,
        t: 'GUILD_CREATE',
        d: guildCreate(world.guild, world.bot, world.owner.id),
      });
    }
    this.emit('ready');
  }

  private send(connection: Connection, payload: { op: number; t?: string; d?: unknown }): void {
    const isDispatch = payload.op === OP.dispatch;
    if (isDispatch) {
      connection.sequence += 1;
      this.record.dispatches.push({ event: payload.t!, shard: connection.shard[0] });
    }
    connection.socket.send(
      JSON.stringify({
        op: payload.op,
        d: payload.d ?? null,
        s: isDispatch ? connection.sequence : null,
        t: payload.t ?? null,
      }),
    );
  }
}
