// Every language has exactly English's keys, per namespace, with the same ICU arguments (names
// and types, plurals included), so no page shows a missing key or a broken placeholder.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { NAMESPACES } from "@/i18n/namespaces";

const root = path.resolve(import.meta.dirname, "../../messages");
type Tree = { [key: string]: string | Tree };

function load(locale: string, ns: string): Tree {
  return JSON.parse(readFileSync(path.join(root, locale, `${ns}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** "name:type" for every argument, nested ones (inside plural/select branches) included. */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) found.add(`${el.value}:text`);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date) found.add(`${el.value}:date`);
      else if (el.type === TYPE.time) found.add(`${el.value}:time`);
      else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>:tag`);
        walk(el.children);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.select ? "select" : el.pluralType === "ordinal" ? "selectordinal" : "plural"}`);
        for (const opt of Object.values(el.options)) walk(opt.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe("message catalogs", () => {
  it("each language has one file per namespace, no more", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(root, locale)).sort();
      expect(files, locale).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const ns of NAMESPACES) {
    const en = flatten(load("en", ns));
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      it(`${locale}/${ns}: English's keys and ICU arguments`, () => {
        const other = flatten(load(locale, ns));
        expect([...other.keys()].sort(), "keys").toEqual([...en.keys()].sort());
        for (const [key, text] of en) {
          const translated = other.get(key) ?? "";
          expect(translated.trim(), `${locale}/${ns}:${key} is empty`).not.toBe("");
          expect(icuArguments(translated), `${locale}/${ns}:${key}`).toEqual(icuArguments(text));
        }
      });
    }
  }

  it("the argument check sees plurals and nested arguments (guards the guard)", () => {
    expect(icuArguments("{n, plural, one {# day with {who}} other {# days}}")).toEqual(["n:plural", "who:text"]);
    expect(icuArguments("{n} days")).not.toEqual(icuArguments("{n, plural, other {# days}}"));
    expect(icuArguments("Hello {name}")).not.toEqual(icuArguments("Hello {nom}"));
  });
});
