import { useEffect, useState } from "react";
import type { TmMatch } from "../../core/tm/types.ts";
import type { ConcordanceResult, TmLookup, TmStatus } from "../workers/tm-engine.ts";
import type { TmClient } from "./tm-client.ts";

/** The index's state: null while it is being built. */
export function useTmStatus(client: TmClient): TmStatus | null {
  const [status, setStatus] = useState(() => client.status());
  useEffect(() => {
    setStatus(client.status());
    return client.subscribe(() => setStatus(client.status()));
  }, [client]);
  return status;
}

export interface MatchesState {
  /** The row the matches are for (they may lag a moment behind the focused row). */
  segmentId: string | null;
  matches: TmMatch[];
}

const NONE: MatchesState = { segmentId: null, matches: [] };

/**
 * The matches of a lookup, asked again whenever the index changes (a cell saved, a memory
 * imported); an answer that comes after a newer question is dropped.
 */
export function useTmMatches(client: TmClient, lookup: TmLookup | null): MatchesState {
  const [state, setState] = useState<MatchesState>(NONE);
  const key = lookup
    ? JSON.stringify([lookup.segmentId, lookup.source, lookup.prev, lookup.next, lookup.sourceLang])
    : null;
  useEffect(() => {
    if (!lookup || key === null) {
      setState(NONE);
      return;
    }
    let current = true;
    const ask = () => {
      client.match(lookup).then(
        (matches) => {
          if (current) setState({ segmentId: lookup.segmentId ?? null, matches });
        },
        () => {
          if (current) setState({ segmentId: lookup.segmentId ?? null, matches: [] });
        },
      );
    };
    ask();
    const unsubscribe = client.subscribe(ask);
    return () => {
      current = false;
      unsubscribe();
    };
    // The lookup is compared by its key: a new object for the same row asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return state;
}

/** A concordance search for a phrase (null: none asked), with Indonesian word forms or not. */
export function useConcordance(
  client: TmClient,
  phrase: string | null,
  stems = false,
): { phrase: string; result: ConcordanceResult } | null {
  const [state, setState] = useState<{ phrase: string; result: ConcordanceResult } | null>(null);
  useEffect(() => {
    if (phrase === null || phrase.trim() === "") {
      setState(null);
      return;
    }
    let current = true;
    const ask = () => {
      void client.concordance(phrase, 50, stems).then((result) => {
        if (current) setState({ phrase, result });
      });
    };
    ask();
    const unsubscribe = client.subscribe(ask);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client, phrase, stems]);
  return state;
}
