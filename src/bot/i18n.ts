import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import type { Context } from '#root/bot/context.js'
import type { Language } from '#root/news/types.js'

export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url))

/** Telegram's language_code -> our UI language: Russian for ru, English otherwise. */
export function uiLanguageFor(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/** The chat's interface language: the stored one, else the sender's Telegram language. */
export function localeOf(ctx: Pick<Context, 'chatSettings' | 'from'>): Language {
  return ctx.chatSettings?.uiLanguage ?? uiLanguageFor(ctx.from?.language_code)
}

export function createI18n() {
  return new I18n<Context>({
    defaultLocale: 'en',
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    // the chat's stored UI language wins over the sender's Telegram language
    localeNegotiator: localeOf,
  })
}
