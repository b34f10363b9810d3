/**
 * Picks the stage scorer for `score` and `eval`. The LLM scorer is loaded only when asked for
 * (`--scorer llm`), so the offline path never loads the openai SDK.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { silentLogger, type StageScorer } from '../engine/ports.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type PriceSource, priceFor } from '../eval/cost.ts';
import { UsageError } from '../io.ts';
import { OfflineScorer } from '../scorer/offline-scorer.ts';
import { withReview } from '../scorer/review-scorer.ts';

export const SCORER_KINDS = ['offline', 'llm'] as const;
export type CliScorerKind = (typeof SCORER_KINDS)[number];

export interface CliScorer {
  scorer: StageScorer;
  /** One line for humans, e.g. "offline rubric scorer (no LLM)". */
  describe: string;
  /** The LLM judge's price per token, when known (for eval's cost per answer). */
  price?: PriceSource | null;
  close(): Promise<void>;
}

/**
 * The scorer a command asked for. A scorer that cannot be used as asked (no LLM configured, a
 * bad environment) is a usage problem: the CLI prints the reason and exits with 2.
 */
export async function createScorerForCli(
  kind: CliScorerKind,
  env: NodeJS.ProcessEnv,
  options: { knowledge?: Pick<Knowledge, 'scenarios'> } = {},
): Promise<CliScorer> {
  const offline = new OfflineScorer({ knowledge: options.knowledge });
  if (kind === 'offline') {
    return {
      scorer: withReview(offline),
      describe: 'offline rubric scorer (no LLM)',
      close: async () => {},
    };
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (!config.llm.judge) {
    throw new UsageError(
      '--scorer llm needs an LLM: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server), or JUDGE_API_KEY / JUDGE_BASE_URL',
    );
  }
  const { createLlmScorer } = await import('../app/llm-services.ts');
  // With REDIS_URL the judge's limits are counted with the bots' (one connection, as an app's).
  const redis = config.store.redisUrl
    ? await (await import('../store/backends/redis.ts')).openRedis(
        config.store.redisUrl,
        silentLogger,
        config.store.timeouts,
      )
    : null;
  const scorer = createLlmScorer(config, { fallback: offline, redis: redis?.redis });
  return {
    scorer: withReview(scorer),
    describe: `LLM judge (${scorer.model}, ${scorer.samples} sample${scorer.samples === 1 ? '' : 's'}, prompt ${scorer.promptVersion}), offline fallback`,
    price: priceFor(scorer.model, config.llm.judgePrice),
    close: async () => {
      await scorer.close();
      await redis?.close();
    },
  };
}
