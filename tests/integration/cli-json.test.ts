// Every ops CLI command run with --json as an operator's script would run it (a child process,
// the real entry point, this project's database, the Senar simulator): stdout must be exactly one
// JSON document, for success and for errors alike, and logs must stay on stderr. The commands
// come from the CLI's own registry (help --json), so a new command without a case here fails.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT, startSimulator, type RunningSim } from "@/senar-sim/server";

const root = path.resolve(import.meta.dirname, "../..");
let sim: RunningSim;

type Run = { code: number | null; doc: Record<string, unknown>; stderr: string };

/** Async on purpose: the simulator answers from this process while the CLI runs. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: root,
      env: { ...process.env, APP_URL: "http://127.0.0.1:3999", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      try {
        // Exactly one line, and that line is the whole JSON document.
        const lines = stdout.split("\n").filter((l) => l.trim() !== "");
        expect(lines, `stdout of cli ${args.join(" ")}:\n${stdout}\nstderr:\n${stderr}`).toHaveLength(1);
        resolve({ code, doc: JSON.parse(stdout) as Record<string, unknown>, stderr });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

const failed = (r: Run, code: number, kind?: string) => {
  expect(r.code).toBe(code);
  expect(r.doc.ok).toBe(false);
  const error = r.doc.error as { code: string; message: string };
  expect(typeof error.message).toBe("string");
  if (kind) expect(error.code).toBe(kind);
};
const succeeded = (r: Run) => {
  expect(r.doc.ok, JSON.stringify(r.doc)).toBe(true);
  expect(r.code).toBe(0);
  return r.doc;
};

const OWNER = { email: "ops@cli-json.test", password: "a long passphrase 2026" };
const MEMBER = { email: "viewer@cli-json.test", password: "another passphrase 2026" };
let slug = "";

// Each command: the valid call(s) and the bad ones, in an order where each can build on the last.
const cases: Record<string, { valid: () => Promise<void>; bad: () => Promise<void> }> = {
  "user:create": {
    valid: async () => {
      expect(succeeded(await cli(["user:create", "--email", OWNER.email, "--password", OWNER.password, "--json"])).email).toBe(OWNER.email);
      succeeded(await cli(["user:create", "--json", "--email", MEMBER.email, "--password", MEMBER.password]));
    },
    bad: async () => {
      failed(await cli(["user:create", "--email", OWNER.email, "--json"]), 2, "usage");
      // The same email again: a clear refusal, not a crash.
      failed(await cli(["user:create", "--email", OWNER.email, "--password", OWNER.password, "--json"]), 2);
    },
  },
  "workspace:create": {
    valid: async () => {
      const doc = succeeded(
        await cli([
          "workspace:create", "--name", "CLI JSON", "--owner", OWNER.email, "--senar-url", sim.url,
          "--senar-username", DEFAULT_ACCOUNT.username, "--senar-password", DEFAULT_ACCOUNT.password, "--json",
        ]),
      );
      slug = String(doc.slug);
      expect(slug).toMatch(/^cli-json/);
    },
    bad: async () => {
      failed(await cli(["workspace:create", "--name", "X", "--owner", "nobody@cli-json.test", "--json"]), 2, "not_found");
      failed(await cli(["workspace:create", "--name", "X", "--owner", OWNER.email, "--senar-username", "u", "--json"]), 2, "usage");
    },
  },
  "member:add": {
    valid: async () => {
      expect(succeeded(await cli(["member:add", "--workspace", slug, "--email", MEMBER.email, "--role", "viewer", "--json"])).role).toBe("VIEWER");
    },
    bad: async () => {
      failed(await cli(["member:add", "--workspace", slug, "--email", MEMBER.email, "--role", "king", "--json"]), 2, "usage");
      failed(await cli(["member:add", "--workspace", "no-such-ws", "--email", MEMBER.email, "--role", "viewer", "--json"]), 2, "not_found");
    },
  },
  "apikey:create": {
    valid: async () => {
      expect(succeeded(await cli(["apikey:create", "--workspace", slug, "--name", "ci", "--json"])).key).toEqual(expect.any(String));
    },
    bad: async () => failed(await cli(["apikey:create", "--workspace", slug, "--json"]), 2, "usage"),
  },
  "webhooks:register": {
    valid: async () => {
      const doc = succeeded(await cli(["webhooks:register", "--workspace", slug, "--json"]));
      // Several hooks, several human lines: still one document.
      expect((doc.hooks as unknown[]).length).toBeGreaterThanOrEqual(2);
      expect(sim.hooks().length).toBeGreaterThanOrEqual(2);
    },
    bad: async () => failed(await cli(["webhooks:register", "--workspace", slug, "--typo", "--json"]), 2, "usage"),
  },
  sync: {
    valid: async () => {
      const r = await cli(["sync", "--workspace", slug, "--json"]);
      const doc = succeeded(r);
      expect(doc.status).toBe("SUCCEEDED");
      expect((doc.counts as { users: { new: number } }).users.new).toBe(12);
      // The sync logs as it goes: on stderr, where it cannot break the document.
      expect(r.stderr).toContain('"msg":"sync finished"');
      // Senar down: the run fails, exit 1, and that is one document too.
      sim.setFaults({ down: true });
      try {
        const down = await cli(["sync", "--workspace", slug, "--json"]);
        failed(down, 1, "sync_failed");
        expect(down.doc.status).toBe("FAILED");
      } finally {
        sim.setFaults({ down: false });
      }
    },
    bad: async () => {
      failed(await cli(["sync", "--json"]), 2, "usage");
      failed(await cli(["sync", "--workspace", "no-such-ws", "--json"]), 2, "not_found");
    },
  },
  "keys:rotate": {
    valid: async () => {
      expect(succeeded(await cli(["keys:rotate", "--json"]))).toMatchObject({ workspaces: 0, users: 0, unchanged: expect.any(Number) });
    },
    bad: async () => failed(await cli(["keys:rotate", "--now", "--json"]), 2, "usage"),
  },
};

beforeAll(async () => {
  sim = await startSimulator({ users: 12, trainees: 20, activities: 60 });
});
afterAll(async () => {
  await sim.close();
});

describe(`ops CLI --json (${process.env.TEST_DB_KIND})`, () => {
  it("help, no command and an unknown command are one document each, listing every command", async () => {
    const help = succeeded(await cli(["help", "--json"]));
    const names = (help.commands as { name: string }[]).map((c) => c.name);
    expect(names.sort()).toEqual(Object.keys(cases).sort());

    const none = await cli(["--json"]);
    failed(none, 2, "usage");
    expect((none.doc.commands as unknown[]).length).toBe(names.length);
    failed(await cli(["no:such", "--json"]), 2, "unknown_command");
  }, 120_000);

  it("every command, with valid and with bad arguments, prints exactly one JSON document", async () => {
    for (const [name, c] of Object.entries(cases)) {
      await c.valid().catch((err: unknown) => {
        throw new Error(`${name} (valid): ${err instanceof Error ? err.message : String(err)}`);
      });
      await c.bad().catch((err: unknown) => {
        throw new Error(`${name} (bad arguments): ${err instanceof Error ? err.message : String(err)}`);
      });
    }
  }, 600_000);

  it("a failure before any command runs (a bad environment) is one document too, exit 2", async () => {
    failed(await cli(["keys:rotate", "--json"], { ENCRYPTION_KEY: "short" }), 2, "environment");
  }, 120_000);
});
