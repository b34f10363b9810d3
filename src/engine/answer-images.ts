/**
 * Images sent with an answer: checked (type by their bytes, size, count), then read by the
 * image reader when there is one. A diagram read from an image joins the answer as a Mermaid
 * block (`%% from image: NAME` on its first line), so the interviewer's critique, the scorer and
 * the scorecard treat it exactly like a diagram typed as text, and the transcript keeps what was
 * read. Every image that is not read is said so, with the reason and what to send instead; the
 * message's text is taken either way.
 */
import { type CheckedImage, checkAttachments } from './attachments.ts';
import { imageText } from './image-messages.ts';
import type { DiagramImageReading } from './image-reader.ts';
import type { SessionTurn } from './session-turn.ts';
import type { Attachment, Command } from './types.ts';
import { emptyUsage } from './usage.ts';

interface ImageResult {
  image: CheckedImage;
  reading: DiagramImageReading;
}

/**
 * Readings by command, so a retry after a version conflict does not pay for (or count) the
 * same LLM calls twice: the command object is the same across attempts.
 */
const readings = new WeakMap<Command, Promise<ImageResult[]>>();

function mermaidBlock(name: string, mermaid: string): string {
  return `\`\`\`mermaid\n%% from image: ${name}\n${mermaid}\n\`\`\``;
}

/**
 * The Mermaid blocks read from the command's images (to append to the answer), after adding a
 * note to the turn for each image: what was read, or why it was not.
 */
export async function readAnswerImages(
  turn: SessionTurn,
  command: Command,
  attachments: readonly Attachment[],
  textTaken: boolean,
): Promise<string[]> {
  if (attachments.length === 0) return [];
  const t = imageText(turn.lang);
  const { images, refused } = await checkAttachments(attachments);
  for (const file of refused) turn.note(t.refused(file), 'warning');
  if (images.length === 0) return [];

  const reader = turn.services.imageReader;
  if (!reader) {
    turn.note(
      t.noVision(
        images.map((i) => i.name),
        textTaken,
      ),
      'warning',
    );
    return [];
  }

  let pending = readings.get(command);
  const fresh = pending === undefined;
  if (!pending) {
    pending = Promise.all(
      images.map(async (image) => ({
        image,
        reading: await reader
          .read({
            image,
            scenario: turn.scenario,
            lang: turn.lang,
            candidateId: turn.session.candidateId,
            sessionId: turn.session.id,
          })
          .catch((error: unknown): DiagramImageReading => {
            // A reader that throws loses the image, never the answer: its text is still saved.
            turn.services.logger.warn({ err: error, file: image.name }, 'image reading failed');
            return { ok: false, reason: 'unavailable', usage: emptyUsage() };
          }),
      })),
    );
    readings.set(command, pending);
  }
  const results = await pending;

  const blocks: string[] = [];
  for (const { image, reading } of results) {
    if (fresh) turn.recordUsage(reading.usage);
    if (reading.ok) {
      blocks.push(mermaidBlock(image.name, reading.mermaid));
      turn.note(t.read(image.name, reading.mermaid));
    } else if (reading.reason === 'not-a-diagram') {
      turn.note(t.notADiagram(image.name), 'warning');
    } else {
      turn.note(t.readFailed(image.name, reading.reason, textTaken), 'warning');
    }
  }
  return blocks;
}
