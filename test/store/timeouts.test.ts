/**
 * Every store call has a deadline: a server that accepts the connection and then says nothing
 * (a hung Redis or PostgreSQL) fails start-up with a clear message instead of hanging.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';

describe('store deadlines against a server that never answers', () => {
  let server: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket); // accept, read, never answer
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const timeouts = { connectTimeoutMs: 300, commandTimeoutMs: 300 };

  it('Redis: start-up fails naming REDIS_URL', async () => {
    await expect(createStore({ redisUrl: `redis://127.0.0.1:${port}`, timeouts })).rejects.toThrow(
      /REDIS_URL: cannot use Redis/,
    );
  });

  it('PostgreSQL: start-up fails naming DATABASE_URL', async () => {
    await expect(
      createStore({ databaseUrl: `postgres://me@127.0.0.1:${port}/db`, timeouts }),
    ).rejects.toThrow(/DATABASE_URL: cannot use PostgreSQL .*(timeout|terminated)/i);
  });
});
