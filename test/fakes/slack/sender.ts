/**
 * Sends requests to a Bolt app's HTTP endpoint exactly as Slack does: signed with the signing
 * secret, with `X-Slack-Retry-Num` on redeliveries.
 */
import { type SlackRequest, signature } from './payloads.ts';

export interface SendOptions {
  /** Redelivery number (`X-Slack-Retry-Num`), as Slack sends on a retry. */
  retryNum?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  /** Seconds since the epoch for the signature (default: now). */
  timestamp?: number;
}

export class SignedSender {
  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
  ) {}

  async send(
    request: SlackRequest,
    options: SendOptions = {},
  ): Promise<{ status: number; body: string }> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? this.signingSecret, timestamp, request.body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const response = await fetch(this.url, { method: 'POST', headers, body: request.body });
    return { status: response.status, body: await response.text() };
  }
}
