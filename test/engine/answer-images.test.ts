/**
 * Images sent with an answer, in the engine: checked by their bytes, read through the image
 * reader port into a Mermaid block that the interviewer critiques like a typed diagram; refused
 * with a clear reason (size, type, count); without a reader the candidate is told to paste the
 * diagram as text, and the text of the message is still taken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  DiagramImageReader,
  DiagramImageReading,
  DiagramImageRequest,
} from '../../src/engine/image-reader.ts';
import type { Attachment } from '../../src/engine/types.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { checkReading } from '../../src/llm/image-diagram-reader.ts';
import { graphToMermaid } from '../../src/diagrams/to-mermaid.ts';
import {
  SKEWED_DESIGN,
  attachment,
  diagramPng,
  jpegBytes,
  oversizedPng,
  pdfBytes,
  tiffBytes,
} from '../fixtures/images.ts';
import { harness, texts } from './fakes.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

const USAGE = { requests: 1, promptTokens: 900, completionTokens: 120, cachedTokens: 0 };

/** A reader port that answers as a model would, and records what it was given. */
class RecordingReader implements DiagramImageReader {
  readonly requests: DiagramImageRequest[] = [];
  constructor(private readonly answer: DiagramImageReading) {}
  async read(request: DiagramImageRequest): Promise<DiagramImageReading> {
    this.requests.push(request);
    return this.answer;
  }
}

function skewedReading(): DiagramImageReading {
  const checked = checkReading(SKEWED_DESIGN);
  if (!checked.ok || checked.value.kind !== 'graph') throw new Error('fixture does not check');
  return {
    ok: true,
    mermaid: graphToMermaid(checked.value.graph),
    boxes: 5,
    arrows: 5,
    usage: USAGE,
  };
}

async function started(reader: DiagramImageReader | null) {
  const h = await harness({ knowledge, imageReader: reader });
  await h.ok({ kind: 'start', scenarioId: 'youtube-recommendation' });
  return h;
}

const answer = (text: string, attachments: Attachment[]) =>
  ({ kind: 'answer', text, attachments }) as const;

describe('images sent with an answer', () => {
  it('a diagram read from an image is critiqued like a typed one and kept in the transcript', async () => {
    const reader = new RecordingReader(skewedReading());
    const h = await started(reader);
    const said = texts(
      await h.ok(answer('Here is my design.', [attachment('board.png', diagramPng())])),
    );
    expect(reader.requests).toHaveLength(1);
    expect(reader.requests[0]!.image).toMatchObject({ name: 'board.png', mime: 'image/png' });
    expect(Buffer.from(reader.requests[0]!.image.data).equals(Buffer.from(diagramPng()))).toBe(
      true,
    );
    expect(said.join('\n')).toContain('From "board.png" I read this diagram');
    // The interviewer's question comes from the critique: features computed twice.
    expect(said.join('\n')).toMatch(/training gets its features from "Spark feature job"/);
    const session = await h.session();
    const stored = session.turns.findLast((t) => t.role === 'candidate')!.text;
    expect(stored).toContain('Here is my design.');
    expect(stored).toContain('%% from image: board.png');
    expect(session.usage.promptTokens).toBeGreaterThanOrEqual(USAGE.promptTokens);
  });

  it('the type is decided by the bytes: a PDF named .png is refused, a JPEG named .png is read', async () => {
    const reader = new RecordingReader(skewedReading());
    const h = await started(reader);
    const said = texts(
      await h.ok(
        answer('My design.', [
          attachment('fake.png', pdfBytes()),
          attachment('photo.png', jpegBytes()),
          attachment('scan.tiff', tiffBytes(), 'image/tiff'),
        ]),
      ),
    ).join('\n');
    expect(said).toContain('"fake.png" is not an image (it is application/pdf)');
    expect(said).toContain('"scan.tiff" is an image of a type I do not read (image/tiff)');
    expect(reader.requests.map((r) => [r.image.name, r.image.mime])).toEqual([
      ['photo.png', 'image/jpeg'],
    ]);
  });

  it('too big or too many: a clear message, the rest of the answer taken', async () => {
    const reader = new RecordingReader(skewedReading());
    const h = await started(reader);
    const four = [1, 2, 3, 4].map((i) => attachment(`d${i}.png`, diagramPng()));
    const said = texts(
      await h.ok(answer('Two views of it.', [attachment('huge.png', oversizedPng()), ...four])),
    ).join('\n');
    expect(said).toContain('"huge.png" is larger than 4 MB');
    expect(said).toContain('I read up to 3 images per message; "d4.png" was left out');
    expect(reader.requests).toHaveLength(3);
    const stored = (await h.session()).turns.findLast((t) => t.role === 'candidate')!.text;
    expect(stored.startsWith('Two views of it.')).toBe(true);
  });

  it('without a reader: told plainly, invited to paste text; the text is taken', async () => {
    const h = await started(null);
    const said = texts(
      await h.ok(answer('Logs feed a feature store.', [attachment('board.png', diagramPng())])),
    );
    expect(said[0]).toContain('I cannot read images in this setup');
    expect(said[0]).toContain('Mermaid');
    expect(said[0]).toContain('logs -> feature store -> ranker');
    expect(said[0]).toContain('The text of your message was taken as your answer.');
    const stored = (await h.session()).turns.findLast((t) => t.role === 'candidate')!.text;
    expect(stored).toBe('Logs feed a feature store.');
  });

  it('an image alone that cannot be read saves nothing and says why (in Chinese too)', async () => {
    const h = await harness({ knowledge, imageReader: null });
    await h.ok({ kind: 'start', scenarioId: 'youtube-recommendation', lang: 'zh' });
    const before = (await h.session()).turns.length;
    const said = texts(await h.ok(answer('', [attachment('图.png', diagramPng())])));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('当前配置读不了图片');
    expect((await h.session()).turns).toHaveLength(before);
  });

  it('a malformed reading is said so; the text is taken and nothing is lost', async () => {
    const reader = new RecordingReader({ ok: false, reason: 'unreadable', usage: USAGE });
    const h = await started(reader);
    const said = texts(
      await h.ok(answer('See the picture.', [attachment('board.png', diagramPng())])),
    );
    expect(said[0]).toContain("the model's reading of it was malformed");
    expect(said[0]).toContain('The text of your message was taken as your answer.');
    expect((await h.session()).turns.findLast((t) => t.role === 'candidate')!.text).toBe(
      'See the picture.',
    );
  });

  it('a reader that throws loses the image, not the answer', async () => {
    const reader: DiagramImageReader = {
      read: async () => {
        throw new Error('prompt file missing');
      },
    };
    const h = await started(reader);
    const said = texts(
      await h.ok(answer('Logs feed the ranker.', [attachment('board.png', diagramPng())])),
    );
    expect(said[0]).toContain('the model that reads images did not answer');
    expect((await h.session()).turns.findLast((t) => t.role === 'candidate')!.text).toBe(
      'Logs feed the ranker.',
    );
  });

  it('an image that is not a diagram is said so', async () => {
    const reader = new RecordingReader({ ok: false, reason: 'not-a-diagram', usage: USAGE });
    const h = await started(reader);
    const said = texts(await h.ok(answer('', [attachment('cat.png', diagramPng())])));
    expect(said.join('\n')).toContain('I could not see a diagram of boxes and arrows in "cat.png"');
  });
});
