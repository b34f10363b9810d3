/**
 * Prompt templates from `prompts/*.md`: a first line `<!-- prompt: id | version: v -->`, then
 * sections marked `<!-- section: name -->`, with `{{placeholders}}`. (HTML comments rather than
 * YAML front matter, because the repository's formatter rewrites front matter as Markdown.) The recorded version is the file's
 * declared version plus a short hash of its text, so a score can be traced to the exact prompt
 * even if someone edits the file and forgets to bump the version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface PromptTemplate {
  id: string;
  /** e.g. `scorer-v1#3f2a9c1b`. */
  version: string;
  sections: ReadonlyMap<string, string>;
}

export function parsePrompt(text: string, source: string): PromptTemplate {
  const header = /^<!--\s*prompt:\s*([\w-]+)\s*\|\s*version:\s*([\w.-]+)\s*-->/.exec(text);
  if (!header) {
    throw new Error(`${source}: must start with <!-- prompt: <id> | version: <version> -->`);
  }
  const sections = new Map<string, string>();
  const parts = text.replace(/\r\n/g, '\n').split(/^<!--\s*section:\s*([a-z-]+)\s*-->\s*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    sections.set(parts[i]!, parts[i + 1]!.trim());
  }
  if (sections.size === 0) throw new Error(`${source}: no <!-- section: name --> markers`);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return { id: header[1]!, version: `${header[2]}#${hash}`, sections };
}

export function loadPrompt(name: string, dir = DEFAULT_PROMPTS_DIR): PromptTemplate {
  const path = `${dir.replace(/\/$/, '')}/${name}.md`;
  return parsePrompt(readFileSync(path, 'utf8'), path);
}

/** Fill `{{name}}` placeholders; a missing value is a programming error. */
export function render(
  template: PromptTemplate,
  section: string,
  values: Record<string, string> = {},
): string {
  const text = template.sections.get(section);
  if (text === undefined) throw new Error(`prompt ${template.id} has no section "${section}"`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined)
      throw new Error(`prompt ${template.id}/${section}: no value for {{${key}}}`);
    return value;
  });
}

export const LANGUAGE_NAMES = { en: 'English', zh: 'Simplified Chinese (简体中文)' } as const;
