-- CreateEnum
CREATE TYPE "IdempotencyStatus" AS ENUM ('PENDING', 'DONE');

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" "IdempotencyStatus" NOT NULL DEFAULT 'PENDING',
    "response" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_workspaceId_createdAt_idx" ON "IdempotencyKey"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Add user's idempotency locks used to live in RateLimitBucket under "idem:" keys; they are obsolete.
DELETE FROM "RateLimitBucket" WHERE "key" LIKE 'idem:%';
