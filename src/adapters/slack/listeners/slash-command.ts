/**
 * `/interview ...`: acknowledged at once (Slack wants an answer within 3 seconds), then
 * translated into one engine command or one dialog. Answers only the user sees go back
 * through the command's `response_url` (ephemeral).
 */
import type { App as BoltApp } from '@slack/bolt';
import { msg } from '../../../engine/messages.ts';
import type { Lang } from '../../../engine/types.ts';
import type { InFlight } from '../../kit/in-flight.ts';
import { parseSlashText, type SlashRequest } from '../command-text.ts';
import { currentSessionFor, errorMessage, runInThread, type SlackDeps } from '../interviews.ts';
import { escapeMrkdwn, slackToPlain } from '../mrkdwn.ts';
import { fallbackText, sections } from '../render/blocks.ts';
import type { RenderedMessage } from '../render/scorecard-blocks.ts';
import { startModal } from '../render/start-modal.ts';
import { slackText } from '../text.ts';
import { handlePractice } from './practice.ts';

export const SLASH_COMMAND = '/interview';

import {
  answerPrivately,
  ephemeral,
  type Invocation,
  notifier,
  startFromInvocation,
} from './invocation.ts';

export type { Invocation };

function scenarioList(deps: SlackDeps, lang: Lang): RenderedMessage {
  const lines = deps.app.engine
    .scenarios()
    .map((s) => `• \`${escapeMrkdwn(s.id)}\` — ${escapeMrkdwn(s.title[lang])}`);
  const text = [slackText(lang).scenariosHeading, ...lines].join('\n');
  return { text: fallbackText([text]), blocks: sections(text).slice(0, 50) };
}

async function handle(deps: SlackDeps, request: SlashRequest, call: Invocation): Promise<void> {
  const lang: Lang = ('lang' in request && request.lang) || 'en';
  const notify = notifier(call);
  switch (request.kind) {
    case 'start-dialog':
      // The trigger id is valid for 3 seconds: open the dialog before anything slow.
      await call.client.views.open({
        trigger_id: call.triggerId,
        view: startModal(deps.app.engine.scenarios(), lang, { channel: call.channel }),
      });
      return;
    case 'start':
      await startFromInvocation(deps, call, {
        kind: 'start',
        scenarioId: request.scenarioId,
        mode: request.mode,
        lang: request.lang,
        difficulty: request.difficulty,
      });
      return;
    case 'session': {
      const sessionId = await currentSessionFor(deps, call);
      if (!sessionId) {
        await ephemeral(call.respond, errorMessage({ code: 'no-session' }, lang));
        return;
      }
      const result = await runInThread(deps, call.client, {
        sessionId,
        teamId: call.teamId,
        userId: call.userId,
        command: { kind: request.command },
        onError: async (error, errorLang) => {
          await ephemeral(call.respond, errorMessage(error, errorLang));
        },
      });
      if (result === 'posted') await notify(slackText(lang).postedInThread);
      return;
    }
    case 'history':
      await answerPrivately(deps, call, { command: { kind: 'history' }, lang: request.lang });
      return;
    case 'scenarios':
      await ephemeral(call.respond, scenarioList(deps, lang));
      return;
    case 'forget':
      await answerPrivately(deps, call, {
        command: { kind: 'forget', confirm: request.confirm },
        lang,
      });
      return;
    case 'help': {
      const help = slackText(lang).help;
      const actions = msg(lang).actionHelp;
      const buttons = Object.entries(actions).map(
        ([action, what]) => `*${msg(lang).actions[action as keyof typeof actions]}*: ${what}`,
      );
      const text = [help, '', ...buttons].join('\n');
      await ephemeral(call.respond, { text: fallbackText([text]), blocks: sections(text) });
      return;
    }
    case 'practice':
      await handlePractice(deps, request.request, call);
      return;
    case 'unsupported':
      await ephemeral(call.respond, {
        text: slackText(lang).unsupported(escapeMrkdwn(request.word)),
        blocks: sections(slackText(lang).unsupported(escapeMrkdwn(request.word))),
      });
      return;
  }
}

export function registerSlashCommand(bolt: BoltApp, deps: SlackDeps, work: InFlight): void {
  // Tracked from the first moment (ack included), so `idle()` and `stop()` see it.
  bolt.command(SLASH_COMMAND, ({ command, ack, respond, client }) =>
    work.run(async () => {
      await ack();
      const request = parseSlashText(slackToPlain(command.text));
      await handle(deps, request, {
        teamId: command.team_id,
        userId: command.user_id,
        channel: command.channel_id,
        triggerId: command.trigger_id,
        respond,
        client,
      });
    }),
  );
}
