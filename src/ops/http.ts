/**
 * The operations endpoints: `/healthz` (the process is alive), `/readyz` (it can take turns:
 * not shutting down, store answering, LLM not switched off) and `/metrics` (Prometheus). One
 * request handler, served by its own small server (`startOpsServer`) or mounted on Bolt's HTTP
 * server in Slack HTTP mode (its `customRoutes`), so every mode can expose them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

export interface OpsEndpoints {
  readiness(): Readiness;
  metricsText(): Promise<{ contentType: string; body: string }>;
}

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

export async function handleOpsRequest(
  endpoints: OpsEndpoints,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === '/healthz') {
    json(res, 200, { status: 'ok' });
    return;
  }
  if (path === '/readyz') {
    const readiness = endpoints.readiness();
    json(res, readiness.ready ? 200 : 503, {
      status: readiness.ready ? 'ready' : 'not ready',
      checks: readiness.checks,
    });
    return;
  }
  if (path === '/metrics') {
    try {
      const { contentType, body } = await endpoints.metricsText();
      res.writeHead(200, { 'content-type': contentType }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
    return;
  }
  json(res, 404, { error: 'not found', paths: OPS_PATHS });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Listen on `port` (0: any free port); `close()` also drops idle keep-alive connections. */
export async function startOpsServer(
  endpoints: OpsEndpoints,
  port: number,
  host?: string,
): Promise<OpsServer> {
  const server: Server = createServer((req, res) => void handleOpsRequest(endpoints, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The endpoints as extra routes of another HTTP server (Bolt's `customRoutes` shape). */
export function opsRoutes(endpoints: OpsEndpoints) {
  return OPS_PATHS.map((path) => ({
    path,
    method: ['GET', 'HEAD'],
    handler: (req: IncomingMessage, res: ServerResponse) =>
      void handleOpsRequest(endpoints, req, res),
  }));
}
