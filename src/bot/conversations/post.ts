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
  /** how long the flow waits for the admin's next step before it ends (POST_IDLE_MS) */
  idleMs?: number
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

/** Where the admin is in the flow, stored with the draft (drafts repository). */
type Step = 'preview' | 'title' | 'summary:en' | 'summary:ru' | 'topics'
interface PostState {
  step: Step
  draft: Draft
  /** topic ids while the topics keyboard is open */
  chosen?: number[]
}

/** How long /post waits for the admin's next step before it ends by itself. */
export const POST_IDLE_MS = 30 * 60_000

export function createPostConversation({ i18n, topics, idleMs = POST_IDLE_MS }: PostDependencies) {
  async function post(conversation: PostConversation, ctx: BaseContext): Promise<void> {
    // Installed for admins' private chats only (bot/index.ts), so every update
    // reaching this conversation comes from the admin who started it and who is
    // in ADMIN_IDS now; the waits check the sender once more all the same.
    const adminId = ctx.from!.id
    const locale = await conversation.external(outside => localeOf(outside))
    const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args)
    const save = (state: PostState) => conversation.external(outside => outside.repos.drafts.set(adminId, state))
    const finish = () => conversation.external(outside => outside.repos.drafts.delete(adminId))

    await finish()
    await ctx.reply(t('post-ask'))
    // Every change is saved with the draft, then the conversation rewinds to
    // here: its replay log stays this short however many edits and taps follow.
    const top = conversation.checkpoint()
    const state = await conversation.external(outside => outside.repos.drafts.get<PostState>(adminId))

    // 1. the article
    if (!state) {
      const incoming = await conversation.waitFor('message').andFrom(adminId, { otherwise: other => other.reply(t('post-not-text')) })
      await incoming.reply(t('post-processing'))
      const message = incoming.msg
      const prepared = await conversation.external(outside => prepare(outside, message))
      if (prepared.kind === 'draft') {
        await save({ step: 'preview', draft: prepared.draft })
        await showPreview(incoming, prepared.draft)
      }
      else if (prepared.kind === 'duplicate') {
        await incoming.reply(t('post-duplicate', { id: prepared.id, title: prepared.title }))
      }
      else {
        await incoming.reply(t(prepared.key, prepared.args))
      }
      return conversation.rewind(top)
    }
    const { draft } = state

    // 2. an edit in progress
    if (state.step === 'title') {
      const title = await askText(conversation, adminId, t, MAX_TITLE)
      if (title === undefined)
        return conversation.rewind(top)
      return edited({ ...draft, article: { ...draft.article, title }, summaries: withTitle(draft, title) })
    }
    if (state.step === 'summary:en' || state.step === 'summary:ru') {
      const language = state.step.slice(-2) as Language
      const text = await askText(conversation, adminId, t, MAX_SUMMARY, language)
      if (text === undefined)
        return conversation.rewind(top)
      const existing: SummaryInput | undefined = draft.summaries[language]
      const sentence = splitSentences(text)[0] ?? text
      return edited({
        ...draft,
        summaries: {
          ...draft.summaries,
          [language]: { language, title: existing?.title ?? draft.article.title, text, teaser: clip(sentence, MAX_TEASER), method: 'manual' },
        },
      })
    }
    if (state.step === 'topics') {
      const chosen = new Set(state.chosen)
      const tap = await conversation.waitForCallbackQuery(/^ptopic:(done|\d{1,9})$/, { otherwise: other => other.reply(t('post-use-buttons')) }).andFrom(adminId)
      await tap.answerCallbackQuery()
      const value = tap.match[1]!
      if (value === 'done') {
        const previous = new Map(draft.article.topics.map(tp => [tp.slug, tp.score]))
        const picked = topics.all().filter(tp => chosen.has(tp.id)).map(tp => ({ slug: tp.slug, score: previous.get(tp.slug) ?? 10 }))
        return edited({ ...draft, article: { ...draft.article, topics: picked } })
      }
      const id = Number(value)
      // a button's data is checked like any input: only known topics count
      if (topics.all().some(tp => tp.id === id)) {
        if (!chosen.delete(id))
          chosen.add(id)
        await save({ ...state, chosen: [...chosen] })
        await tap.editMessageReplyMarkup({ reply_markup: topicsKeyboard(topics.all(), chosen, locale, 'ptopic', doneButton()) })
      }
      return conversation.rewind(top)
    }

    // 3. the preview's buttons
    const choice = await conversation.waitForCallbackQuery(/^post:(publish|push|title|topics|summary:en|summary:ru|cancel)$/, { otherwise: other => other.reply(t('post-use-buttons')) }).andFrom(adminId)
    await choice.answerCallbackQuery()
    const action = choice.match[1]!
    if (action === 'cancel') {
      await finish()
      await choice.reply(t('post-cancelled'))
      return
    }
    if (action === 'publish' || action === 'push') {
      const push = action === 'push'
      const result = await conversation.external(outside => publish(outside, draft, new Map(topics.all().map(tp => [tp.slug, tp.id])), push))
      await finish()
      if (result.kind === 'published')
        await choice.reply(result.pushed === undefined ? t('post-published', { id: result.id }) : t('post-pushed', { id: result.id, count: result.pushed }))
      else if (result.kind === 'duplicate')
        await choice.reply(t('post-duplicate', { id: result.id, title: result.title }))
      return
    }
    if (action === 'topics') {
      const chosen = new Set(draft.article.topics.flatMap(tp => topics.bySlug(tp.slug)?.id ?? []))
      await save({ step: 'topics', draft, chosen: [...chosen] })
      await choice.reply(t('topics-choose'), { reply_markup: topicsKeyboard(topics.all(), chosen, locale, 'ptopic', doneButton()) })
    }
    else {
      await save({ step: action as Step, draft })
      await choice.reply(action === 'title' ? t('post-ask-title') : t('post-ask-summary', { language: t(`language-${action.slice(-2)}`) }))
    }
    return conversation.rewind(top)

    async function edited(next: Draft): Promise<never> {
      await save({ step: 'preview', draft: next })
      await showPreview(ctx, next)
      return conversation.rewind(top)
    }

    function doneButton() {
      return { text: t('topics-done'), data: 'ptopic:done' }
    }

    async function showPreview(to: BaseContext, d: Draft): Promise<void> {
      const preview = `${t('post-preview-header')}\n\n${renderDraft(d)}\n\n<i>${facts(d)}</i>`
      const buttons = new InlineKeyboard()
        .text(t('post-button-publish'), 'post:publish').text(t('post-button-push'), 'post:push').row()
        .text(t('post-button-title'), 'post:title').text(t('post-button-topics'), 'post:topics').row()
        .text(t('post-button-summary-en'), 'post:summary:en').text(t('post-button-summary-ru'), 'post:summary:ru').row()
        .text(t('post-button-cancel'), 'post:cancel')
      // the preview is the subscribers' HTML; should Telegram refuse it, the admin still sees it
      await to.reply(preview, { parse_mode: 'HTML', reply_markup: buttons, link_preview_options: { is_disabled: true } })
        .catch(() => to.reply(htmlToPlain(preview, { keepLinks: true }), { reply_markup: buttons }))
    }

    function renderDraft(d: Draft): string {
      return renderItem({
        ...d.article,
        publishedAt: d.article.publishedAt ? new Date(d.article.publishedAt) : null,
        summaries: Object.values(d.summaries),
        topics: d.article.topics.flatMap(tp => topics.bySlug(tp.slug) ? [{ topicId: topics.bySlug(tp.slug)!.id }] : []),
      }, { digestLanguage: 'both', locale, topics, t })
    }

    function facts(d: Draft): string {
      return t('post-preview-facts', {
        language: t(`language-${d.article.language}`),
        date: d.article.publishedAt ? formatDate(new Date(d.article.publishedAt), locale) : t('post-no-date'),
        topics: d.article.topics.map(tp => topics.bySlug(tp.slug)).filter(x => x !== undefined).map(tp => topics.name(tp, locale)).join(', ') || t('post-no-topics'),
      })
    }
  }

  return createConversation(post, { id: POST_CONVERSATION, maxMillisecondsToWait: idleMs })
}

function withTitle(draft: Draft, title: string): Draft['summaries'] {
  const own = draft.summaries[draft.article.language]
  return own ? { ...draft.summaries, [draft.article.language]: { ...own, title } } : draft.summaries
}

/** The admin's next text if it is within `max` characters (and in `language`, when given); else undefined, after saying why. */
async function askText(conversation: PostConversation, adminId: number, t: (key: string, args?: Record<string, string | number>) => string, max: number, language?: Language): Promise<string | undefined> {
  const answer = await conversation.waitFor('message:text', { otherwise: other => other.reply(t('post-not-text')) }).andFrom(adminId)
  const text = answer.msg.text.replace(/\s+/g, ' ').trim()
  if (!text)
    await answer.reply(t('post-empty'))
  else if (text.length > max)
    await answer.reply(t('post-too-long', { length: text.length, max }))
  else if (language && !looksLike(text, language))
    await answer.reply(t('post-wrong-language', { language: t(`language-${language}`) }))
  else
    return text
  return undefined
}
