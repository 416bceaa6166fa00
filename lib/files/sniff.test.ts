import { describe, expect, it } from "vitest";
import { safeFileName, sniffContentType } from "@/lib/files/sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("sniffContentType", () => {
  it("recognises images and PDFs by their magic bytes", () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffContentType(text("%PDF-1.7\n"))).toBe("application/pdf");
  });
  it("recognises SVG documents, with or without a prolog", () => {
    expect(sniffContentType(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe("image/svg+xml");
    expect(sniffContentType(text('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg viewBox="0 0 1 1"/>'))).toBe("image/svg+xml");
  });
  it("does not believe a renamed executable or HTML", () => {
    expect(sniffContentType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBe("application/octet-stream");
    expect(sniffContentType(text("<html><script>alert(1)</script></html>"))).toBe("text/plain");
  });
});

describe("safeFileName", () => {
  it("strips paths and dangerous characters", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\receipt.pdf")).toBe("receipt.pdf");
    expect(safeFileName('a"b<c>.png')).toBe("abc.png");
    expect(safeFileName("...")).toBe("file");
  });
});
