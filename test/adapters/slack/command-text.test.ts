import { describe, expect, it } from 'vitest';
import { parseSlashText } from '../../../src/adapters/slack/command-text.ts';

describe('parseSlashText', () => {
  it('opens the start dialog with no arguments, or "start" alone', () => {
    expect(parseSlashText('')).toEqual({ kind: 'start-dialog' });
    expect(parseSlashText('  ')).toEqual({ kind: 'start-dialog' });
    expect(parseSlashText('start')).toEqual({ kind: 'start-dialog', lang: undefined });
    expect(parseSlashText('start zh')).toEqual({ kind: 'start-dialog', lang: 'zh' });
  });

  it('reads start with scenario, mode, language and difficulty in any order', () => {
    expect(parseSlashText('start youtube-recommendation')).toEqual({
      kind: 'start',
      scenarioId: 'youtube-recommendation',
      mode: undefined,
      lang: undefined,
      difficulty: undefined,
    });
    expect(parseSlashText('start search-ranking coach zh hard')).toEqual({
      kind: 'start',
      scenarioId: 'search-ranking',
      mode: 'coach',
      lang: 'zh',
      difficulty: 'hard',
    });
    expect(parseSlashText('START  Churn-Prediction  en  Interview')).toMatchObject({
      kind: 'start',
      scenarioId: 'churn-prediction',
      mode: 'interview',
      lang: 'en',
    });
  });

  it('rejects a second scenario word', () => {
    expect(parseSlashText('start a b')).toEqual({ kind: 'unsupported', word: 'b' });
  });

  it('reads the session commands and their aliases', () => {
    for (const word of ['followup', 'hint', 'next', 'end', 'scorecard', 'export', 'status']) {
      expect(parseSlashText(word)).toEqual({ kind: 'session', command: word });
    }
    expect(parseSlashText('follow-up')).toEqual({ kind: 'session', command: 'followup' });
    expect(parseSlashText('Hint')).toEqual({ kind: 'session', command: 'hint' });
    expect(parseSlashText('hint please')).toEqual({ kind: 'unsupported', word: 'please' });
  });

  it('reads history, scenarios and help with an optional language', () => {
    expect(parseSlashText('history')).toEqual({ kind: 'history' });
    expect(parseSlashText('scenarios zh')).toEqual({ kind: 'scenarios', lang: 'zh' });
    expect(parseSlashText('help en')).toEqual({ kind: 'help', lang: 'en' });
    expect(parseSlashText('help me')).toEqual({ kind: 'unsupported', word: 'me' });
  });

  it('keeps an unknown word for the "unknown command" answer', () => {
    expect(parseSlashText('dance now')).toEqual({ kind: 'unsupported', word: 'dance' });
  });

  it('reads forget-me with and without the confirm word', () => {
    expect(parseSlashText('forget-me')).toEqual({ kind: 'forget', confirm: false });
    expect(parseSlashText('forget-me confirm')).toEqual({ kind: 'forget', confirm: true });
    expect(parseSlashText('forget-me 确认')).toEqual({ kind: 'forget', confirm: true });
    expect(parseSlashText('forget-me now')).toEqual({ kind: 'unsupported', word: 'now' });
  });
});
