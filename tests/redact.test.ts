// Secrets never reach a log line: the bot token inside grammY's request URLs
// and errors, passwords in connection URLs, API keys.
import { Api, HttpError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '#root/config.js'
import { createLogger } from '#root/logger.js'
import { redactor } from '#root/redact.js'
import { FAKE_TOKEN } from './helpers/fake-bot-api.js'

const TOKEN_SECRET = FAKE_TOKEN.split(':')[1]!

function capturingLogger(secrets: string[] = []) {
  const lines: string[] = []
  const logger = createLogger('debug', { pretty: false, secrets, destination: { write: (line: string) => lines.push(line) } })
  return { logger, text: () => lines.join('') }
}

describe('redaction', () => {
  it('should remove bot tokens, URL passwords and known secrets from any text', () => {
    const redact = redactor(['sk-live-0123456789', 'pa"ss word'])
    const text = redact([
      `GET https://api.telegram.org/bot${FAKE_TOKEN}/getMe failed`,
      `token ${FAKE_TOKEN} leaked`,
      'postgresql://bot:hunter2secret@db.internal:5432/news',
      'http://user:llm-pass@127.0.0.1:11434/v1',
      'Authorization: Bearer sk-live-0123456789',
      JSON.stringify({ password: 'pa"ss word' }),
    ].join('\n'))
    for (const secret of [TOKEN_SECRET, 'hunter2secret', 'llm-pass', 'sk-live-0123456789', 'pa\\"ss word'])
      expect(text).not.toContain(secret)
    expect(text).toContain('https://api.telegram.org/bot<redacted>/getMe failed')
    expect(text).toContain('postgresql://bot:<redacted>@db.internal:5432/news')
  })

  it('should never write the token of a failed Bot API call, however deep the error nests it', async () => {
    const { logger, text } = capturingLogger()
    // a real grammY request to a port nothing listens on: its HttpError carries the URL
    const api = new Api(FAKE_TOKEN, { apiRoot: 'http://127.0.0.1:9' })
    const error = await api.getMe().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    logger.error({ msg: 'Update failed', err: error, nested: { url: `http://127.0.0.1:9/bot${FAKE_TOKEN}/getMe` } })
    logger.warn(`plain message with /bot${FAKE_TOKEN}/sendMessage`)
    expect(text()).toContain('Update failed')
    expect(text()).not.toContain(TOKEN_SECRET)
  })

  it('should take the secrets of the configuration: database and LLM passwords, the API key, the webhook secret', () => {
    const config = parseConfig({
      BOT_TOKEN: FAKE_TOKEN,
      DATABASE_URL: 'postgresql://news:db-secret-42@127.0.0.1:5432/news',
      LLM_BASE_URL: 'http://llm-user:llm-secret-42@127.0.0.1:8080/v1',
      LLM_API_KEY: 'key-secret-4242',
      WEBHOOK_URL: 'https://bot.example/',
      WEBHOOK_SECRET: 'hook-secret-4242',
    })
    const { logger, text } = capturingLogger(config.secrets)
    logger.info({ msg: 'config', database: 'db-secret-42', llm: 'llm-secret-42', key: 'key-secret-4242', hook: 'hook-secret-4242' })
    for (const secret of ['db-secret-42', 'llm-secret-42', 'key-secret-4242', 'hook-secret-4242'])
      expect(text()).not.toContain(secret)
  })
})
