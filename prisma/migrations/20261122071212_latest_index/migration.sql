-- /latest and /topic order live articles newest first with undated ones last
-- (ArticleRepository.latest). Prisma's schema language cannot say NULLS LAST,
-- so this index is written by hand, and later diffs start from this folder's
-- schema.prisma and leave it alone.
CREATE INDEX "articles_latest_idx" ON "articles" ("published_at" DESC NULLS LAST, "ingested_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL;
