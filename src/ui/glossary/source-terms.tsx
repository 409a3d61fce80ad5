import { useMemo, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { glossaryWatch } from "../../db/queries/glossary-live.ts";
import { TermMatcher, type TermHit } from "../../core/glossary/find-terms.ts";
import type { GlossaryConcept } from "../../core/glossary/model.ts";
import { isLang } from "../../core/model/languages.ts";
import "./source-terms.css";

const NONE: readonly TermHit[] = [];

/** A glossary compiled for one source language, with the hits remembered per text. */
interface Compiled {
  concepts: readonly GlossaryConcept[];
  sourceLang: string;
  find: (text: string) => readonly TermHit[];
}

let compiled: Compiled | null = null;

function compiledFor(concepts: readonly GlossaryConcept[], sourceLang: string): Compiled {
  if (compiled && compiled.concepts === concepts && compiled.sourceLang === sourceLang)
    return compiled;
  const matcher = new TermMatcher({ concepts: [...concepts] }, { sourceLang });
  const seen = new Map<string, readonly TermHit[]>();
  compiled = {
    concepts,
    sourceLang,
    find: (text) => {
      let hits = seen.get(text);
      if (!hits) {
        const found = matcher.find(text);
        hits = found.length > 0 ? found : NONE;
        if (seen.size > 20_000) seen.clear();
        seen.set(text, hits);
      }
      return hits;
    },
  };
  return compiled;
}

/**
 * The project glossary's terms found in a source text (the core matcher the Glossary panel uses,
 * Indonesian inflections included), for the grid's source cells: one live glossary query for all
 * cells, compiled once per glossary change and language, hits remembered per text.
 */
export function useSourceTerms(text: string, sourceLang: string): readonly TermHit[] {
  const db = useDb();
  const watch = useMemo(() => glossaryWatch(db), [db]);
  const concepts = useSyncExternalStore(watch.subscribe, watch.current);
  return useMemo(
    () =>
      !concepts || concepts.length === 0 ? NONE : compiledFor(concepts, sourceLang).find(text),
    [concepts, sourceLang, text],
  );
}

/** Hits at the same place (homonyms) as one mark, left to right, overlaps dropped. */
function groups(hits: readonly TermHit[]): TermHit[][] {
  const out: TermHit[][] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last[0]!.start === hit.start && last[0]!.end === hit.end) last.push(hit);
    else if (!last || hit.start >= last[0]!.end) out.push([hit]);
  }
  return out;
}

/** "ký (vi), sign (en)": a hit's translations that may be used, forbidden ones said as such. */
function useDescribe() {
  const { t } = useTranslation(["tm", "common"]);
  const name = (lang: string) => (isLang(lang) ? t(`common:lang.${lang}`) : lang);
  return (group: readonly TermHit[], text: string) => {
    const terms = group.map((hit) => {
      const translations = Object.entries(hit.translations).flatMap(([code, list]) =>
        list.map((term) =>
          term.status === "forbidden"
            ? t("tm:glossary.mark.forbidden", { term: term.text, lang: name(code) })
            : t("tm:glossary.mark.translation", { term: term.text, lang: name(code) }),
        ),
      );
      return t("tm:glossary.mark.term", {
        term: hit.term.text,
        translations: translations.join(", "),
      });
    });
    return t("tm:glossary.mark.label", { text, terms: terms.join("; ") });
  };
}

/**
 * `text` (a run of the source starting at `offset` in the whole source) with the glossary's hits
 * in it marked: each a `mark` of role term whose accessible name and tooltip say the term and its
 * translations; `inner` renders the plain pieces (the find's marks, QA's), given where each starts
 * in the whole text (`offset` counted in).
 */
export function TermMarks({
  text,
  offset = 0,
  hits,
  inner,
}: {
  text: string;
  offset?: number;
  hits: readonly TermHit[];
  inner: (piece: string, at: number) => ReactNode;
}) {
  const describe = useDescribe();
  const inside = hits.filter((h) => h.start >= offset && h.end <= offset + text.length);
  if (inside.length === 0) return <>{inner(text, offset)}</>;
  const out: ReactNode[] = [];
  let at = 0;
  for (const group of groups(inside)) {
    const start = group[0]!.start - offset;
    const end = group[0]!.end - offset;
    if (start > at)
      out.push(<span key={`t${at}`}>{inner(text.slice(at, start), offset + at)}</span>);
    const piece = text.slice(start, end);
    const label = describe(group, piece);
    out.push(
      <mark
        key={`m${start}`}
        role="term"
        className={`term-mark${group.some((h) => h.term.status === "forbidden") ? " forbidden" : ""}`}
        aria-label={label}
        title={label}
        data-concept={group.map((h) => h.conceptId).join(" ")}
      >
        {inner(piece, offset + start)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) out.push(<span key={`t${at}`}>{inner(text.slice(at), offset + at)}</span>);
  return <>{out}</>;
}
