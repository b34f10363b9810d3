/**
 * A scripted "LLM" for end-to-end tests on the LLM path: every criterion of every stage comes
 * out at level 3 (its checks up to level 3 met with a real quote from the candidate), and the interviewer answers briefly (with one grounded fact).
 */
import { type FakeOpenAIServer, type RecordedRequest, reply } from './openai-server.ts';

/** The candidate's words in a scoring request (the first sentence of each answer block). */
function quotesFrom(request: RecordedRequest): string[] {
  const user = String(request.body.messages?.find((m) => m.role === 'user')?.content);
  return [...user.matchAll(/^<candidate_answer>\n([^.?!\n]+)/gm)].map((m) => m[1]!.trim());
}

/** The enum of a property of the array items named `list` in the request's JSON schema. */
function idsIn(request: RecordedRequest, list: 'checks' | 'criteria'): string[] {
  const schema = request.body.response_format?.json_schema?.schema as {
    properties: Record<string, { items: { properties: { id: { enum: string[] } } } }>;
  };
  return schema.properties[list]!.items.properties.id.enum;
}

/**
 * A scripted judge: in each scoring request, the checks up to the level `levelFor` gives are met
 * with a real quote from the candidate (the first sentence of their answer), the rest answered
 * no; so every criterion is computed at that level (or 1 without a quote). `usage` is reported
 * as given, when given.
 */
export function scriptJudge(
  server: FakeOpenAIServer,
  levelFor: (request: RecordedRequest, index: number) => number,
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number },
): void {
  let index = 0;
  server.on({ schema: 'stage_score' }, (request) => {
    const quote = quotesFrom(request)[0] ?? '';
    const target = levelFor(request, index++);
    const system = String(request.body.messages?.find((m) => m.role === 'system')?.content);
    const levelOf = (id: string) =>
      Number(system.match(new RegExp(`\`${id.replace('.', '\\.')}\` \\(level (\\d)\\)`))?.[1]);
    return reply.json(
      {
        checks: idsIn(request, 'checks').map((id) => {
          const met = levelOf(id) <= target;
          return { id, quote: met ? quote : '', answer: met ? 'yes' : 'no' };
        }),
        criteria: idsIn(request, 'criteria').map((id) => ({
          id,
          feedback: 'Go one level deeper.',
        })),
        missedKeyPoints: [1],
        feedback: 'A solid stage.',
      },
      usage,
    );
  });
}

/** A scripted "LLM" that grades every criterion 3 with a real quote, and answers briefly. */
export function scriptGoodLlm(server: FakeOpenAIServer): void {
  scriptJudge(server, () => 3);
  server.on(
    { schema: 'interviewer_respond', contains: 'How many' },
    reply.json({
      move: 'clarify',
      message: 'About 10 million daily active users.',
      revealedFacts: ['daily-users'],
    }),
  );
  server.on(
    { schema: 'interviewer_respond' },
    reply.json({ move: 'acknowledge', message: 'Noted. Keep going.', revealedFacts: [] }),
  );
  server.on(
    { schema: 'interviewer_hint' },
    reply.json({
      move: 'hint',
      message: 'Think about what the business wants.',
      revealedFacts: [],
    }),
  );
  server.on({ schema: 'interviewer_followup' }, (request) => {
    const schema = request.body.response_format?.json_schema?.schema as {
      properties: { followupKey: { enum: string[] } };
    };
    return reply.json({
      move: 'followup',
      message: 'Who exactly are we serving here?',
      revealedFacts: [],
      followupKey: schema.properties.followupKey.enum[0],
    });
  });
}
