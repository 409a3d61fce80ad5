/**
 * Layout and legibility figures of the grid page, read from the rendered page (issue 13 items 18,
 * 20, 22, 24): where the first segment row starts, how many rows are fully in view, whether the page
 * itself scrolls, which labels of the header, toolbar and filter bar wrap (and where a wrap falls
 * inside a word), and the contrast and font size of the grid's badges and small print, computed from
 * the computed styles. Used by grid-layout.spec.ts and by layout-figures.ts (a printout).
 */
import type { Page } from "playwright-core";

export interface TextProblem {
  /** Where: the nearest element with a data-testid or class, and the text. */
  where: string;
  text: string;
}

export interface BadgeFigure {
  selector: string;
  text: string;
  /** WCAG contrast of the text colour on the painted background. */
  ratio: number;
  fontPx: number;
}

export interface LayoutFigures {
  width: number;
  height: number;
  /** Top of the first segment row in the viewport (px), null when no row is rendered. */
  firstRowY: number | null;
  /** Segment rows whose box lies fully inside the grid's scroller and the viewport. */
  visibleRows: number;
  /** The document scrolls (its content is taller or wider than the window). */
  pageScrolls: boolean;
  appHeaderHeight: number;
  /** From the top of the window to the top of the grid's column header. */
  gridTop: number;
  /** The progress bars sit on the title's line. */
  progressOnTitleLine: boolean;
  /** Labels in the header, page head, toolbars and filter bar that take more than one line. */
  wrapped: TextProblem[];
  /** Of those, the ones whose line break falls between two letters. */
  midWord: TextProblem[];
  badges: BadgeFigure[];
  /** Visible text anywhere in the app under 12 px. */
  small: (TextProblem & { fontPx: number })[];
}

/** A title long enough to push anything beside it off its line. */
export const LONG_TITLE =
  "Laporan tahunan pelaksanaan program pembangunan daerah tertinggal di Provinsi Nusa Tenggara Timur tahun anggaran 2025";

/** Short Indonesian sentences, a few per paragraph: one line per cell at these widths. */
export function shortSentences(count: number): string {
  const words = ["Kami", "Mereka", "Ibu", "Pak Budi", "Anak-anak", "Tim kami"];
  const acts = ["datang pagi.", "makan siang.", "pulang sore.", "membaca buku.", "rapat lagi."];
  const lines: string[] = [];
  for (let i = 0; i < count; i += 3) {
    const line: string[] = [];
    for (let k = i; k < Math.min(count, i + 3); k++) {
      line.push(`${words[k % words.length]} ${acts[k % acts.length]}`);
    }
    lines.push(line.join(" "));
  }
  return lines.join("\n");
}

/** Badges and small print of the grid whose contrast is checked. */
export const BADGE_SELECTORS = [
  ".status-badge",
  ".comment-badge",
  ".conflict-marker",
  ".confidence",
  ".span-note",
  ".under-tag",
  ".code-legend",
  ".lock-mark",
  ".seg-number",
  ".para-mark",
  ".grid-header .grid-cell",
  ".filter-count",
  ".filter-field > span",
  ".cell-tools-label",
  ".progress-text",
  ".save-indicator",
  ".tagline",
] as const;

/** esbuild's keepNames wraps named functions in `__name(...)`; the page has no such helper. */
export const NAME_SHIM = "globalThis.__name ??= (fn) => fn;";

export async function measureLayout(page: Page): Promise<LayoutFigures> {
  return page.evaluate((badgeSelectors: readonly string[]) => {
    const parse = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[\s,/]+/).filter((p) => p !== "");
      const [r, g, b] = parts.slice(0, 3).map(Number) as [number, number, number];
      const a = parts[3] === undefined ? 1 : Number(parts[3]);
      return [r, g, b, a];
    };
    const over = (
      top: [number, number, number, number],
      under: [number, number, number],
    ): [number, number, number] => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)) as [number, number, number];
    };
    /** The colour painted behind an element: its and its ancestors' backgrounds, composited. */
    const backgroundOf = (el: Element): [number, number, number] => {
      const layers: [number, number, number, number][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let color: [number, number, number] = [255, 255, 255];
      for (const layer of layers.reverse()) color = over(layer, color);
      return color;
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a: [number, number, number], b: [number, number, number]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const describe = (el: Element): string => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const id = e.getAttribute("data-testid");
        if (id) return `[data-testid=${id}]`;
        if (typeof e.className === "string" && e.className.trim() !== "") {
          return `${e.tagName.toLowerCase()}.${e.className.trim().split(/\s+/).join(".")}`;
        }
      }
      return el.tagName.toLowerCase();
    };
    const shown = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      if (el.closest(".visually-hidden, [aria-hidden='true'] .visually-hidden")) return false;
      const style = getComputedStyle(el);
      return style.visibility !== "hidden" && Number(style.opacity) > 0;
    };
    const textNodes = (root: Element): Text[] => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.textContent ?? "").trim() !== "") out.push(n as Text);
      }
      return out;
    };
    /** Line tops of each character of a text node (one entry per rendered character). */
    const charTops = (node: Text): { ch: string; top: number }[] => {
      const text = node.textContent ?? "";
      const range = document.createRange();
      const out: { ch: string; top: number }[] = [];
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) out.push({ ch: text[i]!, top: Math.round(rect.top) });
      }
      return out;
    };

    const wrapped: { where: string; text: string }[] = [];
    const midWord: { where: string; text: string }[] = [];
    const labelRoots = [...document.querySelectorAll(".app-header, .page-head, .filter-bar")];
    for (const root of labelRoots) {
      for (const node of textNodes(root)) {
        const parent = node.parentElement;
        if (!parent || !shown(parent)) continue;
        const tops = charTops(node);
        const lines = new Set<number>();
        let broken = false;
        for (let i = 0; i < tops.length; i++) {
          const prev = lines.size === 0 ? null : tops[i - 1];
          lines.add(tops[i]!.top);
          // A new line starting between two letters: the word itself was broken.
          if (prev && Math.abs(prev.top - tops[i]!.top) > 4) {
            if (/\p{L}/u.test(prev.ch) && /\p{L}/u.test(tops[i]!.ch)) broken = true;
          }
        }
        const distinct = [...lines].sort((a, b) => a - b);
        const multi = distinct.some((t, i) => i > 0 && t - distinct[i - 1]! > 4);
        if (multi) {
          const item = { where: describe(parent), text: (node.textContent ?? "").trim() };
          wrapped.push(item);
          if (broken) midWord.push(item);
        }
      }
    }

    const scroller = document.querySelector<HTMLElement>('[data-testid="grid-scroll"]');
    const rows = [...document.querySelectorAll('[role="row"][data-segment-id]')];
    let firstRowY: number | null = null;
    let visibleRows = 0;
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      const bottom = Math.min(box.bottom, window.innerHeight);
      for (const row of rows) {
        const r = row.getBoundingClientRect();
        if (firstRowY === null || r.top < firstRowY) firstRowY = Math.round(r.top);
        if (r.top >= box.top - 1 && r.bottom <= bottom + 1) visibleRows++;
      }
      if (rows.length > 0) {
        firstRowY = Math.round(
          Math.max(box.top, Math.min(...rows.map((r) => r.getBoundingClientRect().top))),
        );
      }
    }
    const scrolling = document.scrollingElement ?? document.documentElement;
    const pageScrolls =
      scrolling.scrollHeight > window.innerHeight + 1 ||
      scrolling.scrollWidth > window.innerWidth + 1;
    const header = document.querySelector(".app-header")?.getBoundingClientRect();
    const gridHeader = document.querySelector(".grid-header")?.getBoundingClientRect();
    const title = document.querySelector(".page-head h1")?.getBoundingClientRect();
    const progress = document.querySelector(".grid-progress-group")?.getBoundingClientRect();
    const progressOnTitleLine =
      !!title &&
      !!progress &&
      progress.top < title.bottom &&
      progress.bottom > title.top &&
      progress.height > 0;

    const badges: { selector: string; text: string; ratio: number; fontPx: number }[] = [];
    for (const selector of badgeSelectors) {
      const seen = new Set<string>();
      for (const el of document.querySelectorAll(selector)) {
        if (!shown(el)) continue;
        const style = getComputedStyle(el);
        const fg = parse(style.color);
        const bg = backgroundOf(el);
        const ratio = contrast(over(fg, bg), bg);
        const fontPx = Number.parseFloat(style.fontSize);
        const key = `${el.className}|${style.color}|${bg.join(",")}|${fontPx}`;
        if (seen.has(key)) continue;
        seen.add(key);
        badges.push({
          selector: `${selector} (${describe(el)})`,
          text: (el.textContent ?? "").trim().slice(0, 30),
          ratio: Math.round(ratio * 100) / 100,
          fontPx: Math.round(fontPx * 10) / 10,
        });
      }
    }

    // Every status colour, also those no row shows now: the first badge wears each in turn.
    const probe = document.querySelector<HTMLElement>(".status-badge");
    if (probe) {
      const before = probe.className;
      for (const status of ["empty", "draft", "translated", "approved", "rejected"]) {
        probe.className = `status-badge status-${status}`;
        const style = getComputedStyle(probe);
        const bg = backgroundOf(probe);
        badges.push({
          selector: `.status-badge.status-${status} (probe)`,
          text: status,
          ratio: Math.round(contrast(over(parse(style.color), bg), bg) * 100) / 100,
          fontPx: Math.round(Number.parseFloat(style.fontSize) * 10) / 10,
        });
      }
      probe.className = before;
    }

    const small: { where: string; text: string; fontPx: number }[] = [];
    const app = document.querySelector(".app");
    if (app) {
      const seen = new Set<Element>();
      for (const node of textNodes(app)) {
        const parent = node.parentElement;
        if (!parent || seen.has(parent) || !shown(parent)) continue;
        seen.add(parent);
        const fontPx = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (fontPx < 11.95) {
          small.push({
            where: describe(parent),
            text: (node.textContent ?? "").trim().slice(0, 30),
            fontPx: Math.round(fontPx * 10) / 10,
          });
        }
      }
    }

    return {
      width: window.innerWidth,
      height: window.innerHeight,
      firstRowY,
      visibleRows,
      pageScrolls,
      appHeaderHeight: Math.round(header?.height ?? 0),
      gridTop: Math.round(gridHeader?.top ?? 0),
      progressOnTitleLine,
      wrapped,
      midWord,
      badges,
      small,
    };
  }, BADGE_SELECTORS);
}

/** One line of figures for a printout. */
export function summarize(f: LayoutFigures): string {
  const worst = f.badges.reduce((m, b) => Math.min(m, b.ratio), Infinity);
  const smallest = f.badges.reduce((m, b) => Math.min(m, b.fontPx), Infinity);
  return [
    `first row y=${f.firstRowY ?? "-"}`,
    `rows=${f.visibleRows}`,
    `page scrolls=${f.pageScrolls ? "yes" : "no"}`,
    `header h=${f.appHeaderHeight}`,
    `grid top=${f.gridTop}`,
    `progress on title line=${f.progressOnTitleLine ? "yes" : "no"}`,
    `wrapped=${f.wrapped.length}`,
    `mid-word=${f.midWord.length}`,
    `badge min contrast=${worst.toFixed(2)}`,
    `badge min px=${smallest}`,
    `text <12px=${f.small.length}`,
  ].join("  ");
}
