import { describe, expect, it } from "vitest";
import { checkUpload, cleanFilename, MAX_ATTACHMENT_BYTES, sniffMediaType } from "./media-types";
import { samplePdf } from "./sample-pdf";
import { sha256Hex } from "./store";

const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const EML = text("Return-Path: <a@b.se>\r\nFrom: Anna <a@lidkoping.se>\r\nTo: b@ui.se\r\nSubject: Vänort\r\nDate: Tue, 23 Nov 2021 10:00:00 +0100\r\n\r\nHej!\r\n");

describe("sniffing the content", () => {
  it("recognises every allowed type by its bytes", () => {
    expect(sniffMediaType(samplePdf("x"))).toBe("application/pdf");
    expect(sniffMediaType(PNG)).toBe("image/png");
    expect(sniffMediaType(JPEG)).toBe("image/jpeg");
    expect(sniffMediaType(text("GIF89a...."))).toBe("image/gif");
    expect(sniffMediaType(text("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffMediaType(EML)).toBe("message/rfc822");
  });

  it("recognises nothing else: text, HTML, SVG, executables, a truncated PDF", () => {
    expect(sniffMediaType(text("Hej, detta är en textfil.\n"))).toBeNull();
    expect(sniffMediaType(text("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffMediaType(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffMediaType(text("MZ\x90\0"))).toBeNull();
    expect(sniffMediaType(samplePdf("x").slice(0, 40))).toBeNull();
    expect(sniffMediaType(text("Subject: only one header\n\nbody"))).toBeNull();
  });
});

describe("checkUpload", () => {
  it("accepts an allowed file and names its real type", () => {
    expect(checkUpload({ filename: "protokoll.pdf", declaredType: "application/pdf", bytes: samplePdf("x") })).toEqual({ ok: true, mediaType: "application/pdf", filename: "protokoll.pdf" });
    expect(checkUpload({ filename: "mejl.eml", declaredType: "", bytes: EML })).toMatchObject({ ok: true, mediaType: "message/rfc822" });
    expect(checkUpload({ filename: "bild.JPG", declaredType: "image/jpg", bytes: JPEG })).toMatchObject({ ok: true, mediaType: "image/jpeg" });
    expect(checkUpload({ filename: "Protokoll 12.3", declaredType: "application/octet-stream", bytes: samplePdf("x") })).toMatchObject({ ok: true });
  });

  it("refuses an empty file, one over the limit, and one of a type not on the list", () => {
    expect(checkUpload({ filename: "tom.pdf", declaredType: "application/pdf", bytes: new Uint8Array() })).toEqual({ ok: false, code: "empty" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(samplePdf("x"));
    expect(checkUpload({ filename: "stor.pdf", declaredType: "application/pdf", bytes: big })).toEqual({
      ok: false,
      code: "too_large",
      maxBytes: MAX_ATTACHMENT_BYTES,
      sizeBytes: MAX_ATTACHMENT_BYTES + 1,
    });
    expect(checkUpload({ filename: "a.txt", declaredType: "text/plain", bytes: text("hej") })).toEqual({ ok: false, code: "type_not_allowed", declaredType: "text/plain" });
  });

  it("accepts exactly the limit", () => {
    const max = new Uint8Array(MAX_ATTACHMENT_BYTES);
    const pdf = samplePdf("x");
    max.set(pdf.subarray(0, 20));
    max.set(text("%%EOF\n"), MAX_ATTACHMENT_BYTES - 6);
    expect(checkUpload({ filename: "max.pdf", declaredType: "application/pdf", bytes: max })).toMatchObject({ ok: true });
  });

  it("refuses a file whose declared type or name says something else than its content", () => {
    expect(checkUpload({ filename: "bild.png", declaredType: "image/png", bytes: samplePdf("x") })).toEqual({
      ok: false,
      code: "type_mismatch",
      declaredType: "image/png",
      actualType: "application/pdf",
    });
    expect(checkUpload({ filename: "bild.png", declaredType: "", bytes: samplePdf("x") })).toEqual({
      ok: false,
      code: "extension_mismatch",
      extension: "png",
      actualType: "application/pdf",
    });
  });

  it("cleans the file name of paths and control characters", () => {
    expect(cleanFilename("C:\\Users\\x\\Protokoll\u0007 2020.pdf")).toBe("Protokoll 2020.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename(`${"a".repeat(300)}.pdf`)).toHaveLength(200);
    expect(checkUpload({ filename: "..", declaredType: "application/pdf", bytes: samplePdf("x") })).toEqual({ ok: false, code: "name_invalid" });
  });

  it("hashes with SHA-256", () => {
    expect(sha256Hex(text("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
