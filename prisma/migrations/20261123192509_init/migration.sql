-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'VIEWER');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "totpSecretEnc" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "recoveryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "passMark" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "senarBaseUrl" TEXT,
    "senarUsername" TEXT,
    "senarPasswordEnc" TEXT,
    "senarTokenEnc" TEXT,
    "senarTokenAt" TIMESTAMP(3),
    "connectionOkAt" TIMESTAMP(3),
    "connectionError" TEXT,
    "connectionErrorAt" TIMESTAMP(3),
    "syncIntervalMinutes" INTEGER DEFAULT 60,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "email" TEXT,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "SenarUser" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "language" TEXT,
    "accountName" TEXT,
    "countryName" TEXT,
    "profile" TEXT,
    "creationDate" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "presentAtSource" BOOLEAN NOT NULL DEFAULT true,
    "seenRunId" TEXT,
    "sourceAt" TIMESTAMP(3) NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SenarUser_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "workspaceId" TEXT NOT NULL,
    "id" BIGINT NOT NULL,
    "collectionId" INTEGER,
    "userId" TEXT,
    "traineeId" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "company" TEXT,
    "trainingDate" TIMESTAMP(3),
    "scenarioId" TEXT,
    "scenarioName" TEXT,
    "totalPoints" INTEGER,
    "totalSec" INTEGER,
    "totalTries" INTEGER,
    "simulatorId" INTEGER,
    "tilts" INTEGER,
    "totalMaxPoints" INTEGER,
    "abandons" INTEGER,
    "collectionTitle" TEXT,
    "simulatorTitle" TEXT,
    "userFirstName" TEXT,
    "userLastName" TEXT,
    "userEmail" TEXT,
    "userCostCenter" TEXT,
    "userAccountName" TEXT,
    "traineeEmail" TEXT,
    "traineeProfile" TEXT,
    "scorePct" DOUBLE PRECISION,
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "presentAtSource" BOOLEAN NOT NULL DEFAULT true,
    "seenRunId" TEXT,
    "sourceAt" TIMESTAMP(3) NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "workspaceId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "title" TEXT,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Simulator" (
    "workspaceId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "collectionId" INTEGER,
    "title" TEXT,

    CONSTRAINT "Simulator_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "workspaceId" TEXT NOT NULL,
    "simulatorId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT,
    "maxPoints" INTEGER,
    "passMark" DOUBLE PRECISION,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("workspaceId","simulatorId","id")
);

-- CreateTable
CREATE TABLE "Trainee" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "company" TEXT,
    "profile" TEXT,

    CONSTRAINT "Trainee_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Instructor" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "costCenter" TEXT,
    "accountName" TEXT,

    CONSTRAINT "Instructor_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Company" (
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("workspaceId","name")
);

-- CreateTable
CREATE TABLE "CostCenter" (
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CostCenter_pkey" PRIMARY KEY ("workspaceId","name")
);

-- CreateTable
CREATE TABLE "DailyRollup" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "simulatorId" INTEGER NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "collectionId" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL,
    "scored" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "sumScorePct" DOUBLE PRECISION NOT NULL,
    "totalSec" BIGINT NOT NULL,
    "totalTries" BIGINT NOT NULL,
    "tilts" INTEGER NOT NULL,
    "abandons" INTEGER NOT NULL,

    CONSTRAINT "DailyRollup_pkey" PRIMARY KEY ("workspaceId","day","simulatorId","scenarioId")
);

-- CreateTable
CREATE TABLE "DailyTrainee" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "traineeId" TEXT NOT NULL,

    CONSTRAINT "DailyTrainee_pkey" PRIMARY KEY ("workspaceId","day","traineeId")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'RUNNING',
    "phase" TEXT NOT NULL DEFAULT 'users',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "expected" INTEGER,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvalidRecord" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "runId" TEXT,
    "deliveryId" BIGINT,
    "reason" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvalidRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "senarHookId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "unsubscribeNote" TEXT,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bytes" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "reasons" JSONB,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageDaily" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("workspaceId","day","source","type")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_workspaceId_idx" ON "Invite"("workspaceId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_createdAt_idx" ON "AuditEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_idx" ON "ApiKey"("workspaceId");

-- CreateIndex
CREATE INDEX "SenarUser_workspaceId_creationDate_idx" ON "SenarUser"("workspaceId", "creationDate");

-- CreateIndex
CREATE INDEX "SenarUser_workspaceId_lastName_firstName_idx" ON "SenarUser"("workspaceId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_trainingDate_idx" ON "Activity"("workspaceId", "trainingDate");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_traineeId_trainingDate_idx" ON "Activity"("workspaceId", "traineeId", "trainingDate");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_simulatorId_scenarioId_idx" ON "Activity"("workspaceId", "simulatorId", "scenarioId");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_collectionId_trainingDate_idx" ON "Activity"("workspaceId", "collectionId", "trainingDate");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_userId_trainingDate_idx" ON "Activity"("workspaceId", "userId", "trainingDate");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_company_idx" ON "Activity"("workspaceId", "company");

-- CreateIndex
CREATE INDEX "Activity_workspaceId_userCostCenter_idx" ON "Activity"("workspaceId", "userCostCenter");

-- CreateIndex
CREATE INDEX "Trainee_workspaceId_lastName_firstName_idx" ON "Trainee"("workspaceId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "SyncRun_workspaceId_startedAt_idx" ON "SyncRun"("workspaceId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_status_idx" ON "SyncRun"("status");

-- CreateIndex
CREATE INDEX "InvalidRecord_workspaceId_createdAt_idx" ON "InvalidRecord"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookSubscription_tokenHash_key" ON "WebhookSubscription"("tokenHash");

-- CreateIndex
CREATE INDEX "WebhookSubscription_workspaceId_idx" ON "WebhookSubscription"("workspaceId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_workspaceId_receivedAt_idx" ON "WebhookDelivery"("workspaceId", "receivedAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
