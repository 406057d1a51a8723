-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "default_thread_id" INTEGER,
ADD COLUMN     "link_previews" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pushes" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "silent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "thread_routes" (
    "chat_id" BIGINT NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "thread_id" INTEGER NOT NULL,

    CONSTRAINT "thread_routes_pkey" PRIMARY KEY ("chat_id","topic_id")
);

-- AddForeignKey
ALTER TABLE "thread_routes" ADD CONSTRAINT "thread_routes_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_routes" ADD CONSTRAINT "thread_routes_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
