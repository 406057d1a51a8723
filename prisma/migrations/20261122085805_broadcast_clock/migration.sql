-- CreateTable
CREATE TABLE "broadcast_clock" (
    "id" INTEGER NOT NULL,
    "next_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "broadcast_clock_pkey" PRIMARY KEY ("id")
);
