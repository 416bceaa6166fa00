-- CreateTable
CREATE TABLE "flow_golden_cases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expected" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "flow_golden_cases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "flow_golden_cases_companyId_flowId_idx" ON "flow_golden_cases"("companyId", "flowId");

-- CreateIndex
CREATE UNIQUE INDEX "flow_golden_cases_flowId_name_key" ON "flow_golden_cases"("flowId", "name");

-- AddForeignKey
ALTER TABLE "flow_golden_cases" ADD CONSTRAINT "flow_golden_cases_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_golden_cases" ADD CONSTRAINT "flow_golden_cases_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
