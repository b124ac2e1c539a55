-- The council's amendments (docs/storage.md, "Amendments"): proposed per row when the council
-- returns a snapshot (change a project's cost of a year, drop a project or activity, a condition
-- on an item), open until the planning office links each to the later snapshot it landed in.
-- Keyed by the municipality first; kinds and statuses are the core's lists
-- (shared/src/contract/amendments.ts), checked.

-- CreateTable
CREATE TABLE "council_amendment" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "item_table" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "year" INTEGER,
    "amount" BIGINT,
    "text" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "applied_in_snapshot_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_by_id" TEXT,
    "applied_at" TIMESTAMP(3),

    CONSTRAINT "council_amendment_pkey" PRIMARY KEY ("tenant_id","id"),
    CONSTRAINT "council_amendment_kind_check"
        CHECK ("kind" IN ('change-cost', 'drop', 'condition')),
    CONSTRAINT "council_amendment_status_check" CHECK ("status" IN ('open', 'applied')),
    CONSTRAINT "council_amendment_seq_check" CHECK ("seq" >= 1),
    CONSTRAINT "council_amendment_amount_check" CHECK ("amount" IS NULL OR "amount" >= 0),
    -- An applied amendment names the snapshot it landed in; an open one names none.
    CONSTRAINT "council_amendment_applied_check"
        CHECK (("status" = 'applied') = ("applied_in_snapshot_id" IS NOT NULL AND "applied_at" IS NOT NULL))
);

-- CreateIndex
CREATE INDEX "council_amendment_tenant_id_applied_in_snapshot_id_idx" ON "council_amendment"("tenant_id", "applied_in_snapshot_id");

-- CreateIndex
CREATE UNIQUE INDEX "council_amendment_tenant_id_snapshot_id_seq_key" ON "council_amendment"("tenant_id", "snapshot_id", "seq");

-- AddForeignKey
ALTER TABLE "council_amendment" ADD CONSTRAINT "council_amendment_tenant_id_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "council_amendment" ADD CONSTRAINT "council_amendment_tenant_id_applied_in_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "applied_in_snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

