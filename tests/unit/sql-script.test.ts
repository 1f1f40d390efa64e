import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sqlStatements } from "@/server/db/sql-script";

describe("sqlStatements", () => {
  it("splits at semicolons outside quotes, dollar quotes and comments", () => {
    const script = `CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine');
-- a comment; still a comment
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO t VALUES (1); RETURN NULL;
END $$;
/* block; comment */ SELECT $tag$ ; $$ ; $tag$;
`;
    expect(sqlStatements(script)).toEqual([
      `CREATE TABLE "a;b" (x text DEFAULT 'it''s; fine')`,
      `-- a comment; still a comment\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  INSERT INTO t VALUES (1); RETURN NULL;\nEND $$`,
      `/* block; comment */ SELECT $tag$ ; $$ ; $tag$`,
    ]);
  });

  it("keeps every migration's statements whole (each ends where PostgreSQL would end it)", () => {
    for (const dir of readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const sql = readFileSync(`prisma/migrations/${dir.name}/migration.sql`, "utf8");
      const statements = sqlStatements(sql);
      expect(statements.length).toBeGreaterThan(0);
      // Dollar quotes are balanced inside each statement.
      for (const s of statements) expect((s.match(/\$\$/g) ?? []).length % 2).toBe(0);
    }
  });
});
