import type { Lang } from '../../engine/types.ts';
import type { Scenario } from '../../engine/types.ts';
import type { LineReader } from './lines.ts';
import { terminalText } from './text.ts';

/** Asks for a scenario by number or id until one matches; null at end of input. */
export async function pickScenario(
  scenarios: Scenario[],
  lines: LineReader,
  write: (text: string) => void,
  lang: Lang,
): Promise<Scenario | null> {
  const t = terminalText(lang);
  write(`${t.pickScenario}\n`);
  scenarios.forEach((s, index) => {
    write(`  ${String(index + 1).padStart(2)}. ${s.title[lang]}  [${s.id}, ${s.difficulty}]\n`);
  });
  for (;;) {
    const line = await lines.next('> ');
    if (line === null) return null;
    const choice = line.trim();
    const byNumber = /^\d+$/.test(choice) ? scenarios[Number(choice) - 1] : undefined;
    const found = byNumber ?? scenarios.find((s) => s.id === choice);
    if (found) return found;
    write(`${t.badPick}\n`);
  }
}
