/**
 * A bot process for the scale tests. It builds the app exactly as `npm start` does — `createApp`
 * with the configuration read from its environment (REDIS_URL or DATABASE_PATH, OPENAI_BASE_URL,
 * …) — and then plays the part of a platform adapter: engine requests arrive as JSON lines on
 * stdin and each starts at once (concurrently, as a bot handles events); outcomes go out as JSON
 * lines on stdout.
 *
 *   node --import tsx test/scale/driver.ts <namespace>
 *   stdout: {"ready": true, "pid": 123, "store": "redis …"}
 *   stdin:  {"id": 1, "request": <EngineRequest>}    stdout: {"id": 1, "outcome": <Outcome>}
 */
import { createInterface } from 'node:readline';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { EngineRequest } from '../../src/engine/types.ts';
import { createLogger } from '../../src/logger.ts';

const namespace = process.argv[2];
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel ?? 'warn', toStderr: true });
const app = await createApp(config, { logger, namespace });

const send = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
send({ ready: true, pid: process.pid, store: app.describe.store });

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const { id, request } = JSON.parse(line) as { id: number; request: EngineRequest };
  app.engine.execute(request).then(
    (outcome) => send({ id, outcome }),
    (error: unknown) => send({ id, error: String(error) }),
  );
});
lines.on('close', () => {
  void app.close();
});
