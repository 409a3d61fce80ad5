// ui project: jsdom + jest-dom matchers + in-memory IndexedDB + the real i18n instance in English.
import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";
import { i18n } from "../../src/i18n/index.ts";

await i18n.changeLanguage("en");
afterEach(() => cleanup());

// jsdom has no layout: give the grid's scroll container a viewport size so the virtualizer renders
// the rows that a real browser would show (the e2e tests check the real layout).
for (const [prop, size] of [
  ["clientHeight", 800],
  ["clientWidth", 1200],
  ["offsetHeight", 800],
  ["offsetWidth", 1200],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains("grid-scroll") ? size : 0;
    },
  });
}
