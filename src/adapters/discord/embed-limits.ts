/**
 * Discord's embed limits, and the two operations that keep us within them: `fitEmbed` trims one
 * embed (ellipsis where text was cut), `packEmbeds` groups embeds into messages (at most 10
 * embeds and 6,000 characters of embed text per message). Pure and unit-tested.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Characters of all the text of all embeds in one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

const ELLIPSIS = '…';

/** `text` cut to `max` characters, ending in an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never split a surrogate pair
  return `${text.slice(0, Math.max(0, cut)).trimEnd()}${ELLIPSIS}`;
}

/** The characters of `embed` that count towards Discord's 6,000 limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** `embed` within every per-embed limit, including 6,000 characters in all. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, EMBED_LIMITS.title);
  if (fitted.description !== undefined)
    fitted.description = truncate(fitted.description, EMBED_LIMITS.description);
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, EMBED_LIMITS.footer) };
  if (fitted.author)
    fitted.author = { ...fitted.author, name: truncate(fitted.author.name, EMBED_LIMITS.author) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, EMBED_LIMITS.fields).map(
      (f): APIEmbedField => ({
        ...f,
        name: truncate(f.name || '\u200b', EMBED_LIMITS.fieldName),
        value: truncate(f.value || '\u200b', EMBED_LIMITS.fieldValue),
      }),
    );
  }
  // Over 6,000 in all: give up text where it matters least first: field values from the last
  // one up, then the description, the footer, field names, and the title last.
  const fields = fitted.fields ?? [];
  const slots: { get: () => string; set: (text: string) => void }[] = [
    ...fields
      .map((_, i) => ({
        get: () => fields[i]!.value,
        set: (value: string) => {
          fields[i] = { ...fields[i]!, value };
        },
      }))
      .reverse(),
    {
      get: () => fitted.description ?? '',
      set: (text) => {
        fitted.description = text;
      },
    },
    {
      get: () => fitted.footer?.text ?? '',
      set: (text) => {
        if (fitted.footer) fitted.footer = { ...fitted.footer, text };
      },
    },
    ...fields
      .map((_, i) => ({
        get: () => fields[i]!.name,
        set: (name: string) => {
          fields[i] = { ...fields[i]!, name };
        },
      }))
      .reverse(),
    {
      get: () => fitted.title ?? '',
      set: (text) => {
        fitted.title = text;
      },
    },
  ];
  for (const slot of slots) {
    const over = embedLength(fitted) - EMBED_LIMITS.total;
    if (over <= 0) break;
    const text = slot.get();
    if (text.length > 1) slot.set(truncate(text, Math.max(1, text.length - over)));
  }
  return fitted;
}

/** Embeds grouped into messages: each group within 10 embeds and 6,000 characters. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let length = 0;
  for (const embed of embeds.map(fitEmbed)) {
    const size = embedLength(embed);
    if (
      current.length > 0 &&
      (current.length >= EMBED_LIMITS.embedsPerMessage || length + size > EMBED_LIMITS.total)
    ) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
