// A fake OpenAI-compatible chat-completions server on 127.0.0.1 (the shape OpenAI,
// Ollama, vLLM and llama.cpp answer with). Each request is answered by the next
// queued behaviour, or by the default one.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type LlmBehaviour =
  | { kind: 'answer', content: string }
  | { kind: 'status', status: number, message: string }
  | { kind: 'hang' }

export interface LlmRequest {
  authorization: string | undefined
  body: { model: string, messages: Array<{ role: string, content: string }>, response_format?: { type: string } }
}

export const VALID_ANSWER = {
  en: { title: 'Kazakhstan and the US discuss Afghanistan', summary: 'A US envoy met Kazakh officials in Astana. They agreed to keep supporting the people of Afghanistan.', teaser: 'US envoy and Kazakh officials discuss Afghanistan.' },
  ru: { title: 'Казахстан и США обсудили Афганистан', summary: 'Американский дипломат встретилась с казахстанскими чиновниками в Астане. Стороны договорились поддерживать народ Афганистана.', teaser: 'США и Казахстан обсудили помощь Афганистану.' },
}

export class FakeLlm {
  readonly requests: LlmRequest[] = []
  private queue: LlmBehaviour[] = []
  private server: Server | undefined

  constructor(private readonly fallback: LlmBehaviour = { kind: 'answer', content: JSON.stringify(VALID_ANSWER) }, private readonly apiKey = 'test-key') {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`
  }

  next(...behaviours: LlmBehaviour[]): void {
    this.queue.push(...behaviours)
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
          return send(404, { error: { message: 'Not found', type: 'invalid_request_error' } })
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LlmRequest['body']
        this.requests.push({ authorization: req.headers.authorization, body })
        if (req.headers.authorization !== `Bearer ${this.apiKey}`)
          return send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } })
        const behaviour = this.queue.shift() ?? this.fallback
        if (behaviour.kind === 'hang')
          return
        if (behaviour.kind === 'status')
          return send(behaviour.status, { error: { message: behaviour.message, type: 'server_error' } })
        return send(200, {
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
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
