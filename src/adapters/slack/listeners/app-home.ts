/**
 * App Home: publishing the Home tab when the user opens it (past interviews, per-stage scores
 * and trend, from the engine's `history`), and its start button, which opens the start dialog.
 */
import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import type { InFlight } from '../../kit/in-flight.ts';
import { actorFor } from '../ids.ts';
import type { SlackDeps } from '../interviews.ts';
import { HOME_START_ACTION_ID, homeView } from '../render/home-view.ts';
import { startModal } from '../render/start-modal.ts';

export function registerAppHome(bolt: BoltApp, deps: SlackDeps, work: InFlight): void {
  bolt.event('app_home_opened', async ({ event, body, context, client }) => {
    // The Messages tab fires this event too; only the Home tab has a view to publish.
    if (event.tab !== 'home') return;
    const teamId = body.team_id ?? context.teamId;
    if (!teamId) return;
    await work.run(async () => {
      const outcome = await deps.app.engine.execute({
        actor: actorFor(teamId, event.user),
        command: { kind: 'history', charts: false },
      });
      if (!outcome.ok) return;
      const history = outcome.replies.find((r) => r.kind === 'history');
      if (history?.kind !== 'history') return;
      await client.views.publish({
        user_id: event.user,
        view: homeView(history.history, outcome.lang),
      });
    });
  });

  bolt.action<BlockAction<ButtonAction>>(HOME_START_ACTION_ID, ({ ack, body, action, client }) =>
    work.run(async () => {
      await ack();
      const lang = action.value === 'zh' ? 'zh' : 'en';
      // The trigger id is valid for 3 seconds: open the dialog straight away.
      await client.views.open({
        trigger_id: body.trigger_id,
        view: startModal(deps.app.engine.scenarios(), lang, { channel: null }),
      });
    }),
  );
}
