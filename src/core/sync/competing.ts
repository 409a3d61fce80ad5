import type { CompetingVersion, SyncRecord } from "./protocol.ts";

/** A record's competing versions (absent or malformed = none). */
export function competingOf(record: SyncRecord | null): CompetingVersion[] {
  const list = record?.competing;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (v): v is CompetingVersion =>
      v !== null && typeof v === "object" && typeof (v as CompetingVersion).text === "string",
  );
}

/**
 * Three-way merge of competing versions by text: a version stays when both sides have it or one
 * side added it since the base; one that either side dropped since the base (a resolved conflict)
 * stays dropped. The server's copy wins for a text both have; versions equal to `currentText` are
 * dropped (they are not competing), and each text appears once.
 */
export function mergeCompeting(
  server: readonly CompetingVersion[],
  base: readonly CompetingVersion[],
  mine: readonly CompetingVersion[],
  currentText: string,
): CompetingVersion[] {
  const inBase = new Set(base.map((v) => v.text));
  const inMine = new Set(mine.map((v) => v.text));
  const inServer = new Set(server.map((v) => v.text));
  const out: CompetingVersion[] = [];
  const seen = new Set<string>([currentText]);
  const add = (v: CompetingVersion) => {
    if (seen.has(v.text)) return;
    seen.add(v.text);
    out.push(v);
  };
  for (const v of server) if (inMine.has(v.text) || !inBase.has(v.text)) add(v);
  for (const v of mine) if (!inServer.has(v.text) && !inBase.has(v.text)) add(v);
  return out;
}

/** `record` with `competing` set to `list` (the field left out when the list is empty). */
export function withCompeting(record: SyncRecord, list: readonly CompetingVersion[]): SyncRecord {
  const { competing: _old, ...rest } = record;
  return list.length > 0 ? { ...rest, competing: [...list] } : rest;
}
