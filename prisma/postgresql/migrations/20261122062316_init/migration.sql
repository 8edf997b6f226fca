-- CreateTable
CREATE TABLE "Design" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "workload" JSONB NOT NULL,
    "slo" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Design_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Component" (
    "designId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "replicas" INTEGER,
    "concurrency" INTEGER,
    "queueCapacity" INTEGER,
    "serviceTime" JSONB,
    "calls" JSONB NOT NULL,
    "settings" JSONB NOT NULL,

    CONSTRAINT "Component_pkey" PRIMARY KEY ("designId","slug")
);

-- CreateTable
CREATE TABLE "Connection" (
    "designId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "latency" JSONB NOT NULL,
    "payloadBytes" INTEGER,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("designId","slug")
);

-- CreateTable
CREATE TABLE "FaultInjection" (
    "designId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "targetComponent" TEXT,
    "targetConnection" TEXT,
    "schedule" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "FaultInjection_pkey" PRIMARY KEY ("designId","slug")
);

-- CreateTable
CREATE TABLE "ResilienceConfig" (
    "designId" TEXT NOT NULL,
    "componentSlug" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "connection" TEXT,
    "params" JSONB NOT NULL,

    CONSTRAINT "ResilienceConfig_pkey" PRIMARY KEY ("designId","componentSlug","direction","ordinal")
);

-- CreateIndex
CREATE INDEX "Design_updatedAt_idx" ON "Design"("updatedAt");

-- CreateIndex
CREATE INDEX "Design_name_idx" ON "Design"("name");

-- AddForeignKey
ALTER TABLE "Component" ADD CONSTRAINT "Component_designId_fkey" FOREIGN KEY ("designId") REFERENCES "Design"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_designId_fkey" FOREIGN KEY ("designId") REFERENCES "Design"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaultInjection" ADD CONSTRAINT "FaultInjection_designId_fkey" FOREIGN KEY ("designId") REFERENCES "Design"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResilienceConfig" ADD CONSTRAINT "ResilienceConfig_designId_componentSlug_fkey" FOREIGN KEY ("designId", "componentSlug") REFERENCES "Component"("designId", "slug") ON DELETE CASCADE ON UPDATE CASCADE;
