-- AlterTable
ALTER TABLE "FaultInjection" ADD COLUMN "targetOperation" TEXT;
