/**
 * The deployment files, checked without Docker (no daemon on CI): compose.yaml parses and wires
 * the bot to PostgreSQL and Redis with health checks and a stop grace longer than the shutdown
 * deadline; the Dockerfile is multi-stage, runs as a non-root user and starts one node process;
 * .dockerignore keeps secrets and local data out of the image.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, SETTING_NAMES } from '../../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: unknown };
  stop_grace_period?: string;
  init?: boolean;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Service> };
  const { bot, postgres, redis } = compose.services;

  it('has the bot, PostgreSQL and Redis, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'postgres', 'redis']);
    expect(bot?.build).toBe('.');
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(redis?.image).toMatch(/^redis:/);
    for (const service of [bot, postgres, redis]) expect(service?.healthcheck).toBeDefined();
    expect(bot?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('gives the bot settings the configuration accepts, pointing at the other services', () => {
    const env = bot?.environment ?? {};
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    // DATABASE_URL belongs to the PostgreSQL store (issue 16a), checked once it is in the schema.
    const settings: readonly string[] = SETTING_NAMES;
    for (const name of Object.keys(env)) {
      if (name !== 'DATABASE_URL' || settings.includes('DATABASE_URL')) {
        expect(settings).toContain(name);
      }
    }
    const config = loadConfig({ REDIS_URL: env.REDIS_URL, PORT: env.PORT });
    expect(config.store.redisUrl).toBe('redis://redis:6379');
  });

  it('stops with SIGTERM and waits longer than the shutdown deadline', () => {
    const grace = Number.parseInt(bot?.stop_grace_period ?? '0', 10) * 1000;
    expect(grace).toBeGreaterThan(loadConfig({}).ops.shutdownTimeoutMs + 1_000);
    expect(bot?.init).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('is multi-stage, runs as a non-root user, starts one node process', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^FROM node:20-slim AS runtime$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "src\/main\.ts"\]$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it('.dockerignore keeps secrets, local data and node_modules out', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.env', 'data', '*.sqlite', '.git']) {
      expect(ignored).toContain(entry);
    }
  });
});
