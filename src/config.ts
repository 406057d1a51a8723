// Environment parsed once into a typed, mode-discriminated config.
import { z } from 'zod'
import { urlPassword } from '#root/redact.js'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Whether Intl knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  }
  catch {
    return false
  }
}

const optionalString = z.string().trim().optional().transform(v => (v === '' ? undefined : v))

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` })

const envSchema = z.object({
  BOT_TOKEN: optionalString.pipe(
    z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF... (the token from @BotFather)').optional(),
  ),
  TELEGRAM_API_ROOT: optionalString.pipe(httpUrl('e.g. https://api.telegram.org').optional())
    .transform(v => (v ?? 'https://api.telegram.org').replace(/\/+$/, '')),
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql://user:password@host:port/database URL').optional(),
  ),
  DATA_DIR: optionalString.transform(v => v ?? './data'),
  ADMIN_IDS: optionalString.pipe(
    z.string().regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated numeric Telegram user ids, e.g. 12345,67890').optional(),
  ).transform(v => (v ? v.split(',').map(id => Number(id.trim())) : [])),
  WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https$/, error: 'must be an https:// URL reachable by Telegram' }).optional()),
  WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[\w-]{12,256}$/, 'must be 12-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  ),
  PORT: optionalString.pipe(
    z.string().regex(/^\d+$/, 'must be a port number from 1 to 65535').optional(),
  ).transform(v => (v === undefined ? 8080 : Number(v))).pipe(z.number().int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535')),
  METRICS_PORT: optionalString.pipe(
    z.string().regex(/^\d+$/, 'must be a port number from 1 to 65535').optional(),
  ).transform(v => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535').optional()),
  DEFAULT_TIMEZONE: optionalString.transform(v => v ?? 'UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as UTC, Europe/Moscow or Asia/Almaty'),
  DEFAULT_DIGEST_TIME: optionalString.transform(v => v ?? '09:00')
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM, e.g. 09:00')),
  LLM_BASE_URL: optionalString.pipe(httpUrl('an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1').optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TEMPERATURE: optionalString.transform(v => v ?? '0.2')
    .pipe(z.string().regex(/^\d(\.\d+)?$/, 'must be a number from 0 to 2, e.g. 0.2').transform(Number))
    .pipe(z.number().max(2, 'must be a number from 0 to 2, e.g. 0.2')),
  DIGEST_CATCH_UP: optionalString.transform(v => v ?? '6')
    .pipe(z.string().regex(/^\d{1,2}$/, 'must be a whole number of hours from 0 to 48').transform(Number))
    .pipe(z.number().max(48, 'must be a whole number of hours from 0 to 48')),
  // "unlimited" is for capacity tests against a fake Bot API: Telegram would answer 429
  BROADCAST_RATE: optionalString.transform(v => v ?? '30')
    .pipe(z.string().regex(/^(\d{1,4}|unlimited)$/, 'must be messages per second, from 1 to 1000')
      .refine(v => v === 'unlimited' || (Number(v) >= 1 && Number(v) <= 1000), 'must be messages per second, from 1 to 1000')
      .transform(v => (v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v)))),
  DELIVERY: optionalString.transform(v => v ?? 'on')
    .pipe(z.enum(['on', 'off'], { error: 'must be on (this process sends digests and pushes) or off (it only answers updates)' }).transform(v => v === 'on')),
  ALLOW_PAID_BROADCAST: optionalString.transform(v => v ?? 'false')
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).transform(v => v === 'true')),
  FETCH_ALLOW_PRIVATE: optionalString.transform(v => v ?? 'false')
    .pipe(z.enum(['true', 'false'], { error: 'must be true (links may point to local and private addresses) or false' }).transform(v => v === 'true')),
  LOG_LEVEL: optionalString.transform(v => v ?? 'info')
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
})

type Env = z.output<typeof envSchema>

function toConfig(env: Env) {
  const base = {
    telegramApiRoot: env.TELEGRAM_API_ROOT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    adminIds: env.ADMIN_IDS,
    defaultTimeZone: env.DEFAULT_TIMEZONE,
    defaultDigestTime: env.DEFAULT_DIGEST_TIME,
    llm: env.LLM_BASE_URL ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL ?? 'gpt-4o-mini', temperature: env.LLM_TEMPERATURE, timeoutMs: 30_000 } : undefined,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    /** health and metrics in long-polling mode (webhook mode serves them on `port`) */
    metricsPort: env.METRICS_PORT,
    digestCatchUpHours: env.DIGEST_CATCH_UP,
    broadcastRate: env.BROADCAST_RATE,
    delivery: env.DELIVERY,
    allowPaidBroadcast: env.ALLOW_PAID_BROADCAST,
    fetchAllowPrivate: env.FETCH_ALLOW_PRIVATE,
    /** values the logger must never write (redact.ts also knows tokens and URL passwords by their shape) */
    secrets: [env.BOT_TOKEN, urlPassword(env.DATABASE_URL), env.LLM_API_KEY, urlPassword(env.LLM_BASE_URL), env.WEBHOOK_SECRET]
      .filter((s): s is string => s !== undefined),
  }
  if (!env.BOT_TOKEN)
    return { ...base, botMode: 'console' as const }
  if (env.WEBHOOK_URL) {
    if (!env.WEBHOOK_SECRET)
      throw new ConfigError('Invalid WEBHOOK_SECRET: must be set (12-256 characters of A-Z, a-z, 0-9, _ and -) when WEBHOOK_URL is set')
    return { ...base, botMode: 'webhook' as const, botToken: env.BOT_TOKEN, webhookUrl: env.WEBHOOK_URL, webhookSecret: env.WEBHOOK_SECRET }
  }
  return { ...base, botMode: 'polling' as const, botToken: env.BOT_TOKEN }
}

export type Config = ReturnType<typeof toConfig>
export type ConsoleConfig = Extract<Config, { botMode: 'console' }>
export type PollingConfig = Extract<Config, { botMode: 'polling' }>
export type WebhookConfig = Extract<Config, { botMode: 'webhook' }>

// Never echo these back: they are credentials.
const SECRETS = new Set(['BOT_TOKEN', 'DATABASE_URL', 'WEBHOOK_SECRET', 'LLM_API_KEY'])

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment; a bad value throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const issue = result.error.issues[0]
    const name = String(issue?.path[0] ?? 'environment')
    const value = SECRETS.has(name) ? undefined : env[name]
    throw new ConfigError(`Invalid ${name}${value === undefined ? '' : ` (${JSON.stringify(value)})`}: ${issue?.message ?? 'invalid value'}`, { cause: result.error })
  }
  return toConfig(result.data)
}
