/** The offline scorer moved to src/scorer/ (its role's folder); this path stays for importers. */
export { levelOf, OfflineScorer, type OfflineScorerOptions } from '../../scorer/offline-scorer.ts';
