/**
 * The fonts charts are drawn with, from npm packages (no system font is read, so a PNG is the
 * same on every machine): DejaVu Sans (`dejavu-fonts-ttf`) for Latin text, and for Chinese
 * Noto Sans CJK SC Regular (`@embedpdf/fonts-sc`, OFL; DejaVu has no CJK glyphs).
 *
 * resvg takes fonts as file paths and parses them on every render, and the CJK font is 8 MB
 * (about 17 ms a render). So it is read once, and the glyphs the charts use are cut out of it
 * (subset-font, HarfBuzz's subsetter) into a small font file that the renders load instead;
 * a character not yet in it (a new stage title) makes one new cut, kept from then on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

export const LATIN_FONT_FILE = path.join(
  path.dirname(require.resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSans.ttf',
);
// The package exports only its index (in dist/); the fonts sit beside it.
export const CJK_FONT_FILE = path.join(
  path.dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

/** The SVG `font-family` of chart text: Latin first, CJK for what Latin lacks. */
export const FONT_FAMILY = "'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans Hans', sans-serif";

/** Characters DejaVu Sans has no glyph for: CJK ideographs, kana, hangul, full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/gu;

export class ChartFonts {
  private source: Promise<Buffer> | null = null;
  private readonly covered = new Set<string>();
  private cut: string | null = null;
  private cuts = 0;
  private dir: string | null = null;
  /** One cut at a time, so two charts asking for new glyphs at once make one font each. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly cjkFile = CJK_FONT_FILE) {}

  /** The font files to draw `text` with. */
  files(text: string): Promise<string[]> {
    const run = this.queue.then(() => this.filesNow(text));
    this.queue = run.catch(() => {});
    return run;
  }

  /** How many times the CJK font was cut (for tests: once per new set of characters). */
  get cutCount(): number {
    return this.cuts;
  }

  private async filesNow(text: string): Promise<string[]> {
    const missing = [...new Set(text.match(CJK) ?? [])].filter((c) => !this.covered.has(c));
    if (missing.length > 0) {
      this.source ??= readFile(this.cjkFile);
      const wanted = [...this.covered, ...missing].join('');
      const font = await subsetFont(await this.source, wanted, { targetFormat: 'truetype' });
      // A new file each time: a render that already has the previous path keeps a valid font.
      const file = path.join(this.folder(), `cjk-${++this.cuts}.ttf`);
      await writeFile(file, font);
      for (const c of missing) this.covered.add(c);
      this.cut = file;
    }
    return this.cut ? [LATIN_FONT_FILE, this.cut] : [LATIN_FONT_FILE];
  }

  private folder(): string {
    if (!this.dir) {
      const dir = mkdtempSync(path.join(tmpdir(), 'ml-interviewer-fonts-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      this.dir = dir;
    }
    return this.dir;
  }
}
