-- AlterTable
ALTER TABLE "submission_version" ADD COLUMN     "plan_form" INTEGER,
ADD COLUMN     "plan_sha256" TEXT;

-- CreateTable
CREATE TABLE "version_plan_row" (
    "tenant_id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "table_name" TEXT NOT NULL,
    "row_index" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "version_plan_row_pkey" PRIMARY KEY ("tenant_id","submission_id","version","table_name","row_index")
);

-- AddForeignKey
ALTER TABLE "version_plan_row" ADD CONSTRAINT "version_plan_row_tenant_id_submission_id_version_fkey" FOREIGN KEY ("tenant_id", "submission_id", "version") REFERENCES "submission_version"("tenant_id", "submission_id", "version") ON DELETE RESTRICT ON UPDATE CASCADE;

