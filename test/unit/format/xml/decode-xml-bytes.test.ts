/**
 * UTF-32 XML files (TMX, XLIFF, TBX, SRX) are refused by name (issue 14 item 8): TextDecoder has no
 * UTF-32, and read as UTF-16 (its BOM starts like UTF-16 LE's) or as UTF-8 the text is full of NULs,
 * which was refused as "a binary file". UTF-16, with or without its BOM, is still read.
 */
import { describe, expect, it } from "vitest";
import { isAppError } from "../../../../src/core/model/app-error.ts";
import {
  decodeXmlBytes,
  decodeXmlChunks,
} from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { readTmxBytes } from "../../../../src/core/format/tmx/read-tmx-bytes.ts";
import { readMemoryFile } from "../../../../src/core/format/read-memory-file.ts";
import { readTbxBytes } from "../../../../src/core/format/tbx/read-tbx.ts";

const TMX =
  '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="id" datatype="plaintext" ' +
  'segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>' +
  '<body><tu><tuv xml:lang="id"><seg>Halo dunia</seg></tuv>' +
  '<tuv xml:lang="vi"><seg>Xin chào thế giới</seg></tuv></tu></body></tmx>\n';

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const cps = [...(bom ? "\ufeff" : ""), ...text].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return out;
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? "\ufeff" : ""), ...text].join("");
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return out;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return `${error.code} ${JSON.stringify(error.params)}`;
    throw error;
  }
  return "ok";
}

const CASES = [
  ["UTF-32 LE with BOM", true, true, "UTF-32 LE"],
  ["UTF-32 LE without BOM", true, false, "UTF-32 LE"],
  ["UTF-32 BE with BOM", false, true, "UTF-32 BE"],
  ["UTF-32 BE without BOM", false, false, "UTF-32 BE"],
] as const;

describe("UTF-32 XML", () => {
  it.each(CASES)("%s is refused as UTF-32, not as binary", (_name, le, bom, encoding) => {
    const bytes = utf32(TMX, le, bom);
    const expected = (prefix: string) =>
      `${prefix}.unsupported-encoding ${JSON.stringify({ file: "m.tmx", encoding })}`;
    expect(codeOf(() => decodeXmlBytes(bytes, "m.tmx", "xliff"))).toBe(expected("xliff"));
    expect(codeOf(() => decodeXmlChunks(bytes, "m.tmx", "tmx"))).toBe(expected("tmx"));
    expect(codeOf(() => readTmxBytes(bytes, "m.tmx"))).toBe(expected("tmx"));
    expect(codeOf(() => readMemoryFile(bytes, "m.tmx"))).toBe(expected("tmx"));
    const xlf = utf32('<?xml version="1.0"?><xliff version="1.2"/>', le, bom);
    expect(codeOf(() => readMemoryFile(xlf, "m.xlf"))).toBe(
      `xliff.unsupported-encoding ${JSON.stringify({ file: "m.xlf", encoding })}`,
    );
    expect(codeOf(() => readTbxBytes(utf32('<?xml version="1.0"?><tbx/>', le, bom), "g.tbx"))).toBe(
      `tbx.unsupported-encoding ${JSON.stringify({ file: "g.tbx", encoding })}`,
    );
  });

  it.each([
    ["UTF-16 LE with BOM", true, true],
    ["UTF-16 LE without BOM", true, false],
    ["UTF-16 BE with BOM", false, true],
    ["UTF-16 BE without BOM", false, false],
  ] as const)("%s is still read", (_name, le, bom) => {
    const bytes = utf16(TMX, le, bom);
    expect(decodeXmlBytes(bytes, "m.tmx").text).toBe(TMX);
    const { bundle } = readTmxBytes(bytes, "m.tmx");
    expect(bundle.documents[0]!.segments[0]!.targets.vi?.text).toBe("Xin chào thế giới");
  });
});
