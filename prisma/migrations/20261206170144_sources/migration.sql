-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('rss', 'atom', 'rdf', 'json');

-- CreateEnum
CREATE TYPE "SourceState" AS ENUM ('active', 'paused', 'failing');

-- CreateEnum
CREATE TYPE "SourceItemOutcome" AS ENUM ('pending', 'stored', 'duplicate', 'refused', 'skipped');

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "guid" TEXT,
ADD COLUMN     "source_id" INTEGER;

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "feed_url" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "site_url" TEXT,
    "state" "SourceState" NOT NULL DEFAULT 'active',
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_poll_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "claim_token" TEXT,
    "articles_stored" INTEGER NOT NULL DEFAULT 0,
    "items_refused" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_items" (
    "source_id" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "outcome" "SourceItemOutcome" NOT NULL DEFAULT 'pending',
    "article_id" INTEGER,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_items_pkey" PRIMARY KEY ("source_id","guid")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_feed_url_key" ON "sources"("feed_url");

-- CreateIndex
CREATE INDEX "sources_next_poll_at_idx" ON "sources"("next_poll_at");

-- CreateIndex
CREATE INDEX "source_items_seen_at_idx" ON "source_items"("seen_at");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_items" ADD CONSTRAINT "source_items_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_items" ADD CONSTRAINT "source_items_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
