-- CreateTable
CREATE TABLE "seen_updates" (
    "update_id" BIGINT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seen_updates_pkey" PRIMARY KEY ("update_id")
);

-- CreateIndex
CREATE INDEX "seen_updates_received_at_idx" ON "seen_updates"("received_at");
