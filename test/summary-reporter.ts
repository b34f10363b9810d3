/**
 * Adds two plain lines after vitest's own summary: the counts as "N passed, N failed, N skipped"
 * (read by CI tooling), and why tests were skipped when Redis is not configured.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    if (!process.env.REDIS_URL) {
      process.stdout.write(
        '\nRedis tests skipped: REDIS_URL is not set (start Redis and run `REDIS_URL=redis://127.0.0.1:6379 npm test`; .ci/run does).\n',
      );
    }
    if (!process.env.DATABASE_URL) {
      process.stdout.write(
        '\nPostgreSQL tests skipped: DATABASE_URL is not set (e.g. `DATABASE_URL=postgres://root@127.0.0.1:5432/test npm test`; .ci/run sets it when PostgreSQL answers).\n',
      );
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
