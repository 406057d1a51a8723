// The other language: an OpenAI-compatible chat-completions endpoint (OpenAI,
// Ollama, vLLM, llama.cpp server) asked once per article for title, summary and
// teaser in English and Russian, as structured output (a JSON schema; plain JSON
// mode for servers that refuse schemas). Every answer is validated and read up
// to a size cap; any failure throws an LlmError and the caller keeps the
// extractive result.
import { z } from 'zod'
import { detectLanguage } from '#root/news/language.js'
import { MAX_TITLE } from '#root/news/metadata.js'
import { MAX_SUMMARY, MAX_TEASER, opensWith } from '#root/news/summarize.js'
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
  /** sampling temperature; low, for faithful summaries (Ollama's own default is 1.0) */
  temperature?: number
  /** a bigger answer is refused unread */
  maxResponseBytes?: number
}

export const DEFAULT_TEMPERATURE = 0.2
/** a bilingual answer is about 1 kB; a server sending more than this is not answering */
export const MAX_RESPONSE_BYTES = 256 * 1024
/** how much of an error body is read for its message */
const MAX_ERROR_BYTES = 4096

const fieldSchema = z.object({ title: z.string(), summary: z.string(), teaser: z.string() })
const answerSchema = z.object({ en: fieldSchema, ru: fieldSchema })

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' }

// The answer's shape as a JSON schema (OpenAI's strict structured outputs, Ollama's
// format, llama.cpp's grammar). Lengths are asked in the prompt and checked after:
// strict mode does not accept maxLength.
const FIELD_SCHEMA = {
  type: 'object',
  properties: { title: { type: 'string' }, summary: { type: 'string' }, teaser: { type: 'string' } },
  required: ['title', 'summary', 'teaser'],
  additionalProperties: false,
}
export const ANSWER_SCHEMA = {
  type: 'object',
  properties: { en: FIELD_SCHEMA, ru: FIELD_SCHEMA },
  required: ['en', 'ru'],
  additionalProperties: false,
}
const STRUCTURED = { type: 'json_schema', json_schema: { name: 'bilingual_digest_item', strict: true, schema: ANSWER_SCHEMA } }
const JSON_MODE = { type: 'json_object' }
// what a server that does not know JSON schemas says (llama.cpp before schema support:
// 'response_format type must be one of "text" or "json_object", but got: json_schema')
const SCHEMA_REFUSED = /response_format|json_schema/iu

function prompt(article: { title: string, body: string, language: Language }, maxBodyChars: number) {
  const system = [
    'You are a news editor who writes short, neutral, factual news digests in English and Russian.',
    'Answer with one JSON object and nothing else, in exactly this shape:',
    '{"en":{"title":"...","summary":"...","teaser":"..."},"ru":{"title":"...","summary":"...","teaser":"..."}}',
    `"en" fields must be written in English. "ru" fields must be written in Russian (Cyrillic).`,
    `title: at most ${MAX_TITLE} characters. summary: one or two complete sentences, at most ${MAX_SUMMARY} characters.`,
    `teaser: one short sentence, at most ${MAX_TEASER} characters. Use only facts stated in the article.`,
    'The summary must not repeat the title: it goes on from it.',
  ].join('\n')
  const user = `The article below is in ${LANGUAGE_NAMES[article.language]}. Write the English and the Russian title, summary and teaser.\n\nTitle: ${article.title}\n\n${article.body.slice(0, maxBodyChars)}`
  return [{ role: 'system', content: system }, { role: 'user', content: user }]
}

/**
 * Checks each field: present, within its limit, in its language's script and
 * language; and that no summary begins by repeating its title (the article's own
 * title in its language, when given).
 */
export function validateBilingual(answer: unknown, original?: { title: string, language: Language }): Bilingual {
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
    const title = language === original?.language ? original.title : result[language].title
    if (opensWith(result[language].summary, title))
      throw new LlmError(`${language}.summary repeats the title`)
  }
  return result
}

/**
 * The body as text, at most `maxBytes` of it; a longer body is cancelled unread
 * and throws (a hostile or broken server cannot make us buffer megabytes).
 */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new LlmError(`the answer is larger than ${Math.round(maxBytes / 1024)} kB`)
  }
  if (!response.body)
    return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new LlmError(`the answer is larger than ${Math.round(maxBytes / 1024)} kB`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The readable part of an error body: OpenAI, Ollama and llama.cpp all put it at error.message. */
function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string }
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message
    if (typeof message === 'string')
      return message.slice(0, 200)
  }
  catch {
    // not JSON: the text itself
  }
  return text.slice(0, 200)
}

/** The answer's JSON: the content without a Markdown fence some servers add despite response_format. */
function answerJson(content: string): unknown {
  let text = content.trim()
  if (text.startsWith('```')) {
    text = text.slice(3).replace(/^json\s/iu, '')
    if (text.endsWith('```'))
      text = text.slice(0, -3)
  }
  try {
    return JSON.parse(text)
  }
  catch {
    throw new LlmError('the answer is not valid JSON')
  }
}

export function createOpenAiProvider(options: OpenAiOptions): SummaryProvider {
  const endpoint = `${options.baseUrl.replace(/(?<!\/)\/+$/u, '')}/chat/completions`
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES
  // structured output until the server refuses JSON schemas; then JSON mode for good
  let structured = true

  async function complete(article: { title: string, body: string, language: Language }, responseFormat: object): Promise<Response> {
    try {
      return await fetch(endpoint, {
        method: 'POST',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify({
          model: options.model,
          messages: prompt(article, options.maxBodyChars ?? 6000),
          response_format: responseFormat,
          temperature: options.temperature ?? DEFAULT_TEMPERATURE,
          stream: false,
        }),
      })
    }
    catch (error) {
      throw new LlmError((error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `request failed: ${(error as Error).message}`)
    }
  }

  return {
    name: `openai-compatible ${options.model}`,
    async bilingual(article) {
      let response = await complete(article, structured ? STRUCTURED : JSON_MODE)
      if (!response.ok && structured && [400, 422, 500].includes(response.status)) {
        const message = errorMessage(await readCapped(response, MAX_ERROR_BYTES).catch(() => ''))
        if (!SCHEMA_REFUSED.test(message))
          throw new LlmError(`HTTP ${response.status}: ${message}`)
        structured = false
        response = await complete(article, JSON_MODE)
      }
      if (!response.ok)
        throw new LlmError(`HTTP ${response.status}: ${errorMessage(await readCapped(response, MAX_ERROR_BYTES).catch(() => ''))}`)
      let completion: { choices?: Array<{ message?: { content?: unknown } }> } | undefined
      try {
        completion = JSON.parse(await readCapped(response, maxBytes)) as typeof completion
      }
      catch (error) {
        if (error instanceof LlmError)
          throw error
        throw new LlmError((error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : 'the completion is not valid JSON')
      }
      const content = completion?.choices?.[0]?.message?.content
      if (typeof content !== 'string')
        throw new LlmError('the completion has no message content')
      return validateBilingual(answerJson(content), { title: article.title, language: article.language })
    },
  }
}
