-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "operations" JSONB;

-- AlterTable
ALTER TABLE "FaultInjection" ADD COLUMN     "targetOperation" TEXT;
