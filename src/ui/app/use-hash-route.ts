import { useSyncExternalStore } from "react";

export type Route = { name: "documents" } | { name: "document"; docId: string };

/** Parses a location hash: "#/" → documents, "#/doc/<id>" → one document. */
export function parseRoute(hash: string): Route {
  const match = /^#\/doc\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: "document", docId: decodeURIComponent(match[1]) };
  return { name: "documents" };
}

export function documentHref(docId: string): string {
  return `#/doc/${encodeURIComponent(docId)}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
