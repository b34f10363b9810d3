/** Where /healthz, /readyz and /metrics are served, per mode. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { OpsEndpoints } from '../../src/ops/http.ts';
import { serveOps } from '../../src/ops/serve.ts';

const endpoints: OpsEndpoints = {
  readiness: () => ({ ready: true, checks: {} }),
  metricsText: async () => ({ contentType: 'text/plain', body: '' }),
};

describe('serveOps', () => {
  it('terminal: nothing unless HEALTH_PORT is set', async () => {
    expect(await serveOps(endpoints, loadConfig({}))).toEqual({
      server: null,
      slackRoutes: undefined,
    });
    const served = await serveOps(endpoints, loadConfig({ HEALTH_PORT: '0' }));
    try {
      const res = await fetch(`http://127.0.0.1:${served.server!.port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await served.server?.close();
    }
  });

  it('Slack HTTP mode: extra routes on Slack’s own server', async () => {
    const served = await serveOps(
      endpoints,
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }),
    );
    expect(served.server).toBeNull();
    expect(served.slackRoutes?.map((r) => r.path)).toEqual(['/healthz', '/readyz', '/metrics']);
  });

  it('Discord (or Slack Socket Mode): a server of their own on PORT', async () => {
    const served = await serveOps(endpoints, loadConfig({ DISCORD_TOKEN: 't', PORT: '0' }));
    try {
      expect(served.slackRoutes).toBeUndefined();
      const res = await fetch(`http://127.0.0.1:${served.server!.port}/readyz`);
      expect(res.status).toBe(200);
    } finally {
      await served.server?.close();
    }
  });

  it('PORT already taken: the bot runs without them, with a warning; HEALTH_PORT taken is an error', async () => {
    const taken = await serveOps(endpoints, loadConfig({ HEALTH_PORT: '0' }));
    const port = String(taken.server!.port);
    try {
      const warnings: string[] = [];
      const logger = {
        info() {},
        error() {},
        warn: (_: object, msg?: string) => warnings.push(msg ?? ''),
      };
      const served = await serveOps(
        endpoints,
        loadConfig({ DISCORD_TOKEN: 't', PORT: port }),
        logger,
      );
      expect(served.server).toBeNull();
      expect(warnings[0]).toMatch(/set HEALTH_PORT/);
      await expect(serveOps(endpoints, loadConfig({ HEALTH_PORT: port }))).rejects.toThrow(
        /cannot listen on port/,
      );
    } finally {
      await taken.server?.close();
    }
  });
});
