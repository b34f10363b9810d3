/**
 * Discord's limits on a message body, checked the way the real API does (it answers 400
 * "Invalid Form Body"), so a renderer that overflows fails loudly in the end-to-end tests.
 */

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

interface ComponentLike {
  type?: number;
  components?: { type?: number; custom_id?: string; label?: string }[];
}

export interface MessageBodyLike {
  content?: string;
  embeds?: EmbedLike[];
  components?: ComponentLike[];
}

const len = (s: string | undefined) => (s ? [...s].length : 0);

/** The problems with `body`, as Discord would name them; empty when the body is valid. */
export function messageBodyProblems(body: MessageBodyLike): string[] {
  const problems: string[] = [];
  if (len(body.content) > 2000) problems.push(`content: ${len(body.content)} > 2000 characters`);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (what: string, value: string | undefined, max: number) => {
      if (len(value) > max) problems.push(`embeds[${i}].${what}: ${len(value)} > ${max}`);
      total += len(value);
    };
    check('title', embed.title, 256);
    check('description', embed.description, 4096);
    check('footer.text', embed.footer?.text, 2048);
    check('author.name', embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}].fields: ${fields.length} > 25`);
    fields.forEach((field, j) => {
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
      if (len(field.name) === 0 || len(field.value) === 0)
        problems.push(`embeds[${i}].fields[${j}]: name and value are required`);
    });
  });
  if (total > 6000) problems.push(`embeds: ${total} > 6000 characters in total`);
  const rows = body.components ?? [];
  if (rows.length > 5) problems.push(`components: ${rows.length} > 5 rows`);
  rows.forEach((row, i) => {
    const items = row.components ?? [];
    if (items.length > 5) problems.push(`components[${i}]: ${items.length} > 5 items`);
    items.forEach((item, j) => {
      if (len(item.custom_id) > 100) problems.push(`components[${i}][${j}].custom_id > 100`);
      if (len(item.label) > 80) problems.push(`components[${i}][${j}].label > 80`);
    });
  });
  return problems;
}
