-- DropIndex
DROP INDEX "articles_fingerprint_idx";

-- CreateTable
CREATE TABLE "article_bands" (
    "band" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,

    CONSTRAINT "article_bands_pkey" PRIMARY KEY ("band","article_id")
);

-- CreateIndex
CREATE INDEX "article_bands_article_id_idx" ON "article_bands"("article_id");

-- AddForeignKey
ALTER TABLE "article_bands" ADD CONSTRAINT "article_bands_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bands of a MinHash signature: 4 values each, hashed with the band's position
-- (the same values at another position are another band). One home for the rule:
-- article inserts and near-duplicate lookups both call it.
CREATE FUNCTION minhash_bands(signature integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT hashtext(i || ':' || array_to_string(signature[i * 4 + 1 : i * 4 + 4], ','))), '{}')
  FROM generate_series(0, cardinality(signature) / 4 - 1) AS i
$$;

-- Existing articles
INSERT INTO "article_bands" ("band", "article_id")
SELECT DISTINCT b, a.id FROM "articles" a, unnest(minhash_bands(a.fingerprint)) AS b;
