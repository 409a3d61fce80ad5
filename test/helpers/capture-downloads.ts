import { vi } from "vitest";

/**
 * The files the page offered for download (name and content), through a stubbed object URL and
 * anchor click. Restore with vi.restoreAllMocks().
 */
export function captureDownloads(): { name: string; blob: Blob }[] {
  const blobs = new Map<string, Blob>();
  const files: { name: string; blob: Blob }[] = [];
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}
