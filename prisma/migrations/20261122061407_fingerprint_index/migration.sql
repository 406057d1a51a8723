-- CreateIndex
CREATE INDEX "articles_fingerprint_idx" ON "articles" USING GIN ("fingerprint");
