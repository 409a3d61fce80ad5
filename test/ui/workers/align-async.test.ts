import { afterEach, describe, expect, it, vi } from "vitest";
import type { AlignTranslationRequest } from "../../../src/core/align/align-translation.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { NO_CUSTOM_SEGMENTATION } from "../../../src/core/segment/custom-rules.ts";
import { alignAsync } from "../../../src/ui/workers/align-async.ts";
import type {
  AlignWorkerReply,
  AlignWorkerRequest,
} from "../../../src/ui/workers/align-protocol.ts";

const REQUEST: AlignTranslationRequest = {
  source: [
    { text: "Presiden membuka acara.", paragraph: 0 },
    { text: "Acara berlangsung dua hari.", paragraph: 0 },
  ],
  sourceLang: "id",
  targetText: "The president opened the event. It lasts two days.",
  targetLang: "en",
  segmentation: NO_CUSTOM_SEGMENTATION,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe("alignAsync without Worker (the main-thread fallback)", () => {
  it("resolves with the plan and the target sentences, reporting progress up to 1", async () => {
    expect(typeof Worker).toBe("undefined");
    const progress: number[] = [];
    const result = await alignAsync(REQUEST, (f) => progress.push(f)).promise;
    expect(result.targetSentences).toEqual([
      "The president opened the event.",
      "It lasts two days.",
    ]);
    expect(result.plan.sourceCount).toBe(2);
    expect(result.plan.targetCount).toBe(2);
    expect(progress.at(-1)).toBe(1);
  });

  it("cancel rejects at once with align.aborted and the aligner never runs", async () => {
    const onProgress = vi.fn();
    const task = alignAsync(REQUEST, onProgress);
    task.cancel();
    expect(await codeOf(task.promise)).toBe("align.aborted");
    await new Promise((r) => setTimeout(r, 10));
    expect(onProgress).not.toHaveBeenCalled();
  });

  it("passes the core's errors on", async () => {
    expect(await codeOf(alignAsync({ ...REQUEST, source: [] }, () => undefined).promise)).toBe(
      "align.no-source",
    );
  });
});

/**
 * A Worker stand-in that runs the real align-worker.ts module: the module's `self` is a scope whose
 * postMessage delivers to this worker's onmessage, as the browser does across threads.
 */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<AlignWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly url: string;

  constructor(url: URL | string) {
    this.url = String(url);
    FakeWorker.last = this;
  }

  postMessage(data: AlignWorkerRequest): void {
    setTimeout(() => scope.onmessage?.({ data } as MessageEvent<AlignWorkerRequest>), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const scope: {
  onmessage: ((event: MessageEvent<AlignWorkerRequest>) => void) | null;
  postMessage: (message: AlignWorkerReply) => void;
} = {
  onmessage: null,
  postMessage: (message) => {
    const worker = FakeWorker.last;
    if (worker && !worker.terminated)
      worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<AlignWorkerReply>);
  },
};

describe("alignAsync with a Worker", () => {
  async function withWorker(): Promise<void> {
    // The module takes `self` as its scope when it is first imported; only then is it the fake.
    const real = globalThis.self;
    globalThis.self = scope as unknown as typeof globalThis.self;
    try {
      await import("../../../src/ui/workers/align-worker.ts");
    } finally {
      globalThis.self = real;
    }
    expect(scope.onmessage).not.toBeNull();
    vi.stubGlobal("Worker", FakeWorker);
  }

  it("posts the request to align-worker.ts and resolves with its result", async () => {
    await withWorker();
    const progress: number[] = [];
    const result = await alignAsync(REQUEST, (f) => progress.push(f)).promise;
    expect(FakeWorker.last?.url).toMatch(/align-worker\.ts/);
    expect(FakeWorker.last?.terminated).toBe(true);
    expect(result.plan.links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it("turns the worker's error reply into an AppError, and cancel terminates the worker", async () => {
    await withWorker();
    expect(await codeOf(alignAsync({ ...REQUEST, targetText: " " }, () => undefined).promise)).toBe(
      "align.no-target-text",
    );
    const task = alignAsync(REQUEST, () => undefined);
    task.cancel();
    expect(FakeWorker.last?.terminated).toBe(true);
    expect(await codeOf(task.promise)).toBe("align.aborted");
  });
});
