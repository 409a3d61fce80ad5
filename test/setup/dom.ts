// ui project: jsdom + jest-dom matchers + in-memory IndexedDB + the real i18n instance in English.
import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";
import { i18n } from "../../src/i18n/index.ts";

await i18n.changeLanguage("en");
afterEach(() => cleanup());
