-- People and sign-in (issue 15): local accounts' passwords (scrypt), browser sessions (only the
-- SHA-256 of the cookie stored), the two outside roles `agency` and `stakeholder` (the role
-- CHECK replaced with the core's ROLES) and the StakeholderId such a person speaks for.

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "stakeholder_id" TEXT;

-- CreateTable
CREATE TABLE "user_password" (
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change" BOOLEAN NOT NULL DEFAULT false,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "user_password_pkey" PRIMARY KEY ("tenant_id","user_id")
);

-- CreateTable
CREATE TABLE "user_session" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "user_session_tenant_id_user_id_idx" ON "user_session"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_session_tenant_id_token_hash_key" ON "user_session"("tenant_id", "token_hash");

-- AddForeignKey
ALTER TABLE "user_password" ADD CONSTRAINT "user_password_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;


-- Enumerated columns: text with a CHECK (schema.prisma says why).
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_method_check"
    CHECK ("method" IN ('password', 'oidc'));
ALTER TABLE "user_role" DROP CONSTRAINT "user_role_role_check";
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_check"
    CHECK ("role" IN ('preparer', 'reviewer', 'approver', 'council', 'admin', 'agency', 'stakeholder'));
