/**
 * Prompt templates from `prompts/*.md`: YAML front matter with a version id, then sections
 * marked `<!-- section: name -->`, with `{{placeholders}}`. The recorded version is the file's
 * declared version plus a short hash of its text, so a score can be traced to the exact prompt
 * even if someone edits the file and forgets to bump the version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const FrontMatter = z.object({ id: z.string().min(1), version: z.string().min(1) });

export interface PromptTemplate {
  id: string;
  /** e.g. `scorer-v1#3f2a9c1b`. */
  version: string;
  sections: ReadonlyMap<string, string>;
}

export function parsePrompt(text: string, source: string): PromptTemplate {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`${source}: missing front matter (--- id/version ---)`);
  const front = FrontMatter.safeParse(parseYaml(match[1]!));
  if (!front.success) throw new Error(`${source}: front matter needs "id" and "version"`);
  const sections = new Map<string, string>();
  const parts = match[2]!.split(/^<!--\s*section:\s*([a-z-]+)\s*-->\s*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    sections.set(parts[i]!, parts[i + 1]!.trim());
  }
  if (sections.size === 0) throw new Error(`${source}: no <!-- section: name --> markers`);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return { id: front.data.id, version: `${front.data.version}#${hash}`, sections };
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
