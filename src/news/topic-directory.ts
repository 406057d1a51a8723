// The topic list in memory (it changes only at start-up): look-up by any of a
// topic's names, and the closest topics for a name that matches none.
import { distance } from 'fastest-levenshtein'
import type { Language } from '#root/news/types.js'
import { createTopicMatcher, type TopicTerms } from '#root/news/topics.js'

export interface Topic extends TopicTerms {
  id: number
}

const normal = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/[\s_-]+/g, ' ')

export function createTopicDirectory(topics: Topic[]) {
  const byId = new Map(topics.map(t => [t.id, t]))
  const byName = new Map<string, Topic>()
  for (const topic of topics) {
    for (const name of [topic.slug, topic.nameEn, topic.nameRu, ...topic.aliasesEn, ...topic.aliasesRu])
      byName.set(normal(name), topic)
  }
  const matcher = createTopicMatcher(topics)
  const sorted = [...topics].sort((a, b) => a.slug.localeCompare(b.slug))

  return {
    all: (): Topic[] => sorted,
    byId: (id: number): Topic | undefined => byId.get(id),
    bySlug: (slug: string): Topic | undefined => topics.find(t => t.slug === slug),

    /** The topic with exactly this name: slug, English or Russian name or alias, any case, `#hash_tag` form too. */
    named(name: string): Topic | undefined {
      return byName.get(normal(name.replace(/^#/, '')))
    },

    /** The topic a user means: slug, English or Russian name or alias, any case; word forms too ("Казахстана"). */
    resolve(name: string): Topic | undefined {
      const exact = byName.get(normal(name))
      if (exact)
        return exact
      const [best] = matcher.match({ title: name, paragraphs: [] })
      return best ? topics.find(t => t.slug === best.slug) : undefined
    },

    /** The `count` topics whose names are closest to `name` by edit distance. */
    closest(name: string, count = 3): Topic[] {
      const wanted = normal(name)
      const scored = topics.map((topic) => {
        const names = [topic.slug, topic.nameEn, topic.nameRu, ...topic.aliasesEn, ...topic.aliasesRu].map(normal)
        return { topic, score: Math.min(...names.map(n => distance(wanted, n) / Math.max(n.length, wanted.length))) }
      })
      return scored.sort((a, b) => a.score - b.score).slice(0, count).map(s => s.topic)
    },

    /** Topics named in free text, for search expansion. */
    mentioned(text: string): Topic[] {
      return matcher.match({ title: text, paragraphs: [] }).flatMap(m => topics.filter(t => t.slug === m.slug))
    },

    name(topic: Topic, language: Language): string {
      return language === 'ru' ? topic.nameRu : topic.nameEn
    },
  }
}

export type TopicDirectory = ReturnType<typeof createTopicDirectory>
