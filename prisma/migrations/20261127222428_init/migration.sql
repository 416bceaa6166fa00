-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SystemRole" AS ENUM ('DEVELOPER', 'ADMIN', 'MANAGER', 'EMPLOYEE');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "VersionState" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ExecutionStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "FlowStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ApprovalMode" AS ENUM ('ANY', 'ALL', 'AT_LEAST');

-- CreateEnum
CREATE TYPE "AssigneeKind" AS ENUM ('INITIATOR', 'ROLE', 'DEPARTMENT', 'USER', 'INITIATOR_MANAGER');

-- CreateEnum
CREATE TYPE "BranchTarget" AS ENUM ('LEVEL', 'COMPLETE', 'REJECT');

-- CreateEnum
CREATE TYPE "FlowInstanceStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "InstanceAction" AS ENUM ('STARTED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SENT_BACK', 'CHANGES_REQUESTED', 'CANCELLED', 'REASSIGNED', 'REMINDED', 'ESCALATED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('TASK_COMPLETED', 'TASK_STARTED', 'TASK_UPDATED', 'FIELD_CHANGED', 'FLOW_STARTED', 'FLOW_COMPLETED', 'DATABASE_ROW_CREATED', 'DATABASE_ROW_UPDATED', 'DATABASE_ROW_DELETED', 'SCHEDULED', 'WEBHOOK_RECEIVED');

-- CreateEnum
CREATE TYPE "TriggerExecutionStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCESS', 'PARTIAL_SUCCESS', 'FAILED', 'DEAD', 'SKIPPED');

-- CreateEnum
CREATE TYPE "DatasetStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "IntegrationType" AS ENUM ('GMAIL', 'GOOGLE_SHEETS', 'OUTLOOK', 'TALLY', 'ZOHO', 'WEBHOOK', 'CUSTOM_API');

-- CreateEnum
CREATE TYPE "LogLevel" AS ENUM ('INFO', 'WARNING', 'ERROR', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'API_KEY', 'SYSTEM');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'STABLE', 'DEPRECATED');

-- CreateTable
CREATE TABLE "companies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "domain" TEXT,
    "logoFileId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "primaryColor" TEXT NOT NULL DEFAULT '#3B82F6',
    "secondaryColor" TEXT NOT NULL DEFAULT '#1A1F2E',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "systemRole" "SystemRole" NOT NULL DEFAULT 'EMPLOYEE',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "avatarFileId" UUID,
    "departmentId" UUID,
    "managerId" UUID,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "parentId" UUID,
    "headId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "permissions" JSONB NOT NULL DEFAULT '[]',
    "departmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_roles" (
    "userId" UUID NOT NULL,
    "roleId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_roles_pkey" PRIMARY KEY ("userId","roleId")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "ipAddress" TEXT,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "systemRole" "SystemRole" NOT NULL DEFAULT 'EMPLOYEE',
    "roleIds" UUID[],
    "departmentId" UUID,
    "invitedById" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "TaskStatus" NOT NULL DEFAULT 'DRAFT',
    "standalone" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "VersionState" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "changeNote" TEXT,
    "publishedById" UUID,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "task_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_executions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "taskVersionId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "executorId" UUID NOT NULL,
    "flowInstanceId" UUID,
    "levelId" UUID,
    "status" "ExecutionStatus" NOT NULL DEFAULT 'COMPLETED',
    "idempotencyKey" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flows" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "FlowStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "VersionState" NOT NULL DEFAULT 'DRAFT',
    "config" JSONB NOT NULL DEFAULT '{}',
    "layout" JSONB NOT NULL DEFAULT '{}',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "changeNote" TEXT,
    "publishedById" UUID,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "flow_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_levels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "flowVersionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "order" INTEGER NOT NULL,
    "approvalMode" "ApprovalMode" NOT NULL DEFAULT 'ANY',
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "config" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "flow_levels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_level_assignees" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "levelId" UUID NOT NULL,
    "kind" "AssigneeKind" NOT NULL,
    "roleId" UUID,
    "departmentId" UUID,
    "userId" UUID,

    CONSTRAINT "flow_level_assignees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_level_tasks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "levelId" UUID NOT NULL,
    "taskVersionId" UUID NOT NULL,
    "order" INTEGER NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "flow_level_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_branches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "flowVersionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "fromLevelId" UUID NOT NULL,
    "target" "BranchTarget" NOT NULL DEFAULT 'LEVEL',
    "toLevelId" UUID,
    "condition" JSONB,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "flow_branches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_instances" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "flowVersionId" UUID NOT NULL,
    "status" "FlowInstanceStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "currentLevelId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL DEFAULT '{}',
    "state" JSONB NOT NULL DEFAULT '{}',
    "initiatorId" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "flow_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_instance_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" "InstanceAction" NOT NULL,
    "actorId" UUID,
    "fromLevelId" UUID,
    "toLevelId" UUID,
    "comment" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flow_instance_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "levelId" UUID NOT NULL,
    "visit" INTEGER NOT NULL DEFAULT 1,
    "principal" TEXT NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" UUID,
    "decision" TEXT,
    "dueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT,
    "causationId" UUID,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triggers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "eventType" "EventType" NOT NULL,
    "eventConfig" JSONB NOT NULL DEFAULT '{}',
    "conditions" JSONB,
    "actions" JSONB NOT NULL DEFAULT '[]',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "taskId" UUID,
    "flowId" UUID,
    "tableId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "triggers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trigger_secrets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "triggerId" UUID NOT NULL,
    "encrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "trigger_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trigger_executions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "triggerId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "eventData" JSONB NOT NULL,
    "conditionsMet" BOOLEAN NOT NULL DEFAULT false,
    "conditionResult" JSONB NOT NULL DEFAULT '{}',
    "actionsExecuted" JSONB NOT NULL DEFAULT '[]',
    "status" "TriggerExecutionStatus" NOT NULL DEFAULT 'PENDING',
    "errorMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "executionTime" INTEGER NOT NULL DEFAULT 0,
    "executedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trigger_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trigger_action_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "executionId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "triggerId" UUID NOT NULL,
    "actionIndex" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "status" "TriggerExecutionStatus" NOT NULL DEFAULT 'PENDING',
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "trigger_action_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_templates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT,
    "variables" JSONB NOT NULL DEFAULT '[]',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID,
    "to" TEXT[],
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT,
    "transport" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT,
    "sections" JSONB NOT NULL DEFAULT '[]',
    "visibility" JSONB NOT NULL DEFAULT '{}',
    "status" "DatasetStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custom_tables" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT,
    "schema" JSONB NOT NULL DEFAULT '{"columns":[]}',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "nextAutoNumber" BIGINT NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "custom_tables_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custom_table_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "autoNumber" BIGINT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "custom_table_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "columnKey" TEXT NOT NULL,
    "fromRecordId" UUID NOT NULL,
    "toRecordId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "IntegrationType" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secretsEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSyncAt" TIMESTAMP(3),

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_workflows" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "triggerConfig" JSONB NOT NULL DEFAULT '{}',
    "actionConfig" JSONB NOT NULL DEFAULT '{}',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "executionCount" INTEGER NOT NULL DEFAULT 0,
    "lastExecutedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "integration_workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "actorType" "ActorType" NOT NULL DEFAULT 'USER',
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "level" "LogLevel" NOT NULL DEFAULT 'INFO',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changes" TEXT,
    "changeLog" JSONB NOT NULL DEFAULT '[]',
    "status" "VersionStatus" NOT NULL DEFAULT 'PUBLISHED',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimetype" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID,
    "context" TEXT,
    "contextId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "companies_slug_key" ON "companies"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "companies_domain_key" ON "companies"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_companyId_isActive_idx" ON "users"("companyId", "isActive");

-- CreateIndex
CREATE INDEX "users_companyId_departmentId_idx" ON "users"("companyId", "departmentId");

-- CreateIndex
CREATE INDEX "users_companyId_managerId_idx" ON "users"("companyId", "managerId");

-- CreateIndex
CREATE INDEX "departments_companyId_parentId_idx" ON "departments"("companyId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "roles_companyId_name_key" ON "roles"("companyId", "name");

-- CreateIndex
CREATE INDEX "user_roles_companyId_roleId_idx" ON "user_roles"("companyId", "roleId");

-- CreateIndex
CREATE INDEX "sessions_userId_revokedAt_idx" ON "sessions"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "login_attempts_email_createdAt_idx" ON "login_attempts"("email", "createdAt");

-- CreateIndex
CREATE INDEX "login_attempts_ipAddress_createdAt_idx" ON "login_attempts"("ipAddress", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_tokenHash_key" ON "invitations"("tokenHash");

-- CreateIndex
CREATE INDEX "invitations_companyId_email_idx" ON "invitations"("companyId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_tokenHash_key" ON "password_reset_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "password_reset_tokens_companyId_userId_idx" ON "password_reset_tokens"("companyId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "api_keys_companyId_revokedAt_idx" ON "api_keys"("companyId", "revokedAt");

-- CreateIndex
CREATE INDEX "tasks_companyId_status_idx" ON "tasks"("companyId", "status");

-- CreateIndex
CREATE INDEX "task_versions_companyId_taskId_idx" ON "task_versions"("companyId", "taskId");

-- CreateIndex
CREATE UNIQUE INDEX "task_versions_taskId_number_key" ON "task_versions"("taskId", "number");

-- CreateIndex
CREATE INDEX "task_executions_companyId_taskId_createdAt_idx" ON "task_executions"("companyId", "taskId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "task_executions_companyId_executorId_idx" ON "task_executions"("companyId", "executorId");

-- CreateIndex
CREATE INDEX "task_executions_flowInstanceId_idx" ON "task_executions"("flowInstanceId");

-- CreateIndex
CREATE UNIQUE INDEX "task_executions_companyId_idempotencyKey_key" ON "task_executions"("companyId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "flows_companyId_status_idx" ON "flows"("companyId", "status");

-- CreateIndex
CREATE INDEX "flow_versions_companyId_flowId_idx" ON "flow_versions"("companyId", "flowId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_versions_flowId_number_key" ON "flow_versions"("flowId", "number");

-- CreateIndex
CREATE INDEX "flow_levels_companyId_idx" ON "flow_levels"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_levels_flowVersionId_order_key" ON "flow_levels"("flowVersionId", "order");

-- CreateIndex
CREATE INDEX "flow_level_assignees_levelId_idx" ON "flow_level_assignees"("levelId");

-- CreateIndex
CREATE INDEX "flow_level_assignees_companyId_roleId_idx" ON "flow_level_assignees"("companyId", "roleId");

-- CreateIndex
CREATE INDEX "flow_level_tasks_companyId_taskVersionId_idx" ON "flow_level_tasks"("companyId", "taskVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_level_tasks_levelId_order_key" ON "flow_level_tasks"("levelId", "order");

-- CreateIndex
CREATE INDEX "flow_branches_companyId_flowVersionId_idx" ON "flow_branches"("companyId", "flowVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_branches_fromLevelId_priority_key" ON "flow_branches"("fromLevelId", "priority");

-- CreateIndex
CREATE INDEX "flow_instances_companyId_status_startedAt_idx" ON "flow_instances"("companyId", "status", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "flow_instances_companyId_initiatorId_startedAt_idx" ON "flow_instances"("companyId", "initiatorId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "flow_instances_companyId_flowId_idx" ON "flow_instances"("companyId", "flowId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_instances_companyId_idempotencyKey_key" ON "flow_instances"("companyId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "flow_instance_events_companyId_createdAt_idx" ON "flow_instance_events"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "flow_instance_events_instanceId_seq_key" ON "flow_instance_events"("instanceId", "seq");

-- CreateIndex
CREATE INDEX "assignments_instanceId_status_idx" ON "assignments"("instanceId", "status");

-- CreateIndex
CREATE INDEX "outbox_events_companyId_type_createdAt_idx" ON "outbox_events"("companyId", "type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_companyId_dedupeKey_key" ON "outbox_events"("companyId", "dedupeKey");

-- CreateIndex
CREATE INDEX "triggers_companyId_eventType_isActive_idx" ON "triggers"("companyId", "eventType", "isActive");

-- CreateIndex
CREATE INDEX "trigger_secrets_triggerId_idx" ON "trigger_secrets"("triggerId");

-- CreateIndex
CREATE INDEX "trigger_executions_companyId_status_executedAt_idx" ON "trigger_executions"("companyId", "status", "executedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "trigger_executions_triggerId_eventId_key" ON "trigger_executions"("triggerId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "trigger_action_runs_eventId_triggerId_actionIndex_key" ON "trigger_action_runs"("eventId", "triggerId", "actionIndex");

-- CreateIndex
CREATE UNIQUE INDEX "email_templates_companyId_key_key" ON "email_templates"("companyId", "key");

-- CreateIndex
CREATE INDEX "mail_messages_companyId_createdAt_idx" ON "mail_messages"("companyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "notifications_companyId_userId_readAt_createdAt_idx" ON "notifications"("companyId", "userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "idempotency_records_expiresAt_idx" ON "idempotency_records"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_records_companyId_key_key" ON "idempotency_records"("companyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_companyId_name_key" ON "datasets"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "custom_tables_companyId_name_key" ON "custom_tables"("companyId", "name");

-- CreateIndex
CREATE INDEX "custom_table_records_companyId_tableId_createdAt_idx" ON "custom_table_records"("companyId", "tableId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "record_links_toRecordId_columnKey_idx" ON "record_links"("toRecordId", "columnKey");

-- CreateIndex
CREATE UNIQUE INDEX "record_links_fromRecordId_columnKey_toRecordId_key" ON "record_links"("fromRecordId", "columnKey", "toRecordId");

-- CreateIndex
CREATE INDEX "integrations_companyId_type_idx" ON "integrations"("companyId", "type");

-- CreateIndex
CREATE INDEX "integration_workflows_companyId_integrationId_idx" ON "integration_workflows"("companyId", "integrationId");

-- CreateIndex
CREATE INDEX "audit_logs_companyId_createdAt_idx" ON "audit_logs"("companyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_companyId_entity_entityId_idx" ON "audit_logs"("companyId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "audit_logs_companyId_actorId_idx" ON "audit_logs"("companyId", "actorId");

-- CreateIndex
CREATE INDEX "audit_logs_companyId_action_idx" ON "audit_logs"("companyId", "action");

-- CreateIndex
CREATE UNIQUE INDEX "versions_companyId_entityType_entityId_version_key" ON "versions"("companyId", "entityType", "entityId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "files_storageKey_key" ON "files"("storageKey");

-- CreateIndex
CREATE INDEX "files_companyId_context_contextId_idx" ON "files"("companyId", "context", "contextId");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_headId_fkey" FOREIGN KEY ("headId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roles" ADD CONSTRAINT "roles_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roles" ADD CONSTRAINT "roles_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_versions" ADD CONSTRAINT "task_versions_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_executions" ADD CONSTRAINT "task_executions_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_executions" ADD CONSTRAINT "task_executions_taskVersionId_fkey" FOREIGN KEY ("taskVersionId") REFERENCES "task_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_executions" ADD CONSTRAINT "task_executions_executorId_fkey" FOREIGN KEY ("executorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_executions" ADD CONSTRAINT "task_executions_flowInstanceId_fkey" FOREIGN KEY ("flowInstanceId") REFERENCES "flow_instances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_executions" ADD CONSTRAINT "task_executions_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "flow_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flows" ADD CONSTRAINT "flows_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flows" ADD CONSTRAINT "flows_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_versions" ADD CONSTRAINT "flow_versions_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "flows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_levels" ADD CONSTRAINT "flow_levels_flowVersionId_fkey" FOREIGN KEY ("flowVersionId") REFERENCES "flow_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_assignees" ADD CONSTRAINT "flow_level_assignees_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "flow_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_assignees" ADD CONSTRAINT "flow_level_assignees_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_assignees" ADD CONSTRAINT "flow_level_assignees_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_assignees" ADD CONSTRAINT "flow_level_assignees_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_tasks" ADD CONSTRAINT "flow_level_tasks_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "flow_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_level_tasks" ADD CONSTRAINT "flow_level_tasks_taskVersionId_fkey" FOREIGN KEY ("taskVersionId") REFERENCES "task_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_branches" ADD CONSTRAINT "flow_branches_flowVersionId_fkey" FOREIGN KEY ("flowVersionId") REFERENCES "flow_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_branches" ADD CONSTRAINT "flow_branches_fromLevelId_fkey" FOREIGN KEY ("fromLevelId") REFERENCES "flow_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_branches" ADD CONSTRAINT "flow_branches_toLevelId_fkey" FOREIGN KEY ("toLevelId") REFERENCES "flow_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_instances" ADD CONSTRAINT "flow_instances_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "flows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_instances" ADD CONSTRAINT "flow_instances_flowVersionId_fkey" FOREIGN KEY ("flowVersionId") REFERENCES "flow_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_instances" ADD CONSTRAINT "flow_instances_currentLevelId_fkey" FOREIGN KEY ("currentLevelId") REFERENCES "flow_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_instances" ADD CONSTRAINT "flow_instances_initiatorId_fkey" FOREIGN KEY ("initiatorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_instance_events" ADD CONSTRAINT "flow_instance_events_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "flow_instances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "flow_instances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "flow_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "flows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "custom_tables"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trigger_secrets" ADD CONSTRAINT "trigger_secrets_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "triggers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trigger_executions" ADD CONSTRAINT "trigger_executions_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "triggers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trigger_action_runs" ADD CONSTRAINT "trigger_action_runs_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "trigger_executions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_tables" ADD CONSTRAINT "custom_tables_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_table_records" ADD CONSTRAINT "custom_table_records_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "custom_tables"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_fromRecordId_fkey" FOREIGN KEY ("fromRecordId") REFERENCES "custom_table_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_toRecordId_fkey" FOREIGN KEY ("toRecordId") REFERENCES "custom_table_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_workflows" ADD CONSTRAINT "integration_workflows_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "files" ADD CONSTRAINT "files_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ============================================================
-- Hand-made objects Prisma's schema language cannot express. Their names start with "x_" so that
-- `npm run db:migration` knows not to drop them.
-- ============================================================

-- Row invariants. They are triggers rather than CHECK constraints because Prisma's Wasm schema
-- engine crashes introspecting CHECK constraints (which `npm run db:migration` relies on).
CREATE FUNCTION "x_check_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: PL/pgSQL may evaluate both sides of an AND, and NEW has only this table's columns.
  IF TG_TABLE_NAME = 'users' THEN
    IF NEW."email" <> lower(NEW."email") THEN
      RAISE EXCEPTION 'users.email must be lower-case' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'flow_branches' THEN
    IF (NEW."target" = 'LEVEL') <> (NEW."toLevelId" IS NOT NULL) THEN
      RAISE EXCEPTION 'flow_branches: toLevelId must be set exactly when target is LEVEL' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'flow_level_assignees' THEN
    IF NOT (
      (NEW."kind" = 'ROLE'       AND NEW."roleId" IS NOT NULL AND NEW."departmentId" IS NULL AND NEW."userId" IS NULL) OR
      (NEW."kind" = 'DEPARTMENT' AND NEW."roleId" IS NULL AND NEW."departmentId" IS NOT NULL AND NEW."userId" IS NULL) OR
      (NEW."kind" = 'USER'       AND NEW."roleId" IS NULL AND NEW."departmentId" IS NULL AND NEW."userId" IS NOT NULL) OR
      (NEW."kind" IN ('INITIATOR', 'INITIATOR_MANAGER') AND NEW."roleId" IS NULL AND NEW."departmentId" IS NULL AND NEW."userId" IS NULL)
    ) THEN
      RAISE EXCEPTION 'flow_level_assignees: the id set must match the kind %', NEW."kind" USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_TABLE_NAME = 'flow_instances' THEN
    IF NEW."version" < 1 THEN
      RAISE EXCEPTION 'flow_instances.version must be positive' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "x_users_check" BEFORE INSERT OR UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "x_check_row"();
CREATE TRIGGER "x_flow_branches_check" BEFORE INSERT OR UPDATE ON "flow_branches" FOR EACH ROW EXECUTE FUNCTION "x_check_row"();
CREATE TRIGGER "x_flow_level_assignees_check" BEFORE INSERT OR UPDATE ON "flow_level_assignees" FOR EACH ROW EXECUTE FUNCTION "x_check_row"();
CREATE TRIGGER "x_flow_instances_check" BEFORE INSERT OR UPDATE ON "flow_instances" FOR EACH ROW EXECUTE FUNCTION "x_check_row"();

-- At most one draft version per form and per flow, and at most one default branch per level.
CREATE UNIQUE INDEX "x_task_versions_one_draft" ON "task_versions" ("taskId") WHERE "state" = 'DRAFT';
CREATE UNIQUE INDEX "x_flow_versions_one_draft" ON "flow_versions" ("flowId") WHERE "state" = 'DRAFT';
CREATE UNIQUE INDEX "x_flow_branches_one_default" ON "flow_branches" ("fromLevelId") WHERE "isDefault";

-- The inbox: open assignments by principal, newest first (see README "Performance").
CREATE INDEX "x_assignments_inbox" ON "assignments" ("companyId", "principal", "createdAt" DESC) WHERE "status" = 'OPEN';
-- Live (not soft-deleted) records of a table.
CREATE INDEX "x_custom_table_records_live" ON "custom_table_records" ("tableId", "createdAt" DESC) WHERE "deletedAt" IS NULL;
-- Unprocessed outbox events, oldest first.
CREATE INDEX "x_outbox_events_pending" ON "outbox_events" ("createdAt") WHERE "processedAt" IS NULL;

-- Append-only tables: history and audit can be inserted, never changed or removed.
CREATE FUNCTION "x_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "x_audit_logs_append_only" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_change"();
CREATE TRIGGER "x_audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "x_refuse_change"();
CREATE TRIGGER "x_flow_instance_events_append_only" BEFORE UPDATE OR DELETE ON "flow_instance_events"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_change"();

-- Published versions are immutable: their rows, and the levels, branches, assignees and tasks that
-- hang off a published flow version, cannot be changed or deleted.
CREATE FUNCTION "x_refuse_published_version_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."state" = 'PUBLISHED' THEN
    RAISE EXCEPTION '% % is published and immutable', TG_TABLE_NAME, OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "x_task_versions_immutable" BEFORE UPDATE OR DELETE ON "task_versions"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_version_change"();
CREATE TRIGGER "x_flow_versions_immutable" BEFORE UPDATE OR DELETE ON "flow_versions"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_version_change"();

CREATE FUNCTION "x_refuse_published_flow_part_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
  version_id uuid;
BEGIN
  row_data := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
  IF TG_TABLE_NAME IN ('flow_levels', 'flow_branches') THEN
    version_id := row_data."flowVersionId";
  ELSE
    SELECT l."flowVersionId" INTO version_id FROM "flow_levels" l WHERE l."id" = row_data."levelId";
  END IF;
  IF EXISTS (SELECT 1 FROM "flow_versions" v WHERE v."id" = version_id AND v."state" = 'PUBLISHED') THEN
    RAISE EXCEPTION '% belongs to published flow version % and is immutable', TG_TABLE_NAME, version_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "x_flow_levels_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "flow_levels"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_flow_part_change"();
CREATE TRIGGER "x_flow_branches_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "flow_branches"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_flow_part_change"();
CREATE TRIGGER "x_flow_level_assignees_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "flow_level_assignees"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_flow_part_change"();
CREATE TRIGGER "x_flow_level_tasks_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "flow_level_tasks"
  FOR EACH ROW EXECUTE FUNCTION "x_refuse_published_flow_part_change"();
