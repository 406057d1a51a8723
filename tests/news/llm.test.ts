import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANSWER_SCHEMA, createOpenAiProvider, LlmError, MAX_RESPONSE_BYTES, validateBilingual } from '#root/news/llm.js'
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

  it('should ask once for structured output with both target languages named, at a low temperature, and return the validated texts', async () => {
    const before = llm.requests.length
    await expect(provider().bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
    expect(llm.requests).toHaveLength(before + 1)
    const request = llm.requests.at(-1)!
    expect(request.authorization).toBe('Bearer test-key')
    expect(request.body.model).toBe('test-model')
    expect(request.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'bilingual_digest_item', strict: true, schema: ANSWER_SCHEMA } })
    expect(request.body.temperature).toBe(0.2)
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

  it('should report a wrong API key with the server\'s message', async () => {
    const wrong = createOpenAiProvider({ baseUrl: llm.baseUrl, apiKey: 'nope', model: 'm' })
    await expect(wrong.bilingual(ARTICLE)).rejects.toThrow('HTTP 401: Incorrect API key provided')
  })

  it('should send the configured temperature', async () => {
    await createOpenAiProvider({ baseUrl: llm.baseUrl, apiKey: 'test-key', model: 'm', temperature: 0 }).bilingual(ARTICLE)
    expect(llm.requests.at(-1)!.body.temperature).toBe(0)
  })

  it.each([true, false])('should refuse an answer over the size cap unread (length declared: %s), and keep working', async (declareLength) => {
    llm.next({ kind: 'huge', bytes: 2_000_000, declareLength })
    await expect(provider().bilingual(ARTICLE)).rejects.toThrow(new LlmError(`the answer is larger than ${MAX_RESPONSE_BYTES / 1024} kB`))
    await expect(provider().bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
  })
})

describe('local servers', () => {
  it('should talk to Ollama: its model names, structured output, its 404 for a model not pulled', async () => {
    const ollama = await new FakeLlm(undefined, { flavour: 'ollama', models: ['qwen2.5:7b'] }).start()
    try {
      const local = (model: string) => createOpenAiProvider({ baseUrl: ollama.baseUrl, model })
      await expect(local('qwen2.5:7b').bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
      expect(ollama.requests.at(-1)!.body.response_format?.type).toBe('json_schema')
      expect(ollama.requests.at(-1)!.authorization).toBeUndefined()
      await expect(local('llama3').bilingual(ARTICLE)).rejects.toThrow('HTTP 404: model "llama3" not found, try pulling it first')
    }
    finally {
      await ollama.close()
    }
  })

  it('should talk to llama.cpp server whatever the model is called, and report its own 401', async () => {
    const server = await new FakeLlm(undefined, { flavour: 'llama.cpp', apiKey: 'secret' }).start()
    try {
      await expect(createOpenAiProvider({ baseUrl: server.baseUrl, apiKey: 'secret', model: 'local' }).bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
      await expect(createOpenAiProvider({ baseUrl: server.baseUrl, model: 'local' }).bilingual(ARTICLE)).rejects.toThrow('HTTP 401: Invalid API Key')
    }
    finally {
      await server.close()
    }
  })

  it('should fall back to JSON mode once a server refuses JSON schemas, and stay there', async () => {
    const old = await new FakeLlm(undefined, { flavour: 'llama.cpp-old' }).start()
    try {
      const provider = createOpenAiProvider({ baseUrl: old.baseUrl, model: 'local' })
      await expect(provider.bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
      await expect(provider.bilingual(ARTICLE)).resolves.toEqual(VALID_ANSWER)
      expect(old.requests.map(r => r.body.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object'])
    }
    finally {
      await old.close()
    }
  })

  it('should not fall back on a refusal that is not about the format', async () => {
    const server = await new FakeLlm(undefined, { flavour: 'llama.cpp' }).start()
    try {
      server.next({ kind: 'status', status: 400, message: 'the request exceeds the available context size, try increasing it' })
      await expect(createOpenAiProvider({ baseUrl: server.baseUrl, model: 'local' }).bilingual(ARTICLE)).rejects.toThrow(/HTTP 400: the request exceeds the available context size/)
      expect(server.requests).toHaveLength(1)
    }
    finally {
      await server.close()
    }
  })
})

describe('validateBilingual', () => {
  it('should refuse empty, over-long and missing fields', () => {
    expect(() => validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, teaser: ' ' } })).toThrow('en.teaser is empty')
    expect(() => validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, summary: 'word '.repeat(80) } })).toThrow(/en\.summary is \d+ characters, over the limit of 320/)
    expect(() => validateBilingual({ en: VALID_ANSWER.en })).toThrow(/expected fields \(ru\)/)
  })

  it('should refuse a summary that begins by repeating its title, or the article\'s own', () => {
    expect(() => validateBilingual({ ...VALID_ANSWER, ru: { ...VALID_ANSWER.ru, summary: `${VALID_ANSWER.ru.title}. Стороны договорились поддерживать народ Афганистана.` } })).toThrow('ru.summary repeats the title')
    const own = { title: 'A US envoy met Kazakh officials in Astana', language: 'en' as const }
    expect(() => validateBilingual(VALID_ANSWER, own)).toThrow('en.summary repeats the title')
    expect(validateBilingual(VALID_ANSWER, { title: 'Karen Decker\'s Talks with Kazakh Officials', language: 'en' })).toEqual(VALID_ANSWER)
  })

  it('should accept a fenced JSON answer\'s content once parsed and trim whitespace', () => {
    expect(validateBilingual({ ...VALID_ANSWER, en: { ...VALID_ANSWER.en, title: `  ${VALID_ANSWER.en.title}\n` } }).en.title).toBe(VALID_ANSWER.en.title)
  })
})
