-- Agency sign-offs (issue 15, "Agencies"): an executive agency's representative signs the
-- cycle's strategic document, bound to a snapshot and to the hash of what the agency signed.

-- CreateTable
CREATE TABLE "agency_signature" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "stakeholder_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "signed_sha256" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_signature_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "agency_signature_tenant_id_cycle_id_stakeholder_id_created__idx" ON "agency_signature"("tenant_id", "cycle_id", "stakeholder_id", "created_at");

-- AddForeignKey
ALTER TABLE "agency_signature" ADD CONSTRAINT "agency_signature_tenant_id_cycle_id_fkey" FOREIGN KEY ("tenant_id", "cycle_id") REFERENCES "plan_cycle"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "agency_signature" ADD CONSTRAINT "agency_signature_tenant_id_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "agency_signature" ADD CONSTRAINT "agency_signature_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;


-- Enumerated columns: text with a CHECK (schema.prisma says why).
ALTER TABLE "agency_signature" ADD CONSTRAINT "agency_signature_position_check"
    CHECK ("position" IN ('agree', 'agree-with-reservations', 'disagree'));
