/**
 * A scripted "LLM" for end-to-end tests on the LLM path: every stage is graded 3 with a real
 * quote from the candidate, and the interviewer answers briefly (with one grounded fact).
 */
import { type FakeOpenAIServer, type RecordedRequest, reply } from './openai-server.ts';

/** The candidate's words in a scoring request (the first sentence of each answer block). */
function quotesFrom(request: RecordedRequest): string[] {
  const user = String(request.body.messages?.find((m) => m.role === 'user')?.content);
  return [...user.matchAll(/^<candidate_answer>\n([^.?!\n]+)/gm)].map((m) => m[1]!.trim());
}

function criterionIds(request: RecordedRequest): string[] {
  const schema = request.body.response_format?.json_schema?.schema as {
    properties: { criteria: { items: { properties: { id: { enum: string[] } } } } };
  };
  return schema.properties.criteria.items.properties.id.enum;
}

/** A scripted "LLM" that grades every criterion 3 with a real quote, and answers briefly. */
export function scriptGoodLlm(server: FakeOpenAIServer): void {
  server.on({ schema: 'stage_score' }, (request) => {
    const quote = quotesFrom(request)[0] ?? '';
    return reply.json({
      criteria: criterionIds(request).map((id) => ({
        id,
        evidence: [quote],
        reasoning: 'Relevant and reasoned.',
        level: 3,
        feedback: 'Go one level deeper.',
      })),
      missedKeyPoints: [1],
      feedback: 'A solid stage.',
    });
  });
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
