/**
 * The image reader port (src/engine/image-reader.ts) on an OpenAI-compatible model that takes
 * images: the image goes as an `image_url` part with a `data:` URL (nothing is fetched by URL),
 * the model answers with the boxes and arrows as JSON (validated with zod, ids checked in code,
 * retried with the problem when malformed), and the graph is written out as a Mermaid flowchart
 * for the same critique as a typed diagram.
 */
import { z } from 'zod';
import { DIAGRAM_LIMITS, type DiagramGraph } from '../diagrams/graph.ts';
import { graphToMermaid } from '../diagrams/to-mermaid.ts';
import type {
  DiagramImageReader,
  DiagramImageReading,
  DiagramImageRequest,
} from '../engine/image-reader.ts';
import type { LlmClient, Refined } from './client.ts';
import { loadPrompt, type PromptTemplate, render } from './prompts.ts';

export const DiagramFromImageSchema = z.object({
  isDiagram: z.boolean(),
  components: z.array(z.object({ id: z.string(), label: z.string() })),
  flows: z.array(
    z.object({ from: z.string(), to: z.string(), label: z.string(), dashed: z.boolean() }),
  ),
});
export type DiagramFromImage = z.infer<typeof DiagramFromImageSchema>;

/** What the reply means once checked: a graph, or no diagram in the image. */
type Checked = { kind: 'graph'; graph: DiagramGraph } | { kind: 'none' };

/** The reply's boxes and arrows as a graph, or what is wrong with them (sent back to the model). */
export function checkReading(value: DiagramFromImage): Refined<Checked> {
  if (!value.isDiagram) return { ok: true, value: { kind: 'none' } };
  const components = value.components.filter((c) => c.label.trim() !== '');
  if (components.length === 0)
    return { ok: false, problem: 'isDiagram is true but no component has a label' };
  if (components.length > DIAGRAM_LIMITS.nodes || value.flows.length > DIAGRAM_LIMITS.edges)
    return {
      ok: false,
      problem: `more than ${DIAGRAM_LIMITS.nodes} components or ${DIAGRAM_LIMITS.edges} flows`,
    };
  const ids = new Set<string>();
  for (const c of components) {
    if (ids.has(c.id)) return { ok: false, problem: `component id "${c.id}" is used twice` };
    ids.add(c.id);
  }
  const unknown = value.flows.find((f) => !ids.has(f.from) || !ids.has(f.to));
  if (unknown)
    return {
      ok: false,
      problem: `flow ${unknown.from} -> ${unknown.to} names a component id that is not in components`,
    };
  return {
    ok: true,
    value: {
      kind: 'graph',
      graph: {
        source: 'mermaid',
        nodes: components.map((c) => ({ id: c.id, label: c.label.trim() })),
        edges: value.flows.map((f) => ({
          from: f.from,
          to: f.to,
          ...(f.label.trim() ? { label: f.label.trim() } : {}),
          ...(f.dashed ? { dotted: true } : {}),
        })),
      },
    },
  };
}

export function dataUrl(mime: string, data: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}`;
}

export class LlmDiagramImageReader implements DiagramImageReader {
  private template: PromptTemplate | null = null;

  constructor(private readonly client: LlmClient) {}

  async read(request: DiagramImageRequest): Promise<DiagramImageReading> {
    this.template ??= loadPrompt('diagram-image');
    const { image, scenario, lang } = request;
    const result = await this.client.structured({
      purpose: 'diagram-image',
      schemaName: 'diagram_from_image',
      schema: DiagramFromImageSchema,
      temperature: 0,
      maxCompletionTokens: 2_000,
      messages: [
        {
          role: 'system',
          content: render(this.template, 'instructions', { scenario: scenario.title[lang] }),
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: render(this.template, 'task', { name: image.name }) },
            { type: 'image_url', image_url: { url: dataUrl(image.mime, image.data) } },
          ],
        },
      ],
      refine: checkReading,
    });
    if (!result.ok) {
      // Tokens are counted only for replies that came back: then the replies were malformed
      // (not JSON, off the schema, ids that do not match); otherwise the model never answered.
      const answered = result.usage.promptTokens > 0 || result.usage.completionTokens > 0;
      return { ok: false, reason: answered ? 'unreadable' : 'unavailable', usage: result.usage };
    }
    if (result.value.kind === 'none')
      return { ok: false, reason: 'not-a-diagram', usage: result.usage };
    const { graph } = result.value;
    return {
      ok: true,
      mermaid: graphToMermaid(graph),
      boxes: graph.nodes.length,
      arrows: graph.edges.length,
      usage: result.usage,
    };
  }
}
