-- Foreign keys say ON UPDATE NO ACTION (ids never change): Citus refuses ON UPDATE CASCADE
-- on a foreign key that includes the distribution column (docs/storage.md, Citus).
-- DropForeignKey
ALTER TABLE "api_token" DROP CONSTRAINT "api_token_tenant_id_user_id_fkey";

-- DropForeignKey
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_tenant_id_department_id_fkey";

-- DropForeignKey
ALTER TABLE "app_user" DROP CONSTRAINT "app_user_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "comment" DROP CONSTRAINT "comment_tenant_id_author_id_fkey";

-- DropForeignKey
ALTER TABLE "comment" DROP CONSTRAINT "comment_tenant_id_submission_id_fkey";

-- DropForeignKey
ALTER TABLE "department" DROP CONSTRAINT "department_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_cycle" DROP CONSTRAINT "plan_cycle_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_cycle" DROP CONSTRAINT "plan_cycle_tenant_id_framework_submission_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_cycle" DROP CONSTRAINT "plan_cycle_tenant_id_planning_department_id_fkey";

-- DropForeignKey
ALTER TABLE "submission" DROP CONSTRAINT "submission_tenant_id_created_by_id_fkey";

-- DropForeignKey
ALTER TABLE "submission" DROP CONSTRAINT "submission_tenant_id_cycle_id_fkey";

-- DropForeignKey
ALTER TABLE "submission" DROP CONSTRAINT "submission_tenant_id_department_id_fkey";

-- DropForeignKey
ALTER TABLE "submission_version" DROP CONSTRAINT "submission_version_tenant_id_created_by_id_fkey";

-- DropForeignKey
ALTER TABLE "submission_version" DROP CONSTRAINT "submission_version_tenant_id_submission_id_fkey";

-- DropForeignKey
ALTER TABLE "user_role" DROP CONSTRAINT "user_role_tenant_id_user_id_fkey";

-- DropForeignKey
ALTER TABLE "version_plan_row" DROP CONSTRAINT "version_plan_row_tenant_id_submission_id_version_fkey";

-- DropForeignKey
ALTER TABLE "version_row" DROP CONSTRAINT "version_row_tenant_id_submission_id_version_fkey";

-- DropForeignKey
ALTER TABLE "version_total" DROP CONSTRAINT "version_total_tenant_id_submission_id_version_fkey";

-- DropForeignKey
ALTER TABLE "workflow_event" DROP CONSTRAINT "workflow_event_tenant_id_actor_id_fkey";

-- DropForeignKey
ALTER TABLE "workflow_event" DROP CONSTRAINT "workflow_event_tenant_id_submission_id_fkey";

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_tenant_id_department_id_fkey" FOREIGN KEY ("tenant_id", "department_id") REFERENCES "department"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "plan_cycle" ADD CONSTRAINT "plan_cycle_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "plan_cycle" ADD CONSTRAINT "plan_cycle_tenant_id_planning_department_id_fkey" FOREIGN KEY ("tenant_id", "planning_department_id") REFERENCES "department"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "plan_cycle" ADD CONSTRAINT "plan_cycle_tenant_id_framework_submission_id_fkey" FOREIGN KEY ("tenant_id", "framework_submission_id") REFERENCES "submission"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_tenant_id_cycle_id_fkey" FOREIGN KEY ("tenant_id", "cycle_id") REFERENCES "plan_cycle"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_tenant_id_department_id_fkey" FOREIGN KEY ("tenant_id", "department_id") REFERENCES "department"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_tenant_id_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_tenant_id_submission_id_fkey" FOREIGN KEY ("tenant_id", "submission_id") REFERENCES "submission"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_tenant_id_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "version_row" ADD CONSTRAINT "version_row_tenant_id_submission_id_version_fkey" FOREIGN KEY ("tenant_id", "submission_id", "version") REFERENCES "submission_version"("tenant_id", "submission_id", "version") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "version_plan_row" ADD CONSTRAINT "version_plan_row_tenant_id_submission_id_version_fkey" FOREIGN KEY ("tenant_id", "submission_id", "version") REFERENCES "submission_version"("tenant_id", "submission_id", "version") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "version_total" ADD CONSTRAINT "version_total_tenant_id_submission_id_version_fkey" FOREIGN KEY ("tenant_id", "submission_id", "version") REFERENCES "submission_version"("tenant_id", "submission_id", "version") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "workflow_event" ADD CONSTRAINT "workflow_event_tenant_id_submission_id_fkey" FOREIGN KEY ("tenant_id", "submission_id") REFERENCES "submission"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "workflow_event" ADD CONSTRAINT "workflow_event_tenant_id_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_tenant_id_submission_id_fkey" FOREIGN KEY ("tenant_id", "submission_id") REFERENCES "submission"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_tenant_id_author_id_fkey" FOREIGN KEY ("tenant_id", "author_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

