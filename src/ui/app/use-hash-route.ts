import { useSyncExternalStore } from "react";

export type Route =
  | { name: "documents" }
  | { name: "settings" }
  | { name: "document"; docId: string; params: URLSearchParams };

/** Parses a location hash: "#/" → documents, "#/doc/<id>?<filters>" → one document. */
export function parseRoute(hash: string): Route {
  const match = /^#\/doc\/([^/?#]+)(?:\?(.*))?$/.exec(hash);
  if (match?.[1]) {
    return {
      name: "document",
      docId: decodeURIComponent(match[1]),
      params: new URLSearchParams(match[2] ?? ""),
    };
  }
  if (hash.startsWith("#/settings")) return { name: "settings" };
  return { name: "documents" };
}

export function documentHref(docId: string, params?: URLSearchParams): string {
  const query = params?.toString();
  return `#/doc/${encodeURIComponent(docId)}${query ? `?${query}` : ""}`;
}

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  listeners.add(onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    listeners.delete(onChange);
  };
}

/**
 * Goes to a hash at once: the location changes synchronously but its `hashchange` event comes a
 * task later, and a second change made before it (a filter's toggle right after another) would
 * start from the view before the first. Screens re-read the route in the same event instead.
 */
export function navigate(href: string): void {
  window.location.hash = href;
  for (const listener of listeners) listener();
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
