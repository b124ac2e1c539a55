-- Snapshots of the city plan (docs/storage.md, "Snapshots"): the set of approved submission
-- versions a cycle's city plan was made of, with their hashes; the council's decision on it
-- (adopted with its resolution and vote, or returned) and its publication. Keyed by the
-- municipality first, like every table; statuses and triggers are the core's lists
-- (shared/src/contract/snapshots.ts), checked.

-- CreateTable
CREATE TABLE "city_snapshot" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "cycle_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'made',
    "trigger" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_changed_at" TIMESTAMP(3),
    "return_note" TEXT,
    "resolution_number" TEXT,
    "resolution_date" TEXT,
    "votes_for" INTEGER,
    "votes_against" INTEGER,
    "votes_abstaining" INTEGER,
    "adopted_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),

    CONSTRAINT "city_snapshot_pkey" PRIMARY KEY ("tenant_id","id"),
    CONSTRAINT "city_snapshot_status_check"
        CHECK ("status" IN ('made', 'council-review', 'adopted', 'returned')),
    CONSTRAINT "city_snapshot_trigger_check"
        CHECK ("trigger" IN ('last-approval', 'explicit', 'seed')),
    CONSTRAINT "city_snapshot_number_check" CHECK ("number" >= 1),
    CONSTRAINT "city_snapshot_votes_check"
        CHECK ("votes_for" >= 0 AND "votes_against" >= 0 AND "votes_abstaining" >= 0),
    -- An adopted snapshot has its resolution; only an adopted one is published.
    CONSTRAINT "city_snapshot_adoption_check"
        CHECK ("status" <> 'adopted' OR ("resolution_number" IS NOT NULL AND "resolution_date" IS NOT NULL AND "adopted_at" IS NOT NULL)),
    CONSTRAINT "city_snapshot_published_check"
        CHECK ("published_at" IS NULL OR "status" = 'adopted')
);

-- CreateTable
CREATE TABLE "city_snapshot_source" (
    "tenant_id" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tables_sha256" TEXT NOT NULL,

    CONSTRAINT "city_snapshot_source_pkey" PRIMARY KEY ("tenant_id","snapshot_id","submission_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "city_snapshot_tenant_id_cycle_id_number_key" ON "city_snapshot"("tenant_id", "cycle_id", "number");

-- AddForeignKey
ALTER TABLE "city_snapshot" ADD CONSTRAINT "city_snapshot_tenant_id_cycle_id_fkey" FOREIGN KEY ("tenant_id", "cycle_id") REFERENCES "plan_cycle"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "city_snapshot" ADD CONSTRAINT "city_snapshot_tenant_id_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "city_snapshot_source" ADD CONSTRAINT "city_snapshot_source_tenant_id_snapshot_id_fkey" FOREIGN KEY ("tenant_id", "snapshot_id") REFERENCES "city_snapshot"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "city_snapshot_source" ADD CONSTRAINT "city_snapshot_source_tenant_id_submission_id_version_fkey" FOREIGN KEY ("tenant_id", "submission_id", "version") REFERENCES "submission_version"("tenant_id", "submission_id", "version") ON DELETE RESTRICT ON UPDATE NO ACTION;
