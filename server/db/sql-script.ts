import "server-only";
// Migration scripts run statement by statement. @prisma/adapter-pg's executeScript splits a
// script at every ";", which cuts a function body ($$ … ; … $$) apart, so migrations with
// triggers failed there while PGlite ran them whole. This splitter knows PostgreSQL's quoting.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** The statements of a SQL script: split at ";" outside quotes, dollar quotes and comments. */
export function sqlStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    const rest = script.slice(i);
    if (c === "'" || c === '"') {
      // A quoted literal or identifier; a doubled quote stays inside.
      i++;
      while (i < n && !(script[i] === c && script[i + 1] !== c)) i += script[i] === c ? 2 : 1;
      i++;
    } else if (rest.startsWith("--")) {
      i = script.indexOf("\n", i) === -1 ? n : script.indexOf("\n", i) + 1;
    } else if (rest.startsWith("/*")) {
      i = script.indexOf("*/", i + 2) === -1 ? n : script.indexOf("*/", i + 2) + 2;
    } else if (c === "$" && /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.test(rest)) {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(rest)![0];
      const end = script.indexOf(tag, i + tag.length);
      i = end === -1 ? n : end + tag.length;
    } else if (c === ";") {
      out.push(script.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  out.push(script.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== "" && !/^(--[^\n]*\n?\s*)+$/.test(s));
}

/** The same factory, whose connections run scripts with `sqlStatements`. */
export function withStatementScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    adapter.executeScript = async (script: string) => {
      for (const sql of sqlStatements(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
    };
    return adapter;
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
