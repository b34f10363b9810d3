/**
 * Files a reply carries (today: progress charts as PNG). Platform-neutral bytes: the adapter
 * uploads them (a Discord attachment, a Slack file) or writes them (the terminal).
 *
 * Which replies carry which: a `scorecard` a radar of the interview against the candidate's
 * average (with three or more scored stages), `history` the per-stage scores over time, an
 * `export` the same radar, to keep beside the Markdown. Absent when charts are off, when there
 * is nothing to draw, or when drawing failed (the reply still arrives, text only).
 */
export interface ReplyFile {
  kind: 'image';
  /** A file name without folders, e.g. `progress.png`; unique within one reply. */
  name: string;
  mime: 'image/png';
  data: Uint8Array;
  /** What the image shows, in words in the reply's language (screen readers, text fallbacks). */
  alt: string;
}
