-- A practice municipality (issue 20): a tenant seeded from the sample, where the people of a
-- real municipality try every step without touching its plan; its admin may reset it (delete
-- everything of it and seed it again). Every page and document of it says «تمرینی».

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "practice" BOOLEAN NOT NULL DEFAULT false;
