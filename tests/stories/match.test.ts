import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { processArticle } from '#root/news/process.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'
import { SEEDS_DIR } from '#root/news/seed.js'
import { createStoryContext, dayNumber } from '#root/stories/context.js'
import { storyFeatures } from '#root/stories/features.js'
import { chooseStory, joins, scorePair, type StoryArticle } from '#root/stories/match.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'stories')
const topics = JSON.parse(readFileSync(join(SEEDS_DIR, 'topics.json'), 'utf8')) as TopicTerms[]
const matcher = createTopicMatcher(topics)
const context = createStoryContext(topics)

function report(file: string, publishedAt?: Date): StoryArticle {
  const processed = processArticle({ text: readFileSync(join(FIXTURES, file), 'utf8'), publishedAt }, { topics: matcher })
  if (!processed.ok)
    throw new Error(`${file}: ${processed.rejection.detail}`)
  const { article } = processed
  return { language: article.language, day: dayNumber(article.publishedAt!), features: storyFeatures(article) }
}

const together = (a: string, b: string) => joins(scorePair(report(a), report(b), context))

describe('whether two reports tell one event', () => {
  it('should pair two English outlets telling it in different words', () => {
    expect(together('aid-convoy-en.txt', 'aid-convoy-en-2.txt')).toBe(true)
  })

  it('should pair English and Russian reports by names, numbers and dates, with no translation', () => {
    expect(together('aid-convoy-en.txt', 'aid-convoy-ru.txt')).toBe(true)
    expect(together('aid-convoy-en-2.txt', 'aid-convoy-ru.txt')).toBe(true)
    expect(together('kambarata-en.txt', 'kambarata-ru.txt')).toBe(true)
  })

  it('should keep apart a second aid convoy two days later, over the same bridge, from the same ministry', () => {
    for (const first of ['aid-convoy-en.txt', 'aid-convoy-en-2.txt', 'aid-convoy-ru.txt'])
      expect(together(first, 'aid-second-en.txt'), first).toBe(false)
  })

  it('should keep apart the next day\'s study of the same dam, and two things one president did on one day', () => {
    expect(together('kambarata-ru.txt', 'kambarata-study-ru.txt')).toBe(false)
    expect(together('kambarata-en.txt', 'kambarata-study-ru.txt')).toBe(false)
    expect(together('tokayev-china-en.txt', 'tokayev-media-law-en.txt')).toBe(false)
  })

  it('should weigh a name many stories of those days share less than a rare one', () => {
    const a = report('aid-convoy-en.txt')
    const b = report('aid-convoy-ru.txt')
    const alone = scorePair(a, b, context)
    const crowded = scorePair(a, b, { ...context, storyCounts: new Map(b.features.names.flatMap(n => n.split(' ')).map(key => [key, 40])) })
    expect(crowded.names).toBeLessThan(alone.names / 2)
  })
})

describe('choosing the story to join', () => {
  const english = report('aid-convoy-en.txt')
  const candidate = (storyId: number, from: StoryArticle, storyFirstDay = from.day) => ({ ...from, storyId, storyFirstDay })

  it('should join the story whose report matches, not one of another event', () => {
    const chosen = chooseStory(report('aid-convoy-ru.txt'), [candidate(7, report('kambarata-en.txt')), candidate(3, english)], context)
    expect(chosen?.storyId).toBe(3)
  })

  it('should not join a report published more than two days apart, however alike', () => {
    const later = report('aid-convoy-ru.txt', new Date('2025-03-16T00:00:00Z'))
    expect(chooseStory(later, [candidate(3, english)], context)).toBeUndefined()
  })

  it('should not let a story that began days earlier take more reports', () => {
    const ru = report('aid-convoy-ru.txt')
    expect(chooseStory(ru, [candidate(3, english, english.day - 4)], context)).toBeUndefined()
  })
})
