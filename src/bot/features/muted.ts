// /mute <word or phrase>, /unmute <word>|all, /muted: stories containing a muted
// word (on stems, in either language) are hidden from this chat's digests,
// /latest and /topic.
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { ensureChat } from '#root/bot/helpers/chat.js'
import { argument, requiredArgument } from '#root/bot/helpers/items.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { MAX_MUTED, MAX_MUTED_LENGTH, mutedStems } from '#root/digest/muted.js'

const composer = new Composer<Context>()

composer.command('mute', async (ctx) => {
  const word = (await requiredArgument(ctx, 'mute-usage'))?.replace(/\s+/gu, ' ')
  if (word === undefined)
    return
  if (word.length > MAX_MUTED_LENGTH)
    return ctx.reply(ctx.t('mute-too-long', { max: MAX_MUTED_LENGTH }))
  const stems = mutedStems(word)
  if (!stems)
    return ctx.reply(ctx.t('mute-no-words'))
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  const added = await ctx.repos.muted.add(ctx.chat.id, { word, stems }, MAX_MUTED)
  if (added === 'full')
    return ctx.reply(ctx.t('mute-full', { max: MAX_MUTED }))
  return ctx.reply(ctx.t(added === 'added' ? 'mute-done' : 'mute-already', { word }))
})

composer.command('unmute', async (ctx) => {
  const word = (await requiredArgument(ctx, 'unmute-usage'))?.replace(/\s+/gu, ' ')
  if (word === undefined)
    return
  const all = /^(all|все|всё)$/iu.test(word)
  const stems = all ? undefined : mutedStems(word)
  if (!all && !stems)
    return ctx.reply(ctx.t('unmute-usage'))
  if (!(await requireSettingsRights(ctx)))
    return
  if (all)
    return ctx.reply(ctx.t('unmute-all-done', { count: await ctx.repos.muted.clear(ctx.chat.id) }))
  const removed = await ctx.repos.muted.remove(ctx.chat.id, stems!)
  return ctx.reply(ctx.t(removed ? 'unmute-done' : 'unmute-not', { word }))
})

composer.command('muted', async (ctx) => {
  if ((await argument(ctx)) === undefined)
    return
  const muted = await ctx.repos.muted.list(ctx.chat.id)
  if (muted.length === 0)
    return ctx.reply(ctx.t('muted-none'))
  return ctx.reply(ctx.t('muted-list', { count: muted.length, max: MAX_MUTED, words: muted.map(m => `• ${m.word}`).join('\n') }))
})

export { composer as mutedFeature }
