import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import type { PresenceEntry } from "../../core/sync/protocol.ts";
import { presenceCellKey, usePresence } from "./team-context.tsx";
import "./team.css";

/** Initials of a name: the first letters of its first two words ("Lan Nguyen" → "LN"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0] ?? "");
  return letters.join("").toLocaleUpperCase() || "?";
}

/** Dark backgrounds that keep white initials above 4.5:1 (WCAG AA). */
const COLOURS = ["#1d4ed8", "#7c2d12", "#15803d", "#6d28d9", "#9d174d", "#0f766e", "#854d0e"];

export function presenceColour(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}

/** One entry per person (several tabs or browsers of one account count once). */
function people(entries: readonly PresenceEntry[]): PresenceEntry[] {
  const seen = new Map<string, PresenceEntry>();
  for (const e of entries) if (!seen.has(e.userId)) seen.set(e.userId, e);
  return [...seen.values()];
}

/** The grid tells the team where this user is: the open document and its focused cell. */
export function useReportPresence(
  docId: string,
  cell: { segmentId: string; lang: TargetLang } | null,
): void {
  const { report } = usePresence();
  const segmentId = cell?.segmentId ?? null;
  const lang = cell?.lang ?? null;
  useEffect(() => {
    report(docId, segmentId && lang ? { segmentId, lang } : null);
  }, [report, docId, segmentId, lang]);
  useEffect(() => () => report(null, null), [report]);
}

/** The grid's header: who else has this document open (nothing when nobody). */
export function PresenceNames() {
  const { t } = useTranslation("team");
  const { others } = usePresence();
  const list = people(others);
  if (list.length === 0) return null;
  return (
    <div className="presence-names" data-testid="presence-names">
      <span className="presence-label">{t("presence.here", { count: list.length })}</span>
      <ul aria-label={t("presence.listLabel")}>
        {list.map((p) => (
          <li key={p.userId} data-testid="presence-person">
            <span
              className="presence-avatar"
              aria-hidden="true"
              style={{ background: presenceColour(p.userId) }}
            >
              {initials(p.name)}
            </span>
            {p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** On a cell: a small marker with the initials of each other member in it (accessible name). */
export function PresenceMarker({
  segmentId,
  lang,
  index,
}: {
  segmentId: string;
  lang: TargetLang;
  index: number;
}) {
  const { t } = useTranslation("team");
  const { byCell } = usePresence();
  const here = byCell.get(presenceCellKey(segmentId, lang));
  if (!here || here.length === 0) return null;
  const list = people(here);
  return (
    <span className="presence-markers" data-testid={`presence-${lang}-${index}`}>
      {list.map((p) => {
        const label = t("presence.inCell", { name: p.name });
        return (
          <span
            key={p.userId}
            role="img"
            className="presence-avatar small"
            aria-label={label}
            title={label}
            style={{ background: presenceColour(p.userId) }}
          >
            {initials(p.name)}
          </span>
        );
      })}
    </span>
  );
}
