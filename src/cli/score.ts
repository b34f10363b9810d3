/**
 * `score --scenario ID --stage ID [--scorer offline|llm] [--lang en|zh] [--json]`: scores the
 * answer read from stdin against the stage's rubric. `--json` prints one object:
 *   {scenario, stage, scorer, score, level, criteria: [{id, level, evidence[], feedback}],
 *    feedback, missedKeyPoints, notes}
 */
import { parseArgs } from 'node:util';
import { noteText } from '../engine/messages.ts';
import type { Lang, StageScore } from '../engine/types.ts';
import { type Knowledge, stageById } from '../knowledge/knowledge.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { LANGS, STAGE_IDS, type StageId } from '../knowledge/schema.ts';
import { looksChinese } from '../knowledge/signals.ts';
import { type CliCommand, readAll, UsageError } from '../io.ts';
import { type CliScorerKind, createScorerForCli, SCORER_KINDS } from './scorer-factory.ts';

function parse(argv: string[]) {
  let values: {
    scenario?: string;
    stage?: string;
    scorer?: string;
    lang?: string;
    json?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        stage: { type: 'string' },
        scorer: { type: 'string', default: 'offline' },
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`score: ${(error as Error).message}`);
  }
  if (!values.scenario || !values.stage) {
    throw new UsageError(
      'usage: score --scenario ID --stage ID [--scorer offline|llm] [--lang en|zh] [--json] < answer.txt',
    );
  }
  if (!SCORER_KINDS.includes(values.scorer as CliScorerKind)) {
    throw new UsageError(`score: --scorer must be one of ${SCORER_KINDS.join(', ')}`);
  }
  if (values.lang !== undefined && !LANGS.includes(values.lang as Lang)) {
    throw new UsageError(`score: --lang must be one of ${LANGS.join(', ')}`);
  }
  return {
    scenario: values.scenario,
    stage: values.stage,
    scorer: values.scorer as CliScorerKind,
    lang: values.lang as Lang | undefined,
    json: values.json ?? false,
  };
}

/** Checks the ids against the knowledge base; unknown ones are usage errors (exit 2). */
export function resolveTarget(knowledge: Knowledge, scenarioId: string, stageId: string) {
  const scenario = knowledge.scenarios.get(scenarioId);
  if (!scenario) {
    throw new UsageError(
      `unknown scenario "${scenarioId}"; known scenarios: ${[...knowledge.scenarios.keys()].join(', ')}`,
    );
  }
  if (!STAGE_IDS.includes(stageId as StageId)) {
    throw new UsageError(`unknown stage "${stageId}"; stages: ${STAGE_IDS.join(', ')}`);
  }
  return { scenario, stage: stageById(knowledge.framework, stageId as StageId) };
}

function formatScore(
  result: StageScore,
  scenarioId: string,
  stageTitle: string,
  lang: Lang,
): string {
  const lines = [
    `${scenarioId} · ${stageTitle} · scorer: ${result.scorer}`,
    `Score ${result.score.toFixed(2)}/4 (level ${result.level})`,
    result.feedback,
    '',
  ];
  for (const c of result.criteria) {
    lines.push(`  ${c.id}: ${c.level}/4`);
    lines.push(`    ${c.feedback}`);
    for (const quote of c.evidence) lines.push(`    > ${quote}`);
  }
  if (result.missedKeyPoints.length > 0) {
    lines.push('', 'Key points not covered:');
    for (const point of result.missedKeyPoints) lines.push(`  - ${point}`);
  }
  if (result.notes.length > 0) {
    lines.push('', ...result.notes.map((note) => `note: ${noteText(note, lang)}`));
  }
  return `${lines.join('\n')}\n`;
}

export const scoreCommand: CliCommand = async (argv, io) => {
  const options = parse(argv);
  const knowledge = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);
  const { scenario, stage } = resolveTarget(knowledge, options.scenario, options.stage);

  const answer = await readAll(io.stdin);
  if (answer.trim() === '') {
    io.stderr.write('score: no answer on stdin (pipe the answer text in)\n');
    return 2;
  }

  const cli = await createScorerForCli(options.scorer, io.env, { knowledge });
  try {
    const lang: Lang = options.lang ?? (looksChinese(answer) ? 'zh' : 'en');
    const result = await cli.scorer.score({
      framework: knowledge.framework,
      scenario,
      stage,
      lang,
      answer,
      turns: [],
    });
    if (options.json) {
      const out = {
        scenario: scenario.id,
        stage: stage.id,
        scorer: result.scorer,
        score: result.score,
        level: result.level,
        criteria: result.criteria.map(({ id, level, evidence, feedback }) => ({
          id,
          level,
          evidence,
          feedback,
        })),
        feedback: result.feedback,
        missedKeyPoints: result.missedKeyPoints,
        // Worded, in the answer's language: the JSON keeps the plain sentences it always had.
        notes: result.notes.map((note) => noteText(note, lang)),
        ...(result.confidence ? { confidence: result.confidence } : {}),
        ...(result.model ? { model: result.model } : {}),
        ...(result.promptVersion ? { promptVersion: result.promptVersion } : {}),
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      io.stdout.write(formatScore(result, scenario.id, stage.title[lang], lang));
    }
    return 0;
  } finally {
    await cli.close();
  }
};
