import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '#root/config.js'

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ'

describe('parseConfig', () => {
  it('should give console mode and the documented defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual({
      botMode: 'console',
      telegramApiRoot: 'https://api.telegram.org',
      databaseUrl: undefined,
      dataDir: './data',
      adminIds: [],
      defaultTimeZone: 'UTC',
      defaultDigestTime: '09:00',
      llm: undefined,
      logLevel: 'info',
      port: 8080,
      metricsPort: undefined,
      digestCatchUpHours: 6,
      broadcastRate: 30,
      delivery: true,
      allowPaidBroadcast: false,
      fetchAllowPrivate: false,
      secrets: [],
    })
  })

  it('should take DELIVERY=off for update-only instances and BROADCAST_RATE=unlimited for capacity tests', () => {
    expect(parseConfig({ DELIVERY: 'off', BROADCAST_RATE: '1000' })).toMatchObject({ delivery: false, broadcastRate: 1000 })
    expect(parseConfig({ BROADCAST_RATE: 'unlimited' }).broadcastRate).toBe(Number.POSITIVE_INFINITY)
  })

  it('should let FETCH_ALLOW_PRIVATE=true open local and private addresses to fetches', () => {
    expect(parseConfig({ FETCH_ALLOW_PRIVATE: 'true' }).fetchAllowPrivate).toBe(true)
    expect(parseConfig({ FETCH_ALLOW_PRIVATE: 'false' }).fetchAllowPrivate).toBe(false)
  })

  it('should choose long polling with BOT_TOKEN and webhook mode with WEBHOOK_URL too', () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/' })).toMatchObject({
      botMode: 'polling', botToken: TOKEN, telegramApiRoot: 'http://127.0.0.1:9999',
    })
    expect(parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/', WEBHOOK_SECRET: 'a-secret-of-20-chars', PORT: '3000' })).toMatchObject({
      botMode: 'webhook', webhookUrl: 'https://bot.example.org/', webhookSecret: 'a-secret-of-20-chars', port: 3000,
    })
  })

  it('should parse ADMIN_IDS, the LLM settings and treat empty values as unset', () => {
    const config = parseConfig({ ADMIN_IDS: ' 12, 34 ', LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen', DATABASE_URL: '', LOG_LEVEL: '' })
    expect(config.adminIds).toEqual([12, 34])
    expect(config.llm).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, model: 'qwen', temperature: 0.2, timeoutMs: 30_000 })
    expect(config.databaseUrl).toBeUndefined()
    expect(config.logLevel).toBe('info')
  })

  it.each([
    [{ ADMIN_IDS: 'abc' }, /^Invalid ADMIN_IDS \("abc"\): must be comma-separated numeric Telegram user ids/],
    [{ PORT: '-1' }, /^Invalid PORT \("-1"\): must be a port number from 1 to 65535$/],
    [{ PORT: '70000' }, /^Invalid PORT \("70000"\): must be a port number from 1 to 65535$/],
    [{ DATABASE_URL: 'nonsense' }, /^Invalid DATABASE_URL: must be a postgresql:\/\//],
    [{ DEFAULT_TIMEZONE: 'Mars/Base' }, /^Invalid DEFAULT_TIMEZONE \("Mars\/Base"\): must be an IANA time zone/],
    [{ DEFAULT_DIGEST_TIME: '25:99' }, /^Invalid DEFAULT_DIGEST_TIME \("25:99"\): must be a 24-hour time HH:MM/],
    [{ BOT_TOKEN: 'not-a-token' }, /^Invalid BOT_TOKEN: must look like 123456:ABC-DEF/],
    [{ DIGEST_CATCH_UP: 'soon' }, /^Invalid DIGEST_CATCH_UP \("soon"\): must be a whole number of hours from 0 to 48$/],
    [{ BROADCAST_RATE: '0' }, /^Invalid BROADCAST_RATE \("0"\): must be messages per second, from 1 to 1000$/],
    [{ BROADCAST_RATE: '1001' }, /^Invalid BROADCAST_RATE \("1001"\): must be messages per second, from 1 to 1000$/],
    [{ BROADCAST_RATE: 'fast' }, /^Invalid BROADCAST_RATE \("fast"\): must be messages per second, from 1 to 1000$/],
    [{ LLM_TEMPERATURE: 'warm' }, /^Invalid LLM_TEMPERATURE \("warm"\): must be a number from 0 to 2, e\.g\. 0\.2$/],
    [{ LLM_TEMPERATURE: '3' }, /^Invalid LLM_TEMPERATURE \("3"\): must be a number from 0 to 2, e\.g\. 0\.2$/],
    [{ DELIVERY: 'maybe' }, /^Invalid DELIVERY \("maybe"\): must be on \(this process sends digests and pushes\) or off \(it only answers updates\)$/],
    [{ ALLOW_PAID_BROADCAST: 'yes' }, /^Invalid ALLOW_PAID_BROADCAST \("yes"\): must be true or false$/],
    [{ FETCH_ALLOW_PRIVATE: 'yes' }, /^Invalid FETCH_ALLOW_PRIVATE \("yes"\): must be true \(links may point to local and private addresses\) or false$/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid LOG_LEVEL \("loud"\): must be one of fatal, error/],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, /^Invalid TELEGRAM_API_ROOT \("ftp:\/\/x"\): must be an http\(s\) URL/],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/' }, /^Invalid WEBHOOK_SECRET: must be set/],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'http://insecure.example.org/', WEBHOOK_SECRET: 'a-secret-of-20-chars' }, /^Invalid WEBHOOK_URL \("http:\/\/insecure.example.org\/"\): must be an https:\/\/ URL/],
  ])('should reject %o with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError)
    expect(() => parseConfig(env)).toThrow(message)
  })

  it('should never echo a secret value back', () => {
    expect(() => parseConfig({ BOT_TOKEN: 'secret-value' })).not.toThrow(/secret-value/)
    expect(() => parseConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' })).not.toThrow(/hunter2/)
  })
})

describe('start-up with a bad value', () => {
  it('should stop with one clear line on stderr and exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DEFAULT_TIMEZONE: 'Mars/Base' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n').filter(l => !l.includes('npm warn'))).toEqual([
      'Invalid DEFAULT_TIMEZONE ("Mars/Base"): must be an IANA time zone such as UTC, Europe/Moscow or Asia/Almaty',
    ])
    expect(result.stdout).toBe('')
  })
})
