// /post: an admin pastes text, sends a link or forwards a message; the pipeline
// processes it; the admin sees the item exactly as subscribers will, fixes the
// title, topics or summaries, and publishes or cancels. State lives in the
// conversation storage (PostgreSQL), so a restart in the middle loses nothing.
// Everything with side effects runs in conversation.external (the plugin's rules).
import { type Conversation, createConversation } from '@grammyjs/conversations'
import type { I18n } from '@grammyjs/i18n'
import { type Context as BaseContext, InlineKeyboard } from 'grammy'
import type { Message } from 'grammy/types'
import type { Context } from '#root/bot/context.js'
import { localeOf } from '#root/bot/i18n.js'
import { topicsKeyboard } from '#root/bot/keyboards/topics.js'
import type { SummaryInput } from '#root/db/repositories/article-repository.js'
import { htmlToPlain } from '#root/digest/html.js'
import { formatDate, renderItem } from '#root/digest/render.js'
import { SafeFetchError } from '#root/net/safe-fetch.js'
import { fromTelegramMessage } from '#root/news/inputs/telegram.js'
import { MAX_TITLE } from '#root/news/metadata.js'
import { MAX_SUMMARY, MAX_TEASER } from '#root/news/summarize.js'
import { clip, scriptShares, splitSentences } from '#root/news/text.js'
import type { TopicDirectory } from '#root/news/topic-directory.js'
import type { Language, PageInput, ProcessedArticle } from '#root/news/types.js'

export const POST_CONVERSATION = 'post'

/** The article being prepared, as stored between updates (JSON: dates as ISO strings). */
export interface Draft {
  article: Omit<ProcessedArticle, 'publishedAt'> & { publishedAt: string | null }
  summaries: Partial<Record<Language, SummaryInput>>
}

type PrepareResult =
  | { kind: 'draft', draft: Draft }
  | { kind: 'duplicate', id: number, title: string }
  | { kind: 'rejected', key: string, args: Record<string, string> }

type PostConversation = Conversation<Context, BaseContext>

export interface PostDependencies {
  i18n: I18n<Context>
  topics: TopicDirectory
}

async function prepare(ctx: Context, message: Message): Promise<PrepareResult> {
  const input = fromTelegramMessage(message)
  if (input.kind === 'none')
    return { kind: 'rejected', key: 'post-not-text', args: {} }
  let page: PageInput
  try {
    page = input.kind === 'url' ? await ctx.fetchPage(input.url) : input.input
  }
  catch (error) {
    if (error instanceof SafeFetchError)
      return { kind: 'rejected', key: 'post-rejected-fetch', args: { reason: ctx.t(`fetch-error-${error.code}`, error.args) } }
    throw error
  }
  const result = await ctx.ingest.commit(await ctx.ingest.prepare(page), { dryRun: true })
  if (result.status === 'rejected') {
    const { rejection } = result
    if (rejection.code === 'language')
      return { kind: 'rejected', key: 'post-rejected-language', args: { language: rejection.language[localeOf(ctx)] } }
    if (rejection.code === 'too-long')
      return { kind: 'rejected', key: 'post-rejected-too-long', args: { max: rejection.maxCharacters.toLocaleString(localeOf(ctx)) } }
    if (rejection.code === 'too-complex')
      return { kind: 'rejected', key: 'post-rejected-too-complex', args: {} }
    return { kind: 'rejected', key: 'post-rejected-empty', args: {} }
  }
  if (result.status === 'duplicate')
    return { kind: 'duplicate', id: result.id, title: result.article.title }
  const { publishedAt, ...rest } = result.article
  return { kind: 'draft', draft: { article: { ...rest, publishedAt: publishedAt?.toISOString() ?? null }, summaries: result.summaries } }
}

async function publish(ctx: Context, draft: Draft, topicIds: ReadonlyMap<string, number>, push: boolean): Promise<PrepareResult | { kind: 'published', id: number, pushed?: number }> {
  const article: ProcessedArticle = { ...draft.article, publishedAt: draft.article.publishedAt ? new Date(draft.article.publishedAt) : null }
  const duplicate = await ctx.repos.articles.findDuplicate(article)
  if (duplicate)
    return { kind: 'duplicate', id: duplicate.id, title: article.title }
  const id = await ctx.repos.articles.create(article, Object.values(draft.summaries), topicIds)
  await ctx.repos.audit.record({ actorId: ctx.from!.id, action: 'post', articleId: id, details: { title: article.title, url: article.url } })
  ctx.logger.info({ msg: 'Article posted', article_id: id, admin_id: ctx.from!.id })
  if (!push)
    return { kind: 'published', id }
  // every active chat subscribed to any of its topics gets it once (outbox: chat + article is unique)
  const pushed = await ctx.repos.deliveries.planBreaking(id, article.topics.flatMap(t => topicIds.get(t.slug) ?? []))
  await ctx.repos.audit.record({ actorId: ctx.from!.id, action: 'push', articleId: id, details: { chats: pushed } })
  return { kind: 'published', id, pushed }
}

function looksLike(text: string, language: Language): boolean {
  const shares = scriptShares(text)
  return language === 'ru' ? shares.cyrillic >= 0.5 : shares.latin >= 0.5 && shares.cyrillic < 0.2
}

export function createPostConversation({ i18n, topics }: PostDependencies) {
  async function post(conversation: PostConversation, ctx: BaseContext): Promise<void> {
    const locale = await conversation.external(outside => localeOf(outside))
    const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args)

    // 1. the article
    await ctx.reply(t('post-ask'))
    let found: Draft | undefined
    while (!found) {
      const incoming = await conversation.waitFor('message')
      await incoming.reply(t('post-processing'))
      const message = incoming.msg
      const prepared = await conversation.external(outside => prepare(outside, message))
      if (prepared.kind === 'draft')
        found = prepared.draft
      else if (prepared.kind === 'duplicate')
        await incoming.reply(t('post-duplicate', { id: prepared.id, title: prepared.title }))
      else
        await incoming.reply(t(prepared.key, prepared.args))
    }

    // 2. preview, edits, publish
    const renderDraft = (d: Draft) => renderItem({
      ...d.article,
      publishedAt: d.article.publishedAt ? new Date(d.article.publishedAt) : null,
      summaries: Object.values(d.summaries),
      topics: d.article.topics.flatMap(tp => topics.bySlug(tp.slug) ? [{ topicId: topics.bySlug(tp.slug)!.id }] : []),
    }, { digestLanguage: 'both', locale, topics, t })
    const facts = (d: Draft) => t('post-preview-facts', {
      language: t(`language-${d.article.language}`),
      date: d.article.publishedAt ? formatDate(new Date(d.article.publishedAt), locale) : t('item-date-unknown'),
      topics: d.article.topics.map(tp => topics.bySlug(tp.slug)).filter(x => x !== undefined).map(tp => topics.name(tp, locale)).join(', ') || t('post-no-topics'),
    })
    const buttons = new InlineKeyboard()
      .text(t('post-button-publish'), 'post:publish').text(t('post-button-push'), 'post:push').row()
      .text(t('post-button-title'), 'post:title').text(t('post-button-topics'), 'post:topics').row()
      .text(t('post-button-summary-en'), 'post:summary:en').text(t('post-button-summary-ru'), 'post:summary:ru').row()
      .text(t('post-button-cancel'), 'post:cancel')

    let draft: Draft = found
    for (;;) {
      const preview = `${t('post-preview-header')}\n\n${renderDraft(draft)}\n\n<i>${facts(draft)}</i>`
      // the preview is the subscribers' HTML; should Telegram refuse it, the admin still sees it
      await ctx.reply(preview, { parse_mode: 'HTML', reply_markup: buttons, link_preview_options: { is_disabled: true } })
        .catch(() => ctx.reply(htmlToPlain(preview, { keepLinks: true }), { reply_markup: buttons }))
      const choice = await conversation.waitForCallbackQuery(/^post:/, { otherwise: other => other.reply(t('post-use-buttons')) })
      await choice.answerCallbackQuery()
      const action = choice.callbackQuery.data

      if (action === 'post:cancel') {
        await choice.reply(t('post-cancelled'))
        return
      }
      if (action === 'post:publish' || action === 'post:push') {
        const current = draft
        const push = action === 'post:push'
        const result = await conversation.external(outside => publish(outside, current, new Map(topics.all().map(tp => [tp.slug, tp.id])), push))
        if (result.kind === 'published') {
          await choice.reply(result.pushed === undefined ? t('post-published', { id: result.id }) : t('post-pushed', { id: result.id, count: result.pushed }))
          return
        }
        if (result.kind === 'duplicate') {
          await choice.reply(t('post-duplicate', { id: result.id, title: result.title }))
          return
        }
        continue
      }
      if (action === 'post:title') {
        await choice.reply(t('post-ask-title'))
        const title = await askText(conversation, t, MAX_TITLE)
        draft = { ...draft, article: { ...draft.article, title }, summaries: withTitle(draft, title) }
        continue
      }
      if (action === 'post:summary:en' || action === 'post:summary:ru') {
        const language = action.slice(-2) as Language
        await choice.reply(t('post-ask-summary', { language: t(`language-${language}`) }))
        const text = await askText(conversation, t, MAX_SUMMARY, language)
        const existing: SummaryInput | undefined = draft.summaries[language]
        const sentence = splitSentences(text)[0] ?? text
        draft = {
          ...draft,
          summaries: {
            ...draft.summaries,
            [language]: { language, title: existing?.title ?? draft.article.title, text, teaser: clip(sentence, MAX_TEASER), method: 'manual' },
          },
        }
        continue
      }
      if (action === 'post:topics') {
        let chosen: Set<number> = new Set(draft.article.topics.flatMap(tp => topics.bySlug(tp.slug)?.id ?? []))
        const done = { text: t('topics-done'), data: 'ptopic:done' }
        await choice.reply(t('topics-choose'), { reply_markup: topicsKeyboard(topics.all(), chosen, locale, 'ptopic', done) })
        for (;;) {
          const tap = await conversation.waitForCallbackQuery(/^ptopic:/, { otherwise: other => other.reply(t('post-use-buttons')) })
          const value = tap.callbackQuery.data.slice('ptopic:'.length)
          if (value === 'done') {
            await tap.answerCallbackQuery()
            break
          }
          const id = Number(value)
          chosen = new Set(chosen.has(id) ? [...chosen].filter(x => x !== id) : [...chosen, id])
          await tap.answerCallbackQuery()
          await tap.editMessageReplyMarkup({ reply_markup: topicsKeyboard(topics.all(), chosen, locale, 'ptopic', done) })
        }
        const previous = new Map(draft.article.topics.map(tp => [tp.slug, tp.score]))
        const picked: Draft['article']['topics'] = topics.all().filter(tp => chosen.has(tp.id)).map(tp => ({ slug: tp.slug, score: previous.get(tp.slug) ?? 10 }))
        draft = { ...draft, article: { ...draft.article, topics: picked } }
      }
    }
  }

  return createConversation(post, POST_CONVERSATION)
}

function withTitle(draft: Draft, title: string): Draft['summaries'] {
  const own = draft.summaries[draft.article.language]
  return own ? { ...draft.summaries, [draft.article.language]: { ...own, title } } : draft.summaries
}

/** Waits for a text within `max` characters (and in `language`, when given), asking again until it gets one. */
async function askText(conversation: PostConversation, t: (key: string, args?: Record<string, string | number>) => string, max: number, language?: Language): Promise<string> {
  for (;;) {
    const answer = await conversation.waitFor('message:text', { otherwise: other => other.reply(t('post-not-text')) })
    const text = answer.msg.text.replace(/\s+/g, ' ').trim()
    if (!text)
      await answer.reply(t('post-empty'))
    else if (text.length > max)
      await answer.reply(t('post-too-long', { length: text.length, max }))
    else if (language && !looksLike(text, language))
      await answer.reply(t('post-wrong-language', { language: t(`language-${language}`) }))
    else
      return text
  }
}
