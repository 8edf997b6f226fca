-- AlterTable
ALTER TABLE "Run" ADD COLUMN "parts" JSONB;
