import { describe, expect, it } from "vitest";
import { resources, UI_LANGUAGES, NAMESPACES } from "../../src/i18n/resources.ts";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Interpolation variables per key without its plural suffix (a plural's forms share them). */
function baseKeys(map: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of map) {
    const base = key.replace(/_(zero|one|two|few|many|other)$/, "");
    const vars = new Set([...value.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!));
    const prev = out.get(base);
    out.set(base, prev ? new Set([...prev, ...vars]) : vars);
  }
  return out;
}

describe("locales", () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: vi and id have exactly en's keys and interpolation variables`, () => {
      const enFlat = flatten(resources.en[ns] as Tree);
      const en = baseKeys(enFlat);
      for (const lng of UI_LANGUAGES) {
        const flat = flatten(resources[lng][ns] as Tree);
        // Every plural form en has too (vi and id use only "other", but a missing "_one" is what
        // key-by-key tools and translators flag), so the key sets are identical.
        expect([...flat.keys()].sort(), `${lng}:${ns} keys`).toEqual([...enFlat.keys()].sort());
        const other = baseKeys(flat);
        for (const [key, vars] of en) {
          expect([...(other.get(key) ?? [])].sort(), `${lng}:${ns}:${key}`).toEqual(
            [...vars].sort(),
          );
        }
      }
    });
  }

  it("no translation is empty or left in English by mistake", () => {
    for (const lng of ["vi", "id"] as const) {
      for (const ns of NAMESPACES) {
        const en = flatten(resources.en[ns] as Tree);
        for (const [key, value] of flatten(resources[lng][ns] as Tree)) {
          expect(value.trim(), `${lng}:${ns}:${key}`).not.toBe("");
          const same = en.get(key) === value || en.get(key.replace(/_other$/, "_other")) === value;
          if (same && value.length > 12)
            throw new Error(`${lng}:${ns}:${key} is identical to English: "${value}"`);
        }
      }
    }
  });
});
