-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "defaultLocale" TEXT NOT NULL DEFAULT 'en';
