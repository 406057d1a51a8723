// A fake OpenAI-compatible chat-completions server on 127.0.0.1. Its flavour
// answers as that server does:
// - openai: Bearer key required (401 invalid_api_key), any model, json_schema and json_object;
// - ollama (http://localhost:11434/v1): no key checked, only pulled models (404
//   not_found_error "model \"x\" not found, try pulling it first"), json_schema
//   read as its native format, error bodies {"error":{"message","type","param","code"}};
// - llama.cpp (llama-server): key only when started with --api-key (401
//   authentication_error), any model name (it serves the one it loaded), error
//   bodies {"error":{"code","message","type"}};
// - llama.cpp-old: as llama.cpp before JSON schemas, which refuses json_schema
//   with 400 'response_format type must be one of "text" or "json_object"'.
// Each request is answered by the next queued behaviour, or by the default one.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type LlmBehaviour =
  | { kind: 'answer', content: string }
  | { kind: 'status', status: number, message: string }
  | { kind: 'hang' }
  /** a 200 whose body is `bytes` long (a broken or hostile server) */
  | { kind: 'huge', bytes: number, declareLength: boolean }

export type LlmFlavour = 'openai' | 'ollama' | 'llama.cpp' | 'llama.cpp-old'

export interface LlmRequest {
  authorization: string | undefined
  body: {
    model: string
    messages: Array<{ role: string, content: string }>
    response_format?: { type: string, json_schema?: { name?: string, strict?: boolean, schema?: unknown } }
    temperature?: number
  }
}

export const VALID_ANSWER = {
  en: { title: 'Kazakhstan and the US discuss Afghanistan', summary: 'A US envoy met Kazakh officials in Astana. They agreed to keep supporting the people of Afghanistan.', teaser: 'US envoy and Kazakh officials discuss Afghanistan.' },
  ru: { title: 'Казахстан и США обсудили Афганистан', summary: 'Американский дипломат встретилась с казахстанскими чиновниками в Астане. Стороны договорились поддерживать народ Афганистана.', teaser: 'США и Казахстан обсудили помощь Афганистану.' },
}

export interface FakeLlmOptions {
  flavour?: LlmFlavour
  /** Ollama: the pulled models */
  models?: string[]
  /** the key the server wants (llama.cpp: only when set, as with --api-key) */
  apiKey?: string
}

export class FakeLlm {
  readonly requests: LlmRequest[] = []
  private queue: LlmBehaviour[] = []
  private server: Server | undefined
  private readonly flavour: LlmFlavour
  private readonly apiKey: string | undefined

  constructor(private readonly fallback: LlmBehaviour = { kind: 'answer', content: JSON.stringify(VALID_ANSWER) }, private readonly options: FakeLlmOptions = {}) {
    this.flavour = options.flavour ?? 'openai'
    this.apiKey = options.apiKey ?? (this.flavour === 'openai' ? 'test-key' : undefined)
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`
  }

  next(...behaviours: LlmBehaviour[]): void {
    this.queue.push(...behaviours)
  }

  /** The error body this flavour sends. */
  private error(status: number, message: string, type?: string): unknown {
    if (this.flavour === 'ollama')
      return { error: { message, type: type ?? (status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error'), param: null, code: null } }
    if (this.flavour.startsWith('llama.cpp'))
      return { error: { code: status, message, type: type ?? (status === 400 ? 'invalid_request_error' : status === 401 ? 'authentication_error' : 'server_error') } }
    return { error: { message, type: type ?? (status === 401 ? 'invalid_request_error' : 'server_error'), param: null, code: status === 401 ? 'invalid_api_key' : null } }
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      // a client that stops reading a huge answer closes the socket under us
      res.on('error', () => {})
      req.on('end', () => {
        const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
          return send(404, this.error(404, 'Not found'))
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LlmRequest['body']
        this.requests.push({ authorization: req.headers.authorization, body })
        if (this.apiKey !== undefined && req.headers.authorization !== `Bearer ${this.apiKey}`)
          return send(401, this.error(401, this.flavour.startsWith('llama.cpp') ? 'Invalid API Key' : 'Incorrect API key provided'))
        if (this.flavour === 'ollama' && !(this.options.models ?? ['qwen2.5:7b']).includes(body.model))
          return send(404, this.error(404, `model "${body.model}" not found, try pulling it first`))
        const type = body.response_format?.type
        if (this.flavour === 'llama.cpp-old' && type !== undefined && type !== 'text' && type !== 'json_object')
          return send(400, this.error(400, `response_format type must be one of "text" or "json_object", but got: ${type}`))
        const behaviour = this.queue.shift() ?? this.fallback
        if (behaviour.kind === 'hang')
          return
        if (behaviour.kind === 'status')
          return send(behaviour.status, this.error(behaviour.status, behaviour.message))
        if (behaviour.kind === 'huge') {
          const filler = Buffer.alloc(behaviour.bytes, 'x')
          res.writeHead(200, { 'content-type': 'application/json', ...(behaviour.declareLength ? { 'content-length': String(behaviour.bytes) } : {}) })
          return res.end(filler)
        }
        return send(200, {
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          // llama.cpp answers with the model it loaded, whatever was asked
          model: this.flavour.startsWith('llama.cpp') ? 'qwen2.5-7b-instruct-q4_k_m.gguf' : body.model,
          ...(this.flavour === 'ollama' ? { system_fingerprint: 'fp_ollama' } : {}),
          choices: [{ index: 0, message: { role: 'assistant', content: behaviour.content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        })
      })
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    return this
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }
}
