// The seed articles and what a person reading them sees as their parts.
import { readFileSync } from 'node:fs'

export const ENGLISH_SEED = readFileSync('seeds/000_f702c42390311232.txt', 'utf8')
export const RUSSIAN_SEED = readFileSync('seeds/003_d88397f3bf14cc62.txt', 'utf8')

const lines = (text: string) => text.split('\n').map(l => l.trim()).filter(Boolean)

/** The seven body paragraphs of the English seed, in order (lines 6-12 of its non-empty lines). */
export const ENGLISH_BODY = lines(ENGLISH_SEED).slice(5, 12)
/** The seven body paragraphs of the Russian seed (its first seven lines). */
export const RUSSIAN_BODY = lines(RUSSIAN_SEED).slice(0, 7)

export const ENGLISH_BOILERPLATE = [
  'top of page', 'Social Media', 'Latest', 'Taliban to Herat Business Owners', 'Taliban Bans Simultaneous Visits',
  'Execution of Flogging Sentence', 'Suspension of TV Broadcasts', 'Oct 15, 2024', 'News Reports', 'طالبان', 'Iran Arghwani',
  '01:17', 'Follow us', 'Instagram', 'Facebook', 'LinkedIn', 'YouTube', 'TikTok', 'bottom of page',
]

export const RUSSIAN_BOILERPLATE = [
  'Читайте нас в Telegram', 'Свои вопросы', '+992', 'Топ полезных таджикских блюд', 'Как не стать жертвой',
  'Бычьи знамена', 'Ужесточите наказание', 'Салом алейкум', '24 ноября 2024', 'простатита', 'ООН: В 2024 году',
  'От настольных солнечных', '5 чудес Китая', 'СМИ: Трамп', 'Все новости', 'Авторизуйтесь, пожалуйста',
]
