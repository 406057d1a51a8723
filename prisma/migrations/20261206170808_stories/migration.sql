-- Stories: one row per real-world event, and every article belongs to exactly one.
-- Written from Prisma's diff by hand where it could not say it: existing
-- articles each get a story of their own before story_id becomes NOT NULL,
-- and the ranking's expression index (see the end).

-- CreateTable
CREATE TABLE "stories" (
    "id" SERIAL NOT NULL,
    "lead_article_id" INTEGER,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "languages" "Language"[] DEFAULT ARRAY[]::"Language"[],
    "outlets" INTEGER NOT NULL DEFAULT 1,
    "dated" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "stems" TEXT,
ADD COLUMN     "story_features" JSONB,
ADD COLUMN     "story_id" INTEGER,
ADD COLUMN     "story_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- one story per existing article, numbered like the articles
INSERT INTO "stories" ("id", "lead_article_id", "first_seen", "last_seen", "languages", "outlets", "dated", "created_at")
SELECT "id", "id", coalesce("published_at", "ingested_at"), coalesce("published_at", "ingested_at"), ARRAY["language"], 1, "published_at" IS NOT NULL, "ingested_at"
FROM "articles";
UPDATE "articles" SET "story_id" = "id";
SELECT setval(pg_get_serial_sequence('stories', 'id'), greatest(coalesce((SELECT max("id") FROM "stories"), 0), 1), (SELECT count(*) > 0 FROM "stories"));
ALTER TABLE "articles" ALTER COLUMN "story_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "muted_words" (
    "chat_id" BIGINT NOT NULL,
    "word" TEXT NOT NULL,
    "stems" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "muted_words_pkey" PRIMARY KEY ("chat_id","stems")
);

-- CreateIndex
CREATE INDEX "stories_last_seen_idx" ON "stories"("last_seen");

-- CreateIndex
CREATE INDEX "stories_created_at_idx" ON "stories"("created_at");

-- CreateIndex
CREATE INDEX "articles_story_id_idx" ON "articles"("story_id");

-- CreateIndex
CREATE INDEX "articles_story_keys_idx" ON "articles" USING GIN ("story_keys");
-- Every insert looks its story candidates up first: entries go straight into
-- the index rather than into a pending list each lookup would read until the
-- next vacuum.
ALTER INDEX "articles_story_keys_idx" SET (fastupdate = off);

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_lead_article_id_fkey" FOREIGN KEY ("lead_article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "muted_words" ADD CONSTRAINT "muted_words_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A digest's stories beyond its items ("...and N more"): the planner counts them once.
ALTER TABLE "deliveries" ADD COLUMN "more" INTEGER NOT NULL DEFAULT 0;

-- /latest and /topic rank stories dated ones first, by the day of their latest
-- report, then by how many outlets reported them (StoryRepository.latest uses
-- exactly this order). An expression index: written by hand, and later diffs
-- leave it alone.
CREATE INDEX "stories_rank_idx" ON "stories" ("dated" DESC, (timezone('UTC', "last_seen")::date) DESC, "outlets" DESC, "last_seen" DESC, "id" DESC) WHERE cardinality("languages") > 0;
