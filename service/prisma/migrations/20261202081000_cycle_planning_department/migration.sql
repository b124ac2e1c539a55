-- A cycle names its planning department (the department that files its framework) and its
-- one framework (or city) submission, the only source of its reference data.

-- AlterTable
ALTER TABLE "plan_cycle" ADD COLUMN     "framework_submission_id" TEXT,
ADD COLUMN     "planning_department_id" TEXT;

-- Cycles made before: each keeps the framework it was already served from (the register took
-- the first approved `framework`, then `city`, submission in department order), else the
-- first unapproved one in that order; its department becomes the planning department. A
-- cycle without any framework keeps both columns null until an administrator names its
-- planning department.
UPDATE "plan_cycle" AS c
SET "framework_submission_id" = f."id", "planning_department_id" = f."department_id"
FROM (
    SELECT DISTINCT ON (s."tenant_id", s."cycle_id") s."tenant_id", s."cycle_id", s."id", s."department_id"
    FROM "submission" AS s
    WHERE s."kind" IN ('framework', 'city')
    ORDER BY s."tenant_id", s."cycle_id",
        NOT (s."status" = 'approved' OR EXISTS (
            SELECT 1 FROM "workflow_event" AS e
            WHERE e."tenant_id" = s."tenant_id" AND e."submission_id" = s."id" AND e."action" = 'approve'
        )),
        (s."kind" = 'city'), s."department_id", s."created_at", s."id"
) AS f
WHERE c."tenant_id" = f."tenant_id" AND c."id" = f."cycle_id";

-- CreateIndex
CREATE UNIQUE INDEX "plan_cycle_tenant_id_framework_submission_id_key" ON "plan_cycle"("tenant_id", "framework_submission_id");

-- AddForeignKey
ALTER TABLE "plan_cycle" ADD CONSTRAINT "plan_cycle_tenant_id_planning_department_id_fkey" FOREIGN KEY ("tenant_id", "planning_department_id") REFERENCES "department"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_cycle" ADD CONSTRAINT "plan_cycle_tenant_id_framework_submission_id_fkey" FOREIGN KEY ("tenant_id", "framework_submission_id") REFERENCES "submission"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
