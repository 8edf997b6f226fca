-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "designId" TEXT NOT NULL,
    "designName" TEXT NOT NULL,
    "designVersion" INTEGER NOT NULL,
    "designHash" TEXT NOT NULL,
    "design" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "simulatedMs" REAL NOT NULL DEFAULT 0,
    "totalMs" REAL NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "percent" REAL NOT NULL DEFAULT 0,
    "error" TEXT,
    "sloPassed" BOOLEAN,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RunResult" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    CONSTRAINT "RunResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Run_designId_createdAt_idx" ON "Run"("designId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_createdAt_idx" ON "Run"("status", "createdAt");
