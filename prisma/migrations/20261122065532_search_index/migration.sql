-- Full-text search over title and body in English and Russian at once
-- (ArticleRepository.search uses exactly this expression). Written by hand:
-- Prisma's schema language cannot express an expression index, and migrations
-- are diffed from each folder's schema.prisma, so later diffs leave it alone.
CREATE INDEX "articles_search_idx" ON "articles" USING GIN ((
  setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "body"), 'B') ||
  setweight(to_tsvector('russian'::regconfig, "title"), 'A') || setweight(to_tsvector('russian'::regconfig, "body"), 'B')
));
