/** `scenarios [--json]` and `stages [--json]`: what the knowledge base offers. */
import { parseArgs } from 'node:util';
import { stagePlan } from '../knowledge/knowledge.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { type CliCommand, UsageError } from '../io.ts';

function parseJsonFlag(argv: string[], name: string): { json: boolean; lang: 'en' | 'zh' } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
      },
      strict: true,
    });
    const lang = values.lang === 'zh' ? 'zh' : 'en';
    return { json: values.json ?? false, lang };
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}`);
  }
}

export const scenariosCommand: CliCommand = async (argv, io) => {
  const { json, lang } = parseJsonFlag(argv, 'scenarios');
  const knowledge = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);
  const scenarios = [...knowledge.scenarios.values()];
  if (json) {
    const rows = scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      difficulty: s.difficulty,
      tags: s.tags,
      durationMinutes: s.durationMinutes,
      stages: stagePlan(s),
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...scenarios.map((s) => s.id.length));
  for (const s of scenarios) {
    io.stdout.write(`${s.id.padEnd(width)}  ${s.difficulty.padEnd(6)}  ${s.title[lang]}\n`);
  }
  return 0;
};

export const stagesCommand: CliCommand = async (argv, io) => {
  const { json, lang } = parseJsonFlag(argv, 'stages');
  const { framework } = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);
  if (json) {
    const rows = framework.stages.map((s, index) => ({
      number: index + 1,
      id: s.id,
      title: s.title,
      timeBudgetMinutes: s.timeBudgetMinutes,
      covers: s.covers,
      criteria: s.criteria.map((c) => ({ id: c.id, name: c.name })),
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  framework.stages.forEach((s, index) => {
    const number = String(index + 1).padStart(2);
    io.stdout.write(
      `${number}. ${s.id.padEnd(13)} ${String(s.timeBudgetMinutes).padStart(2)} min  ${s.title[lang]}\n`,
    );
  });
  return 0;
};
