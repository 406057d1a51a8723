// What a digest holds: the one definition, used by /digest for one chat and by
// the planner for many chats at once (set-based). For each chat: the stories
// that began since its previous digest (a story that only gained another outlet
// since is not new) with a live report on one of its topics and no muted word
// in any report; ranked newest day first (undated after dated) and, within a day, by how many
// outlets reported them; at most 3 per topic (a story counts for its strongest
// subscribed topic) and 10 in all. `total` is how many qualified.
import { Prisma } from '#root/generated/prisma/client.js'

export const DIGEST_ITEMS = 10
export const DIGEST_PER_TOPIC = 3

/**
 * CTEs after `due AS (SELECT chat_id, since ...)`: ends with
 * `digest(chat_id, article_ids, total)`, the lead report of each chosen story in order.
 */
export function digestCtes(): Prisma.Sql {
  return Prisma.sql`
    recent AS MATERIALIZED (
      -- the stories any of these chats could get, found once for all of them
      SELECT s.id, s.lead_article_id, s.outlets, s.last_seen, s.dated, s.created_at,
             (SELECT string_agg(a.stems, '') FROM articles a WHERE a.story_id = s.id AND a.deleted_at IS NULL) AS stems
      FROM stories s
      WHERE s.created_at > (SELECT min(since) FROM due) AND cardinality(s.languages) > 0
    ), recent_topics AS MATERIALIZED (
      SELECT r.id AS story_id, t.topic_id, max(t.score) AS score
      FROM recent r JOIN articles a ON a.story_id = r.id AND a.deleted_at IS NULL JOIN article_topics t ON t.article_id = a.id
      GROUP BY r.id, t.topic_id
    ), chat_stories AS (
      SELECT DISTINCT ON (due.chat_id, r.id) due.chat_id, r.id, r.lead_article_id, r.outlets, r.last_seen, r.dated, rt.topic_id
      FROM due JOIN subscriptions sub ON sub.chat_id = due.chat_id JOIN recent_topics rt ON rt.topic_id = sub.topic_id
      JOIN recent r ON r.id = rt.story_id
      WHERE r.created_at > due.since
        AND NOT EXISTS (SELECT 1 FROM muted_words m WHERE m.chat_id = due.chat_id AND strpos(r.stems, m.stems) > 0)
      ORDER BY due.chat_id, r.id, rt.score DESC, rt.topic_id
    ), per_topic AS (
      SELECT *, row_number() OVER (PARTITION BY chat_id, topic_id ORDER BY dated DESC, (timezone('UTC', last_seen))::date DESC, outlets DESC, last_seen DESC, id DESC) AS in_topic
      FROM chat_stories
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY chat_id ORDER BY dated DESC, (timezone('UTC', last_seen))::date DESC, outlets DESC, last_seen DESC, id DESC) AS position
      FROM per_topic WHERE in_topic <= ${DIGEST_PER_TOPIC}
    ), digest AS (
      SELECT c.chat_id, coalesce((SELECT array_agg(r.lead_article_id ORDER BY r.position) FROM ranked r WHERE r.chat_id = c.chat_id AND r.position <= ${DIGEST_ITEMS}), '{}') AS article_ids,
             count(*)::int AS total
      FROM chat_stories c GROUP BY c.chat_id
    )`
}
