// The other language: an OpenAI-compatible chat-completions endpoint (OpenAI,
// Ollama, vLLM, llama.cpp server) asked once per article for title, summary and
// teaser in English and Russian, as JSON. Every answer is validated; any failure
// throws an LlmError and the caller keeps the extractive result.
import { z } from 'zod'
import { detectLanguage } from '#root/news/language.js'
import { MAX_TITLE } from '#root/news/metadata.js'
import { MAX_SUMMARY, MAX_TEASER } from '#root/news/summarize.js'
import { scriptShares } from '#root/news/text.js'
import type { Language } from '#root/news/types.js'

export interface BilingualText {
  title: string
  summary: string
  teaser: string
}

export type Bilingual = Record<Language, BilingualText>

export interface SummaryProvider {
  readonly name: string
  bilingual: (article: { title: string, body: string, language: Language }) => Promise<Bilingual>
}

export class LlmError extends Error {
  override name = 'LlmError'
}

export interface OpenAiOptions {
  baseUrl: string
  apiKey?: string
  model: string
  timeoutMs?: number
  maxBodyChars?: number
}

const fieldSchema = z.object({ title: z.string(), summary: z.string(), teaser: z.string() })
const answerSchema = z.object({ en: fieldSchema, ru: fieldSchema })

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' }

function prompt(article: { title: string, body: string, language: Language }, maxBodyChars: number) {
  const system = [
    'You are a news editor who writes short, neutral, factual news digests in English and Russian.',
    'Answer with one JSON object and nothing else, in exactly this shape:',
    '{"en":{"title":"...","summary":"...","teaser":"..."},"ru":{"title":"...","summary":"...","teaser":"..."}}',
    `"en" fields must be written in English. "ru" fields must be written in Russian (Cyrillic).`,
    `title: at most ${MAX_TITLE} characters. summary: one or two complete sentences, at most ${MAX_SUMMARY} characters.`,
    `teaser: one short sentence, at most ${MAX_TEASER} characters. Use only facts stated in the article.`,
  ].join('\n')
  const user = `The article below is in ${LANGUAGE_NAMES[article.language]}. Write the English and the Russian title, summary and teaser.\n\nTitle: ${article.title}\n\n${article.body.slice(0, maxBodyChars)}`
  return [{ role: 'system', content: system }, { role: 'user', content: user }]
}

/** Checks each field: present, within its limit, and in its language's script and language. */
export function validateBilingual(answer: unknown): Bilingual {
  const parsed = answerSchema.safeParse(answer)
  if (!parsed.success)
    throw new LlmError(`answer does not have the expected fields (${parsed.error.issues[0]?.path.join('.') ?? 'shape'})`)
  const limits: Record<keyof BilingualText, number> = { title: MAX_TITLE, summary: MAX_SUMMARY, teaser: MAX_TEASER }
  const result = { en: {}, ru: {} } as Bilingual
  for (const language of ['en', 'ru'] as const) {
    for (const field of ['title', 'summary', 'teaser'] as const) {
      const value = parsed.data[language][field].replace(/\s+/g, ' ').trim()
      const where = `${language}.${field}`
      if (!value)
        throw new LlmError(`${where} is empty`)
      if (value.length > limits[field])
        throw new LlmError(`${where} is ${value.length} characters, over the limit of ${limits[field]}`)
      const shares = scriptShares(value)
      const scriptOk = language === 'ru' ? shares.cyrillic >= 0.6 : shares.latin >= 0.6 && shares.cyrillic < 0.1
      const guess = value.replace(/[^\p{L}]/gu, '').length >= 40 ? detectLanguage(value) : undefined
      if (!scriptOk || (guess && (!guess.ok || guess.language !== language)))
        throw new LlmError(`${where} is not in ${LANGUAGE_NAMES[language]}`)
      result[language][field] = value
    }
  }
  return result
}

export function createOpenAiProvider(options: OpenAiOptions): SummaryProvider {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`
  const timeoutMs = options.timeoutMs ?? 30_000
  return {
    name: `openai-compatible ${options.model}`,
    async bilingual(article) {
      let response: Response
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          signal: AbortSignal.timeout(timeoutMs),
          headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
          body: JSON.stringify({
            model: options.model,
            messages: prompt(article, options.maxBodyChars ?? 6000),
            response_format: { type: 'json_object' },
            temperature: 0.2,
          }),
        })
      }
      catch (error) {
        throw new LlmError((error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `request failed: ${(error as Error).message}`)
      }
      if (!response.ok)
        throw new LlmError(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`)
      const completion = await response.json().catch(() => undefined) as { choices?: Array<{ message?: { content?: string } }> } | undefined
      const content = completion?.choices?.[0]?.message?.content
      if (typeof content !== 'string')
        throw new LlmError('the completion has no message content')
      let answer: unknown
      try {
        // some servers wrap JSON in a Markdown code fence despite response_format
        answer = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''))
      }
      catch {
        throw new LlmError('the answer is not valid JSON')
      }
      return validateBilingual(answer)
    },
  }
}
