-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('en', 'ru');

-- CreateEnum
CREATE TYPE "DigestLanguage" AS ENUM ('en', 'ru', 'both');

-- CreateEnum
CREATE TYPE "SummaryMethod" AS ENUM ('extractive', 'llm', 'manual');

-- CreateEnum
CREATE TYPE "ChatType" AS ENUM ('private', 'group', 'supergroup', 'channel');

-- CreateEnum
CREATE TYPE "ChatState" AS ENUM ('active', 'paused', 'blocked');

-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('digest', 'breaking');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('post', 'edit', 'delete', 'push');

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "source_name" TEXT,
    "url" TEXT,
    "language" "Language" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "content_hash" TEXT NOT NULL,
    "fingerprint" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "summaries" (
    "article_id" INTEGER NOT NULL,
    "language" "Language" NOT NULL,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "teaser" TEXT NOT NULL,
    "method" "SummaryMethod" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "summaries_pkey" PRIMARY KEY ("article_id","language")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "aliases_en" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "aliases_ru" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keywords_en" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keywords_ru" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_topics" (
    "article_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "article_topics_pkey" PRIMARY KEY ("article_id","topic_id")
);

-- CreateTable
CREATE TABLE "chats" (
    "id" BIGINT NOT NULL,
    "type" "ChatType" NOT NULL,
    "title" TEXT,
    "ui_language" "Language" NOT NULL DEFAULT 'en',
    "digest_language" "DigestLanguage" NOT NULL DEFAULT 'en',
    "time_zone" TEXT NOT NULL,
    "digest_time" VARCHAR(5) NOT NULL,
    "state" "ChatState" NOT NULL DEFAULT 'active',
    "last_digest_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "chat_id" BIGINT NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("chat_id","topic_id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" BIGSERIAL NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "article_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "period_key" TEXT,
    "article_id" INTEGER,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" BIGINT NOT NULL,
    "action" "AuditAction" NOT NULL,
    "article_id" INTEGER,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_url_key" ON "articles"("url");

-- CreateIndex
CREATE UNIQUE INDEX "articles_content_hash_key" ON "articles"("content_hash");

-- CreateIndex
CREATE INDEX "articles_ingested_at_idx" ON "articles"("ingested_at");

-- CreateIndex
CREATE INDEX "articles_published_at_idx" ON "articles"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "topics_slug_key" ON "topics"("slug");

-- CreateIndex
CREATE INDEX "article_topics_topic_id_idx" ON "article_topics"("topic_id");

-- CreateIndex
CREATE INDEX "chats_state_idx" ON "chats"("state");

-- CreateIndex
CREATE INDEX "subscriptions_topic_id_idx" ON "subscriptions"("topic_id");

-- CreateIndex
CREATE INDEX "deliveries_status_due_at_idx" ON "deliveries"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_chat_id_period_key_key" ON "deliveries"("chat_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_chat_id_article_id_key" ON "deliveries"("chat_id", "article_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "summaries" ADD CONSTRAINT "summaries_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
