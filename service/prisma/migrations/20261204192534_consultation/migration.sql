-- The consultation (issue 15, "Stakeholders"): the planning office opens one on a cycle's
-- city plan; agencies' representatives and stakeholders comment, propose, endorse and object;
-- the planning office answers each proposal and moderates. A merge names another
-- contribution of the same municipality (ON DELETE NO ACTION: a municipality's rows are
-- purged in one statement).

-- CreateTable
CREATE TABLE "consultation" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "opened_by_id" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by_id" TEXT,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "consultation_contribution" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "consultation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "text" TEXT,
    "on_behalf" BOOLEAN NOT NULL DEFAULT false,
    "author_id" TEXT NOT NULL,
    "stakeholder_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hidden_reason" TEXT,
    "hidden_by_id" TEXT,
    "hidden_at" TIMESTAMP(3),
    "outcome" TEXT,
    "outcome_reason" TEXT,
    "landed_snapshot_id" TEXT,
    "merged_into_id" TEXT,
    "answered_by_id" TEXT,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "consultation_contribution_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "consultation_tenant_id_cycle_id_opened_at_idx" ON "consultation"("tenant_id", "cycle_id", "opened_at");

-- CreateIndex
CREATE INDEX "consultation_contribution_tenant_id_consultation_id_created_idx" ON "consultation_contribution"("tenant_id", "consultation_id", "created_at");

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_tenant_id_cycle_id_fkey" FOREIGN KEY ("tenant_id", "cycle_id") REFERENCES "plan_cycle"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_tenant_id_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_tenant_id_opened_by_id_fkey" FOREIGN KEY ("tenant_id", "opened_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_tenant_id_closed_by_id_fkey" FOREIGN KEY ("tenant_id", "closed_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_consultation_id_fkey" FOREIGN KEY ("tenant_id", "consultation_id") REFERENCES "consultation"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_author_id_fkey" FOREIGN KEY ("tenant_id", "author_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_hidden_by_id_fkey" FOREIGN KEY ("tenant_id", "hidden_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_answered_by_id_fkey" FOREIGN KEY ("tenant_id", "answered_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_landed_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "landed_snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_tenant_id_merged_into_id_fkey" FOREIGN KEY ("tenant_id", "merged_into_id") REFERENCES "consultation_contribution"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- Enumerated columns: text with a CHECK (schema.prisma says why).
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_status_check"
    CHECK ("status" IN ('open', 'closed'));
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_kind_check"
    CHECK ("kind" IN ('comment', 'proposal', 'endorsement', 'objection'));
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_target_kind_check"
    CHECK ("target_kind" IN ('goal', 'strategy', 'program', 'project', 'proposal'));
ALTER TABLE "consultation_contribution" ADD CONSTRAINT "consultation_contribution_outcome_check"
    CHECK ("outcome" IN ('accepted', 'rejected', 'merged'));
