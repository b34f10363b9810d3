/**
 * Picks the stage scorer for `score` and `eval`. The LLM scorer is loaded only when asked for
 * (`--scorer llm`), so the offline path never loads the openai SDK.
 */
import { ConfigError, loadConfig } from '../config.ts';
import type { StageScorer } from '../engine/ports.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { OfflineScorer } from '../llm/offline/scorer.ts';

export const SCORER_KINDS = ['offline', 'llm'] as const;
export type CliScorerKind = (typeof SCORER_KINDS)[number];

/** The scorer cannot be used as asked (no LLM configured, bad environment, missing module). */
export class ScorerUnavailableError extends Error {
  override name = 'ScorerUnavailableError';
}

export interface CliScorer {
  scorer: StageScorer;
  /** One line for humans, e.g. "offline rubric scorer (no LLM)". */
  describe: string;
  close(): Promise<void>;
}

interface LlmModule {
  createLlmScorer?: (
    config: ReturnType<typeof loadConfig>,
    options: { fallback: StageScorer },
  ) => StageScorer & { model?: string; promptVersion?: string; close?: () => Promise<void> };
}

export async function createScorerForCli(
  kind: CliScorerKind,
  env: NodeJS.ProcessEnv,
  options: { knowledge?: Pick<Knowledge, 'scenarios'> } = {},
): Promise<CliScorer> {
  const offline = new OfflineScorer({ knowledge: options.knowledge });
  if (kind === 'offline') {
    return { scorer: offline, describe: 'offline rubric scorer (no LLM)', close: async () => {} };
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new ScorerUnavailableError(error.message);
    throw error;
  }
  if (!config.llm.endpoint) {
    throw new ScorerUnavailableError(
      '--scorer llm needs an LLM: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)',
    );
  }
  let module: LlmModule;
  try {
    module = (await import('../llm/index.ts')) as LlmModule;
  } catch (error) {
    throw new ScorerUnavailableError(
      `the LLM scorer could not be loaded (src/llm/index.ts): ${(error as Error).message}`,
    );
  }
  if (typeof module.createLlmScorer !== 'function') {
    throw new ScorerUnavailableError(
      'the LLM scorer is not available: src/llm/index.ts does not export createLlmScorer',
    );
  }
  const scorer = module.createLlmScorer(config, { fallback: offline });
  const model = scorer.model ?? config.llm.endpoint.model;
  return {
    scorer,
    describe: `LLM rubric scorer (${model}${scorer.promptVersion ? `, prompt ${scorer.promptVersion}` : ''}), offline fallback`,
    close: async () => {
      await scorer.close?.();
    },
  };
}
