/**
 * `audit-interviewer [--json] [--scenario ID]… [--persona ID]…`: simulated candidates play whole
 * interviews on every scenario and the transcripts are checked (src/interviewer/audit). Measures
 * the offline interviewer, or the LLM interviewer when OPENAI_API_KEY / OPENAI_BASE_URL is set.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { CHECKS } from '../interviewer/audit/checks.ts';
import { type AuditReport, runAudit } from '../interviewer/audit/run.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { createLlmServices } from '../app/llm-services.ts';
import { OfflineInterviewer } from '../interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from '../scorer/offline-scorer.ts';
import { type CliCommand, UsageError } from '../io.ts';

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export function formatAudit(report: AuditReport): string {
  const lines = [
    `Interviewer audit (${report.interviewer}): ${report.interviews} interviews`,
    '',
    ...CHECKS.map(
      (c) =>
        `  ${c.padEnd(26)} ${percent(report.rates[c]).padStart(6)}  (${report.failures[c]} of ${report.interviews})`,
    ),
    '',
    `  mistakes challenged when made: ${percent(report.mistakes.rate)} (${report.mistakes.challenged} of ${report.mistakes.made})`,
    `  asked facts answered:          ${report.facts.answered} of ${report.facts.asked}`,
  ];
  const examples = Object.entries(report.examples);
  if (examples.length > 0) {
    lines.push('', 'examples:');
    for (const [check, list] of examples)
      for (const e of list ?? []) lines.push(`  ${check}: ${e}`);
  }
  return `${lines.join('\n')}\n`;
}

export const auditInterviewerCommand: CliCommand = async (argv, io) => {
  let values: { json?: boolean; scenario?: string[]; persona?: string[] };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        scenario: { type: 'string', multiple: true },
        persona: { type: 'string', multiple: true },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`audit-interviewer: ${(error as Error).message}`);
  }
  const config = loadConfig(io.env);
  const knowledge = await loadKnowledge(config.knowledgeDir);
  const offlineInterviewer = new OfflineInterviewer();
  const scorer = new OfflineScorer({ knowledge });
  // The scorer is not what is measured: the offline one keeps LLM calls to the interviewer's.
  const llm = createLlmServices(config, { offlineInterviewer, offlineScorer: scorer });
  try {
    const report = await runAudit({
      knowledge,
      interviewer: llm?.interviewer ?? offlineInterviewer,
      scorer,
      ...(values.scenario ? { scenarios: values.scenario } : {}),
      ...(values.persona ? { personas: values.persona } : {}),
    });
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatAudit(report));
    return 0;
  } finally {
    await llm?.close();
  }
};
