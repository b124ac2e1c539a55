-- Enumerated columns become text with CHECK constraints (schema.prisma explains why); every
-- value is kept. The lists are the core's (roles, workbook kinds, department kinds) and the
-- workflow's statuses and actions; tests/service/schema.test.ts keeps them equal.

-- AlterTable
ALTER TABLE "user_role" ALTER COLUMN "role" SET DATA TYPE TEXT USING "role"::text;
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_check"
    CHECK ("role" IN ('preparer', 'reviewer', 'approver', 'council', 'admin'));

-- AlterTable
ALTER TABLE "submission" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "submission" ALTER COLUMN "status" SET DATA TYPE TEXT USING "status"::text;
ALTER TABLE "submission" ALTER COLUMN "status" SET DEFAULT 'draft';
ALTER TABLE "submission" ADD CONSTRAINT "submission_status_check"
    CHECK ("status" IN ('draft', 'submitted', 'reviewed', 'approved', 'returned'));
ALTER TABLE "submission" ADD CONSTRAINT "submission_kind_check"
    CHECK ("kind" IN ('city', 'framework', 'department', 'revenue', 'monitoring'));

-- AlterTable
ALTER TABLE "workflow_event" ALTER COLUMN "action" SET DATA TYPE TEXT USING "action"::text;
ALTER TABLE "workflow_event" ALTER COLUMN "from_status" SET DATA TYPE TEXT USING "from_status"::text;
ALTER TABLE "workflow_event" ALTER COLUMN "to_status" SET DATA TYPE TEXT USING "to_status"::text;
ALTER TABLE "workflow_event" ADD CONSTRAINT "workflow_event_action_check"
    CHECK ("action" IN ('submit', 'review', 'approve', 'return', 'reopen'));
ALTER TABLE "workflow_event" ADD CONSTRAINT "workflow_event_from_status_check"
    CHECK ("from_status" IN ('draft', 'submitted', 'reviewed', 'approved', 'returned'));
ALTER TABLE "workflow_event" ADD CONSTRAINT "workflow_event_to_status_check"
    CHECK ("to_status" IN ('draft', 'submitted', 'reviewed', 'approved', 'returned'));

-- AlterTable
ALTER TABLE "department" ADD CONSTRAINT "department_kind_check"
    CHECK ("kind" IS NULL OR "kind" IN ('deputy', 'district', 'organization', 'company'));

-- DropEnum
DROP TYPE "role";

-- DropEnum
DROP TYPE "submission_status";

-- DropEnum
DROP TYPE "workflow_action";
