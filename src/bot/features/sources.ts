// Feeds the bot follows (admins only): /addsource checks the address at once and
// answers with the feed's title and items, or why not; /sources lists them with
// buttons to pause, resume and remove; /removesource stops polling one (its
// articles stay).
import { Composer, GrammyError, InlineKeyboard } from 'grammy'
import type { Context } from '#root/bot/context.js'
import { localeOf } from '#root/bot/i18n.js'
import { requiredArgument } from '#root/bot/helpers/items.js'
import { isBotAdmin } from '#root/bot/helpers/permissions.js'
import type { Source } from '#root/db/repositories/source-repository.js'
import { escapeHtml } from '#root/digest/html.js'
import { clip } from '#root/news/text.js'
import { readStoredError, type SourceError, sourceErrorKey } from '#root/sources/errors.js'

const composer = new Composer<Context>()

export const SOURCE_COMMANDS = ['addsource', 'sources', 'removesource']
const PAGE_SIZE = 8
const MAX_PAGE = 10_000

// refusal first, so that nothing below runs for anyone else; a button is judged by its presser
composer.command(SOURCE_COMMANDS, async (ctx, next) => isBotAdmin(ctx) ? next() : ctx.reply(ctx.t('admin-only')))
composer.callbackQuery(/^src:/, async (ctx, next) => isBotAdmin(ctx) ? next() : ctx.answerCallbackQuery({ text: ctx.t('admin-only'), show_alert: true }))

export function sourceErrorText(ctx: Context, error: SourceError): string {
  return ctx.t(sourceErrorKey(error), error.args)
}

composer.command('addsource', async (ctx) => {
  const input = await requiredArgument(ctx, 'sources-add-usage')
  if (input === undefined)
    return
  await ctx.reply(ctx.t('sources-add-checking', { url: input }), { link_preview_options: { is_disabled: true } })
  const result = await ctx.sources.add(input)
  if (!result.ok)
    return ctx.reply(ctx.t('sources-add-failed', { url: input, reason: sourceErrorText(ctx, result.error) }), { link_preview_options: { is_disabled: true } })
  const { source } = result
  ctx.logger.info({ msg: 'Source added', source_id: source.id, feed_url: source.feedUrl, admin_id: ctx.from!.id })
  ctx.sources.poller.nudge()
  const others = result.otherFeeds.length > 0 ? `\n\n${ctx.t('sources-added-others', { feeds: result.otherFeeds.map(f => escapeHtml(f.url)).join(', ') })}` : ''
  return ctx.reply(`${ctx.t('sources-added', { id: source.id, title: escapeHtml(source.title), items: result.items })}${others}`, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
})

function when(ctx: Context, date: Date | null): string {
  if (!date)
    return ctx.t('sources-never')
  const timeZone = ctx.chatSettings?.timeZone ?? ctx.config.defaultTimeZone
  return new Intl.DateTimeFormat(localeOf(ctx) === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date)
}

function renderSource(ctx: Context, source: Source): string {
  const lines = [ctx.t('sources-item', {
    id: source.id,
    title: escapeHtml(clip(source.title, 80)),
    state: ctx.t(`sources-state-${source.state}`),
    url: escapeHtml(clip(source.feedUrl, 150)),
    success: when(ctx, source.lastSuccessAt),
    stored: source.articlesStored,
    refused: source.itemsRefused,
  })]
  const error = source.failures > 0 ? readStoredError(source.lastError) : undefined
  if (error)
    lines.push(ctx.t('sources-item-error', { error: escapeHtml(clip(sourceErrorText(ctx, error), 150)) }))
  return lines.join('\n')
}

/** One page of the list (the last one when `page` is beyond it) and its buttons. */
async function sourcesPage(ctx: Context, page: number): Promise<{ text: string, keyboard?: InlineKeyboard }> {
  const count = await ctx.repos.sources.count()
  if (count === 0)
    return { text: ctx.t('sources-empty') }
  const pages = Math.ceil(count / PAGE_SIZE)
  const current = Math.min(Math.max(1, page), pages)
  const sources = await ctx.repos.sources.list({ offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE })
  const keyboard = new InlineKeyboard()
  for (const source of sources) {
    keyboard.text(ctx.t(source.state === 'paused' ? 'sources-button-resume' : 'sources-button-pause', { id: source.id }), `src:${source.state === 'paused' ? 'resume' : 'pause'}:${source.id}:${current}`)
    keyboard.text(ctx.t('sources-button-remove', { id: source.id }), `src:remove:${source.id}:${current}`).row()
  }
  if (current > 1)
    keyboard.text(ctx.t('sources-button-previous'), `src:page:0:${current - 1}`)
  if (current < pages)
    keyboard.text(ctx.t('sources-button-next'), `src:page:0:${current + 1}`)
  const text = [ctx.t('sources-header', { count, page: current, pages }), ...sources.map(s => renderSource(ctx, s))].join('\n\n')
  return { text, keyboard }
}

composer.command('sources', async (ctx) => {
  const { text, keyboard } = await sourcesPage(ctx, 1)
  return ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } })
})

composer.callbackQuery(/^src:(pause|resume|remove|page):(\d{1,9}):(\d{1,5})$/, async (ctx) => {
  const action = ctx.match[1]!
  const id = Number(ctx.match[2])
  const page = Math.min(Number(ctx.match[3]), MAX_PAGE)
  let notice: string | undefined
  if (action === 'pause' || action === 'resume') {
    const source = await ctx.repos.sources.setPaused(id, action === 'pause')
    if (source && action === 'resume')
      ctx.sources.poller.nudge()
    notice = ctx.t(source ? (action === 'pause' ? 'sources-paused' : 'sources-resumed') : 'sources-missing', { id })
  }
  else if (action === 'remove') {
    const source = await ctx.repos.sources.remove(id)
    if (source)
      ctx.logger.info({ msg: 'Source removed', source_id: id, admin_id: ctx.from.id })
    notice = source ? ctx.t('sources-removed', { id, title: source.title }) : ctx.t('sources-missing', { id })
  }
  await ctx.answerCallbackQuery(notice ? { text: notice } : undefined)
  const { text, keyboard } = await sourcesPage(ctx, page)
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } })
    .catch((error: unknown) => {
      // pressed twice: the list is already as it should be
      if (!(error instanceof GrammyError && /not modified/i.test(error.description)))
        throw error
    })
})

// any other "src:" data was not made by us: say so, change nothing
composer.callbackQuery(/^src:/, ctx => ctx.answerCallbackQuery({ text: ctx.t('button-unknown'), show_alert: true }))

composer.command('removesource', async (ctx) => {
  const value = await requiredArgument(ctx, 'sources-remove-usage')
  if (value === undefined)
    return
  if (!/^#?\d{1,9}$/.test(value))
    return ctx.reply(ctx.t('sources-remove-usage'))
  const id = Number(value.replace(/^#/, ''))
  const source = await ctx.repos.sources.remove(id)
  if (!source)
    return ctx.reply(ctx.t('sources-missing', { id }))
  ctx.logger.info({ msg: 'Source removed', source_id: id, admin_id: ctx.from!.id })
  return ctx.reply(ctx.t('sources-removed', { id, title: source.title }))
})

export { composer as sourcesFeature }
