/**
 * A Slack app process for the scale tests, built exactly as `npm start` builds it (createApp +
 * startSlackApp from the configuration in its environment), in HTTP mode on 127.0.0.1.
 *
 *   node --import tsx test/scale/slack-process.ts <namespace>
 *   stdout: {"ready": true, "port": 43123}
 *           {"claim": "<key>", "won": true|false}   each cross-process event claim it makes
 *   stdin:  "idle"  →  stdout {"idle": true} once no event is being processed
 *           "claims off" / "claims on"  →  stdout {"claims": "off" | "on"}: with claims off,
 *           every Slack event claim is won without asking the store (test-only: shows what
 *           the claim prevents)
 * Closing stdin stops it.
 */
import { createInterface } from 'node:readline';
import { startSlackApp } from '../../src/adapters/slack/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

const namespace = process.argv[2];
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel ?? 'error', toStderr: true });
const app = await createApp(config, { logger, namespace });
const send = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

// Report every claim, so the test knows when the losing process has made its decision.
const claimOnce = app.claimOnce;
let claimsOff = false;
app.claimOnce = async (key, ttlMs) => {
  const won = claimsOff && key.startsWith('slack-event:') ? true : await claimOnce(key, ttlMs);
  send({ claim: key, won });
  return won;
};

const slack = await startSlackApp(app, config.slack!, logger, {
  clientOptions: { retryConfig: { retries: 0 } },
  host: '127.0.0.1',
});
send({ ready: true, port: slack.port });

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = line.trim();
  if (command === 'idle') void slack.idle().then(() => send({ idle: true }));
  if (command === 'claims off' || command === 'claims on') {
    claimsOff = command === 'claims off';
    send({ claims: claimsOff ? 'off' : 'on' });
  }
});
lines.on('close', () => {
  void slack
    .stop()
    .then(() => app.close())
    .then(() => process.exit(0));
});
