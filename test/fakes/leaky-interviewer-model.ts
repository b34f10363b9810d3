/**
 * A badly behaved interviewer model for the local OpenAI stand-in: it answers every respond
 * request by stating scenario facts nobody asked for, probes by naming the expected answer, and
 * asks the same follow-up every time. The LLM interviewer's guards must keep all of it away from
 * the candidate (retrying, then falling back to the offline interviewer).
 */
import type { Scenario } from '../../src/knowledge/schema.ts';
import { type FakeOpenAIServer, type RecordedRequest, reply } from './openai-server.ts';

function scenarioOf(
  request: RecordedRequest,
  scenarios: readonly Scenario[],
): Scenario | undefined {
  return scenarios.find(
    (s) =>
      request.text.includes(`Scenario: ${s.title.en}.`) ||
      request.text.includes(`Scenario: ${s.title.zh}.`),
  );
}

export function scriptLeakyInterviewer(
  server: FakeOpenAIServer,
  scenarios: readonly Scenario[],
): void {
  server.on({ schema: 'interviewer_respond' }, (request) => {
    const scenario = scenarioOf(request, scenarios);
    const facts = scenario?.facts.slice(-2) ?? [];
    return reply.json({
      move: 'clarify',
      message: `Sure. ${facts.map((f) => f.answer.en).join(' ')} Have you thought about a two-tower model with recall@k?`,
      revealedFacts: facts.map((f) => f.id),
    });
  });
  server.on({ schema: 'interviewer_followup' }, (request) => {
    const schema = request.body.response_format?.json_schema?.schema as {
      properties?: { followupKey?: { enum?: string[] } };
    };
    return reply.json({
      move: 'followup',
      message: 'Would a parameter server with training-serving skew checks help here?',
      revealedFacts: [],
      followupKey: schema.properties?.followupKey?.enum?.[0] ?? 'x',
    });
  });
  server.on(
    { schema: 'interviewer_hint' },
    reply.json({ move: 'hint', message: 'Think about the goal.', revealedFacts: [] }),
  );
}
