// Looking channels up on Telegram and asking who administers them: every
// channel setting is changed only by an administrator of that channel.
import { GrammyError } from 'grammy'
import type { ChatFullInfo } from 'grammy/types'
import type { Context } from '#root/bot/context.js'
import { isAdminMember } from '#root/bot/helpers/permissions.js'
import type { Chat } from '#root/generated/prisma/client.js'

const USERNAME = /^(?:@|(?:https?:\/\/)?t\.me\/)([a-z]\w{3,31})$/i
const CHANNEL_ID = /^-100\d{1,13}$/
/** channels /channels checks (one getChatMember each) */
const MAX_CHANNELS = 30

/** Telegram refused to say (the bot is not in the channel, or it is gone): no member. */
export function denied(error: unknown): undefined {
  if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403))
    return undefined
  throw error
}

/** The channel `target` names (@name, t.me link or id), or the message saying why not. */
export async function lookUpChannel(ctx: Context, target: string): Promise<ChatFullInfo.ChannelChat | string> {
  const username = USERNAME.exec(target)?.[1]
  if (!username && !CHANNEL_ID.test(target))
    return ctx.t('channel-not-found', { target })
  const chat = await ctx.api.getChat(username ? `@${username}` : Number(target)).catch(denied)
  if (!chat)
    return ctx.t('channel-not-found', { target })
  return chat.type === 'channel' ? chat : ctx.t('channel-not-channel', { target })
}

/** Whether the sender administers channel `id` (asked of Telegram). */
async function administers(ctx: Context, id: number): Promise<boolean> {
  const member = await ctx.api.getChatMember(id, ctx.from!.id).catch(denied)
  return member !== undefined && isAdminMember(member)
}

/** The connected channel `id` if the sender administers it, else undefined. */
export async function managedChannel(ctx: Context, id: number): Promise<Chat | undefined> {
  const channel = await ctx.repos.chats.find(id)
  return channel?.type === 'channel' && await administers(ctx, id) ? channel : undefined
}

/** The connected channels the sender administers. */
export async function managedChannels(ctx: Context): Promise<Chat[]> {
  const channels = await ctx.repos.chats.channels(MAX_CHANNELS)
  const mine = await Promise.all(channels.map(channel => administers(ctx, Number(channel.id))))
  return channels.filter((_, i) => mine[i])
}
