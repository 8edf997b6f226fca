-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "designName" TEXT NOT NULL,
    "designVersion" INTEGER NOT NULL,
    "designHash" TEXT NOT NULL,
    "design" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "simulatedMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "totalMs" DOUBLE PRECISION NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "percent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "sloPassed" BOOLEAN,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunResult" (
    "runId" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "RunResult_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "Run_designId_createdAt_idx" ON "Run"("designId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_createdAt_idx" ON "Run"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "RunResult" ADD CONSTRAINT "RunResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
