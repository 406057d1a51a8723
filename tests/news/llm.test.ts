import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAiProvider, LlmError, validateBilingual } from '#root/news/llm.js'
import { ENGLISH_BODY } from '../helpers/seeds.js'
import { FakeLlm, VALID_ANSWER } from '../helpers/fake-llm.js'

const ARTICLE = { title: 'Karen Decker\'s Talks with Kazakh Officials', body: ENGLISH_BODY.join('\n\n'), language: 'en' as const }

describe('OpenAI-compatible provider', () => {
  let llm: FakeLlm

  beforeAll(async () => {
    llm = await new FakeLlm().start()
  })
  afterAll(() => llm.close())

  const provider = (timeoutMs = 2000) => createOpenAiProvider({ baseUrl: llm.baseUrl, apiKey: 'test-key', model: 'test-model', timeoutMs })

  it('should ask once for JSON with both target languages named, and return the validated texts', async () => {
    const before = llm.requests.length
    await expect(provider().bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
    expect(llm.requests).toHaveLength(before + 1)
    const request = llm.requests.at(-1)!
    expect(request.authorization).toBe('Bearer test-key')
    expect(request.body.model).toBe('test-model')
    expect(request.body.response_format).toEqual({ type: 'json_object' })
    const prompt = request.body.messages.map(m => m.content).join('\n')
    expect(prompt).toContain('English')
    expect(prompt).toContain('Russian')
    expect(prompt).toContain('Afghanistan will not be forgotten')
  })

  it('should refuse a Russian field written in English', async () => {
    llm.next({ kind: 'answer', content: JSON.stringify({ ...VALID_ANSWER, ru: VALID_ANSWER.en }) })
    await expect(provider().bilingual(ARTICLE)).rejects.toThrow(/ru\.title is not in Russian/)
  })

  it('should refuse malformed JSON', async () => {
    llm.next({ kind: 'answer', content: '{"en": {"title": "broken' })
    await expect(provider().bilingual(ARTICLE)).rejects.toThrow(new LlmError('the answer is not valid JSON'))
  })

  it('should give up after its timeout', async () => {
    llm.next({ kind: 'hang' })
    await expect(provider(300).bilingual(ARTICLE)).rejects.toThrow(/no answer within 0.3 s/)
  })

  it('should report a server error with its status', async () => {
    llm.next({ kind: 'status', status: 500, message: 'The server had an error while processing your request.' })
    await expect(provider().bilingual(ARTICLE)).rejects.toThrow(/HTTP 500/)
  })

  it('should report a wrong API key', async () => {
    const wrong = createOpenAiProvider({ baseUrl: llm.baseUrl, apiKey: 'nope', model: 'm' })
    await expect(wrong.bilingual(ARTICLE)).rejects.toThrow(/HTTP 401/)
  })
})

describe('validateBilingual', () => {
  it('should refuse empty, over-long and missing fields', () => {
    expect(() => validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, teaser: ' ' } })).toThrow('en.teaser is empty')
    expect(() => validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, summary: 'word '.repeat(80) } })).toThrow(/en\.summary is \d+ characters, over the limit of 320/)
    expect(() => validateBilingual({ en: VALID_ANSWER.en })).toThrow(/expected fields \(ru\)/)
  })

  it('should accept a fenced JSON answer\'s content once parsed and trim whitespace', () => {
    expect(validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, title: `  ${VALID_ANSWER.en.title}\n` } }).en.title).toBe(VALID_ANSWER.en.title)
  })
})
