-- CreateIndex
CREATE INDEX "Activity_workspaceId_traineeId_collectionId_idx" ON "Activity"("workspaceId", "traineeId", "collectionId");
