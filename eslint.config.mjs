import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import i18next from "eslint-plugin-i18next";
import globals from "globals";
import tseslint from "typescript-eslint";

// Files whose user-facing text is all in messages/ (docs/I18N.md). Translators add each file
// here as they convert it; once every page is converted this becomes ["app/**", "components/**"].
const translated = [
  "app/layout.tsx",
  "app/forbidden.tsx",
  "app/signin/page.tsx",
  "app/w/[[]slug]/layout.tsx",
  "app/w/[[]slug]/settings/layout.tsx",
  "components/account-menu.tsx",
  "components/brand.tsx",
  "components/client-messages.tsx",
  "components/language-form.tsx",
  "components/language-menu.tsx",
  "components/settings-nav.tsx",
  "components/sign-in-form.tsx",
  "components/sign-out-button.tsx",
  "components/workspace-nav.tsx",
];
// The layers, as import rules (docs/DECISIONS.md): pages and components read through server/data,
// never server/db; a WorkspaceScope is minted only by the guards, the API caller and systemScope;
// systemScope (no member behind it) only for the scheduler, the CLI and the cron routes.
const noDb = { group: ["@/server/db", "@/server/db/*", "**/server/db", "**/server/db/*"], message: "Pages and components read through server/data/*, never server/db." };
const noMint = { group: ["@/server/auth/scope", "**/auth/scope", "./scope"], importNames: ["mintScope"], message: "Only the guards, the API caller and systemScope mint a WorkspaceScope." };
const noSystemScope = { group: ["@/server/auth/system-scope", "**/auth/system-scope", "./system-scope"], message: "systemScope is for server/sync, server/cli and app/api/cron only; users get their scope from the guards." };
// Changes go through server/commands, which audit; app/ and components/ never write the log.
const noAudit = { group: ["@/server/audit", "**/server/audit"], message: "Audit inside a command (server/commands/*), not in app/." };
const restrict = (...patterns) => ["error", { patterns }];
const MINTERS = ["server/auth/guards.ts", "server/auth/system-scope.ts", "server/api/auth.ts"];
const SYSTEM = ["server/sync/**", "server/cli/**", "app/api/cron/**"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "server/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only server/env.ts may read process.env.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/env.ts." }],
    },
  },
  {
    files: ["server/env.ts", "instrumentation.ts", "next.config.mjs", "scripts/**", "tests/**", "senar-sim/**", "playwright.config.ts", "vitest.config.ts", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // No literal text in JSX, nor in the attributes people read (labels, hints, titles, alt text).
    files: translated,
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { include: ["title", "aria-label", "aria-description", "placeholder", "alt", "label", "hint", "description", "intro", "submitLabel"] },
        },
      ],
    },
  },
  { files: ["server/**"], ignores: [...MINTERS, ...SYSTEM], rules: { "no-restricted-imports": restrict(noMint, noSystemScope) } },
  { files: ["server/sync/**", "server/cli/**"], rules: { "no-restricted-imports": restrict(noMint) } },
  // In flat config a later block's rule replaces an earlier one: each block lists every pattern it needs.
  { files: ["app/**", "components/**"], ignores: [...SYSTEM], rules: { "no-restricted-imports": restrict(noDb, noAudit, noMint, noSystemScope) } },
  { files: ["app/api/cron/**"], rules: { "no-restricted-imports": restrict(noDb, noAudit, noMint) } },
);
