-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "last_digest_period" TEXT;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "claimed_at" TIMESTAMPTZ(3),
ADD COLUMN     "parts_sent" INTEGER NOT NULL DEFAULT 0;
