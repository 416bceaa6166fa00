-- AlterTable
ALTER TABLE "trigger_executions" ADD COLUMN     "testRunById" UUID;
