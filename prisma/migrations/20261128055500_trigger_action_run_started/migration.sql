-- AlterTable
ALTER TABLE "trigger_action_runs" ADD COLUMN     "startedAt" TIMESTAMP(3);
