// /lang, /time, /tz, /previews, /silent.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns/format'
import { Composer } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { ensureChat } from '#root/bot/helpers/chat.js'
import { argument, requiredArgument } from '#root/bot/helpers/items.js'
import { requireSettingsRights } from '#root/bot/helpers/permissions.js'
import { parseDigestTime, resolveTimeZone } from '#root/bot/helpers/time-zones.js'
import { parseSwitch } from '#root/bot/helpers/items.js'

const composer = new Composer<Context>()

composer.command('lang', async (ctx) => {
  const value = (await argument(ctx))?.toLowerCase()
  if (value === undefined)
    return
  if (value !== 'en' && value !== 'ru' && value !== 'both')
    return ctx.reply(ctx.t('lang-usage'))
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  // the interface follows en or ru; "both" keeps the interface as it is
  ctx.chatSettings = await ctx.repos.chats.update(ctx.chat.id, { digestLanguage: value, ...(value === 'both' ? {} : { uiLanguage: value }) })
  await ctx.i18n.renegotiateLocale()
  return ctx.reply(ctx.t('lang-done', { language: ctx.t(`language-${value}`) }))
})

composer.command('time', async (ctx) => {
  const value = await argument(ctx)
  if (value === undefined)
    return
  const time = parseDigestTime(value)
  if (!time)
    return ctx.reply(ctx.t('time-usage'))
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  ctx.chatSettings = await ctx.repos.chats.update(ctx.chat.id, { digestTime: time })
  return ctx.reply(ctx.t('time-done', { time, zone: ctx.chatSettings.timeZone }))
})

composer.command('tz', async (ctx) => {
  const value = await requiredArgument(ctx, 'tz-usage')
  if (value === undefined)
    return
  const zone = resolveTimeZone(value)
  if (!zone)
    return ctx.reply(ctx.t('tz-unknown', { zone: value }))
  if (!(await requireSettingsRights(ctx)))
    return
  await ensureChat(ctx)
  ctx.chatSettings = await ctx.repos.chats.update(ctx.chat.id, { timeZone: zone })
  return ctx.reply(ctx.t('tz-done', { zone, now: format(new TZDate(ctx.now().getTime(), zone), 'HH:mm') }))
})

// link previews under digests (off by default) and digests without a sound
const SWITCHES = { previews: 'linkPreviews', silent: 'silent' } as const

for (const [command, field] of Object.entries(SWITCHES)) {
  composer.command(command, async (ctx) => {
    const value = await argument(ctx)
    if (value === undefined)
      return
    const on = parseSwitch(value)
    if (on === undefined)
      return ctx.reply(ctx.t(`${command}-usage`))
    if (!(await requireSettingsRights(ctx)))
      return
    await ensureChat(ctx)
    ctx.chatSettings = await ctx.repos.chats.update(ctx.chat.id, { [field]: on })
    return ctx.reply(ctx.t(`${command}-${on ? 'on' : 'off'}`))
  })
}

export { composer as settingsFeature }
