/**
 * A terminal interview: each line is one engine command; replies are printed as they come.
 * Every turn is persisted by the engine before its reply is shown, so quitting (or a crash)
 * at any point loses nothing: `chat --resume` continues.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import yoctoSpinner from 'yocto-spinner';
import type { CliIO } from '../../io.ts';
import type { InterviewEngine } from '../../engine/engine.ts';
import { describeError } from '../../engine/messages.ts';
import { replayText } from '../../engine/replay-wording.ts';
import type { CandidateId, Command, Lang, Outcome, StageId } from '../../engine/types.ts';
import { readImageFile } from './image-input.ts';
import { lineId, parseLine } from './input.ts';
import { parseRating } from './rating-input.ts';
import type { LineReader } from './lines.ts';
import { renderReply } from './render.ts';
import { terminalText } from './text.ts';

export interface TerminalInterviewOptions {
  engine: InterviewEngine;
  io: CliIO;
  lines: LineReader;
  actor: CandidateId;
  sessionId: string;
  lang: Lang;
  /** The start command for a new interview; absent when resuming. */
  start?: Extract<Command, { kind: 'start' }>;
  /** Resuming: the first command (default `status`; `scorecard` to go on with self-ratings). */
  resumeWith?: Command;
  /** Folder `/export` writes the Markdown file into. */
  exportDir: string;
  /** How to tell the user to resume, e.g. "npm run cli -- chat --resume". */
  resumeHint: string;
}

export type TerminalInterviewResult = 'finished' | 'saved' | 'failed';

export async function runTerminalInterview(
  options: TerminalInterviewOptions,
): Promise<TerminalInterviewResult> {
  const { engine, io, lines, actor, sessionId } = options;
  let lang = options.lang;
  const color = Boolean(io.stdout.isTTY);
  const t = () => terminalText(lang);
  const write = (text: string) => io.stdout.write(`${text}\n`);

  const run = async (command: Command): Promise<Outcome> => {
    // The spinner goes to stderr and only on a TTY, so piped output stays clean.
    const spinner = io.stdout.isTTY
      ? yoctoSpinner({ text: t().thinking, stream: io.stderr }).start()
      : null;
    try {
      // The interview's language: a refusal or a cut turn (said before the session is read)
      // is in it too.
      return await engine.execute({ actor, sessionId, command, lang });
    } finally {
      spinner?.stop();
    }
  };

  /** The stage a self-assessment rating is asked for (lines are then ratings), else null. */
  let rating: StageId | null = null;

  /** Prints the outcome; returns true when the interview is over. */
  const show = async (command: Command, outcome: Outcome): Promise<boolean> => {
    lang = outcome.lang;
    rating = null;
    if (!outcome.ok) {
      write(describeError(outcome.error, lang));
      return outcome.error.code === 'session-over' || outcome.error.code === 'no-session';
    }
    for (const reply of outcome.replies) {
      if (reply.kind === 'export') {
        // The Markdown, and beside it its chart (same base name, .png) when there is one.
        const files = [
          { name: reply.filename, data: reply.markdown, done: t().exported },
          ...(reply.files ?? []).map((f) => ({
            name: f.name,
            data: f.data,
            done: t().chartWritten,
          })),
        ];
        for (const { name, data, done } of files) {
          const file = path.resolve(options.exportDir, path.basename(name));
          try {
            await writeFile(file, data);
            write(done(file));
          } catch (error) {
            // A folder that cannot be written (read-only, full, no permission) ends nothing.
            write(t().exportFailed(file, (error as NodeJS.ErrnoException).code ?? String(error)));
          }
        }
        continue;
      }
      if (reply.kind === 'self-assess') rating = reply.stage;
      write(renderReply(reply, { lang, color }));
    }
    // Before the scorecard, the candidate rates the stages: the interview is not over yet.
    if (rating) return false;
    const finalScorecard =
      outcome.replies.some((r) => r.kind === 'scorecard') && command.kind !== 'scorecard';
    // /next past the last stage with nothing answered ends without a scorecard (not enough to
    // judge): no next stage opened and no stage feedback means the interview is over.
    const endedUnscored =
      command.kind === 'next' &&
      !outcome.replies.some((r) => r.kind === 'stage-opened' || r.kind === 'stage-feedback');
    return command.kind === 'abandon' || command.kind === 'end' || finalScorecard || endedUnscored;
  };

  const first: Command = options.start ?? options.resumeWith ?? { kind: 'status' };
  const opened = await run(first);
  if (await show(first, opened)) return opened.ok ? 'finished' : 'failed';
  if (!opened.ok) return 'failed';
  write(t().help);

  for (;;) {
    const line = await lines.next(rating ? '1-4> ' : t().you);
    if (line === null) {
      write(t().saved(options.resumeHint));
      return 'saved';
    }
    if (rating) {
      const answer = parseRating(line);
      if (answer.kind === 'quit') {
        write(t().saved(options.resumeHint));
        return 'saved';
      }
      if (answer.kind === 'invalid') {
        write(replayText(lang).rateInvalid);
        continue;
      }
      const command: Command =
        answer.kind === 'rate'
          ? { kind: 'self-assess', stage: rating, level: answer.level }
          : { kind: 'self-assess' };
      if (await show(command, await run(command))) return 'finished';
      continue;
    }
    const input = parseLine(line, lineId());
    if (input.kind === 'help') {
      write(t().help);
      continue;
    }
    if (input.kind === 'quit') {
      write(t().saved(options.resumeHint));
      return 'saved';
    }
    if (input.kind === 'unknown') {
      write(t().unknownCommand(input.word));
      continue;
    }
    let command: Command;
    if (input.kind === 'image') {
      const file = await readImageFile(input.path);
      if (file.ok) {
        command = { kind: 'answer', text: input.text, attachments: [file.attachment] };
      } else if (input.bare) {
        // Only looked like a path: taken as words, like any other line.
        command = { kind: 'answer', text: line };
      } else {
        write(t().imageFileProblem(input.path, file.reason));
        continue;
      }
    } else {
      command = input.command;
    }
    const outcome = await run(command);
    if (await show(command, outcome)) return 'finished';
  }
}
