import { InlineKeyboard } from 'grammy'
import type { Topic } from '#root/news/topic-directory.js'
import type { Language } from '#root/news/types.js'

/** Every topic as a toggle button, two a row, ✅ on the chosen ones. */
export function topicsKeyboard(topics: Topic[], chosen: ReadonlySet<number>, language: Language, prefix: string, done?: { text: string, data: string }): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  topics.forEach((topic, i) => {
    const name = language === 'ru' ? topic.nameRu : topic.nameEn
    keyboard.text(`${chosen.has(topic.id) ? '✅ ' : ''}${name}`, `${prefix}:${topic.id}`)
    if (i % 2 === 1)
      keyboard.row()
  })
  if (done)
    keyboard.row().text(done.text, done.data)
  return keyboard
}
