/** Offers text as a file download (UTF-8). */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadParts(fileName, [text], mime);
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Offers text written in parts (a large TMX) as one file, without joining it into one string. */
export function downloadParts(fileName: string, parts: readonly string[], mime: string): void {
  const blob = new Blob([...parts], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
