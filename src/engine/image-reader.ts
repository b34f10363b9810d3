/**
 * The port through which the engine has a diagram in an image read: an LLM that takes images
 * (src/llm/image-diagram-reader.ts) transcribes the boxes and arrows into a Mermaid flowchart,
 * which then goes through the same critique as a diagram typed as text. Absent (null) when no
 * configured model takes images, or vision is switched off (LLM_VISION).
 */
import type { Scenario } from '../knowledge/schema.ts';
import type { CheckedImage } from './attachments.ts';
import type { CandidateId, Lang, TokenUsage } from './types.ts';

export interface DiagramImageRequest {
  image: CheckedImage;
  scenario: Scenario;
  lang: Lang;
  candidateId: CandidateId;
  sessionId: string;
}

export type DiagramImageReading =
  | {
      ok: true;
      /** A Mermaid flowchart (`flowchart LR` and its lines), without the code fence. */
      mermaid: string;
      boxes: number;
      arrows: number;
      usage: TokenUsage;
    }
  | {
      ok: false;
      /**
       * `not-a-diagram`: the model saw no boxes and arrows; `unreadable`: its replies were
       * malformed every time; `unavailable`: it did not answer (timeout, outage, refusal).
       */
      reason: 'not-a-diagram' | 'unreadable' | 'unavailable';
      usage: TokenUsage;
    };

export interface DiagramImageReader {
  read(request: DiagramImageRequest): Promise<DiagramImageReading>;
}
