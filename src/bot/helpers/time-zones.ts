// /tz accepts IANA names in any case and city names in English or Russian;
// /time accepts H:MM or HH.MM in 24-hour form.
import { isTimeZone } from '#root/config.js'

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/

/** The digest time a user means, as HH:MM, or undefined. */
export function parseDigestTime(input: string): string | undefined {
  const match = TIME.exec(input.trim())
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined
}

/** The zones offered as buttons (channel settings): the region the news is about, and a few others. */
export const COMMON_TIME_ZONES = [
  'Asia/Almaty', 'Asia/Aqtobe', 'Asia/Tashkent', 'Asia/Bishkek', 'Asia/Dushanbe', 'Asia/Ashgabat',
  'Asia/Kabul', 'Asia/Karachi', 'Asia/Tehran', 'Asia/Dubai', 'Europe/Istanbul', 'Europe/Moscow',
  'Europe/Berlin', 'Europe/London', 'UTC', 'America/New_York',
]

const RUSSIAN_CITIES: Record<string, string> = {
  'алматы': 'Asia/Almaty', 'алма-ата': 'Asia/Almaty', 'астана': 'Asia/Almaty', 'нур-султан': 'Asia/Almaty',
  'москва': 'Europe/Moscow', 'санкт-петербург': 'Europe/Moscow', 'кабул': 'Asia/Kabul', 'ташкент': 'Asia/Tashkent',
  'бишкек': 'Asia/Bishkek', 'душанбе': 'Asia/Dushanbe', 'ашхабад': 'Asia/Ashgabat', 'тегеран': 'Asia/Tehran',
  'исламабад': 'Asia/Karachi', 'карачи': 'Asia/Karachi', 'пекин': 'Asia/Shanghai', 'шанхай': 'Asia/Shanghai',
  'актобе': 'Asia/Aqtobe', 'актау': 'Asia/Aqtau', 'уральск': 'Asia/Oral', 'атырау': 'Asia/Atyrau',
  'екатеринбург': 'Asia/Yekaterinburg', 'новосибирск': 'Asia/Novosibirsk', 'лондон': 'Europe/London',
  'берлин': 'Europe/Berlin', 'париж': 'Europe/Paris', 'нью-йорк': 'America/New_York', 'вашингтон': 'America/New_York',
  'стамбул': 'Europe/Istanbul', 'дубай': 'Asia/Dubai', 'киев': 'Europe/Kyiv', 'минск': 'Europe/Minsk',
}

const ENGLISH_CITIES: Record<string, string> = {
  'astana': 'Asia/Almaty', 'nur-sultan': 'Asia/Almaty', 'islamabad': 'Asia/Karachi', 'beijing': 'Asia/Shanghai',
  'washington': 'America/New_York', 'new york': 'America/New_York', 'saint petersburg': 'Europe/Moscow',
  'st petersburg': 'Europe/Moscow', 'delhi': 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', 'mumbai': 'Asia/Kolkata',
  'utc': 'UTC', 'gmt': 'UTC',
}

const normal = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/_/g, ' ')

let zones: Map<string, string> | undefined

function zoneIndex(): Map<string, string> {
  if (!zones) {
    zones = new Map()
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      zones.set(normal(zone), zone)
      const city = zone.split('/').at(-1)!
      if (!zones.has(normal(city)))
        zones.set(normal(city), zone)
    }
  }
  return zones
}

/** The IANA zone a user means, or undefined. */
export function resolveTimeZone(input: string): string | undefined {
  const key = normal(input)
  if (!key)
    return undefined
  const known = zoneIndex().get(key) ?? RUSSIAN_CITIES[key] ?? ENGLISH_CITIES[key]
  if (known)
    return known
  // names Intl accepts but does not list (e.g. links such as Asia/Calcutta)
  return /^[a-z]+\/[a-z_+-]+(?:\/[a-z_+-]+)?$/i.test(input.trim()) && isTimeZone(input.trim()) ? input.trim() : undefined
}
