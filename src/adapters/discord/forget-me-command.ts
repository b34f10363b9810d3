/**
 * The `/interview forget-me` subcommand's shape, and how a `forget` reply reads on Discord
 * (the confirm step says exactly what to type). No handler imports: commands.ts and the
 * renderer use it.
 */
import type { SlashCommandBuilder } from 'discord.js';
import { forgetWording } from '../../engine/forget-wording.ts';
import type { Lang, Reply } from '../../engine/types.ts';

export const FORGET_ME = 'forget-me';
export const CONFIRM_OPTION = 'confirm';

export function forgetText(reply: Extract<Reply, { kind: 'forget' }>, lang: Lang): string {
  if (reply.step === 'done') return reply.text;
  const command = `/interview ${FORGET_ME} ${CONFIRM_OPTION}:confirm`;
  return `⚠️ ${reply.text} ${forgetWording(lang).typed(command)}`;
}

export function addForgetMeSubcommand(command: SlashCommandBuilder): void {
  command.addSubcommand((sub) =>
    sub
      .setName(FORGET_ME)
      .setDescription('Delete everything this bot keeps about you (asks to confirm first)')
      .setDescriptionLocalizations({
        'zh-CN': '删除本机器人保存的关于你的全部数据（会先请你确认）',
        'zh-TW': '删除本机器人保存的关于你的全部数据（会先请你确认）',
      })
      .addStringOption((o) =>
        o.setName(CONFIRM_OPTION).setDescription('Type "confirm" to delete for good'),
      ),
  );
}
