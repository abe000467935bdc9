import { describe, expect, it } from "vitest";
import { contentDisposition, sanitiseFileName, withExtension } from "./file-names.ts";

describe("attachment names", () => {
  it("drops any folder the client sent", () => {
    expect(sanitiseFileName("../../etc/passwd", "file")).toBe("passwd");
    expect(sanitiseFileName("C:\\Users\\me\\Rapport final.pdf", "file")).toBe("Rapport final.pdf");
  });

  it("drops control and direction characters, so a name cannot disguise its extension", () => {
    expect(sanitiseFileName("photo\u202Egpj.exe", "file")).toBe("photogpj.exe");
    expect(sanitiseFileName("a\u0000b\r\nc\u0007.txt", "file")).toBe("ab c.txt");
  });

  it("drops leading dots and trailing dots and spaces, and falls back when nothing is left", () => {
    expect(sanitiseFileName("..bashrc", "file")).toBe("bashrc");
    expect(sanitiseFileName("notes.txt. . ", "file")).toBe("notes.txt");
    expect(sanitiseFileName(" ... ", "file")).toBe("file");
    expect(sanitiseFileName("", "file")).toBe("file");
  });

  it("keeps accents composed and cuts long names to 200 characters, extension kept", () => {
    expect(sanitiseFileName("Re\u0301sume\u0301.pdf", "file")).toBe("Résumé.pdf");
    const long = sanitiseFileName(`${"é".repeat(300)}.docx`, "file");
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("é.docx")).toBe(true);
    expect(Array.from(sanitiseFileName("🐝".repeat(250), "file"))).toHaveLength(200);
  });

  it("renames a re-encoded image", () => {
    expect(withExtension("vacances.JPG", "webp")).toBe("vacances.webp");
    expect(withExtension("scan", "webp")).toBe("scan.webp");
    expect(withExtension(".png", "webp")).toBe("image.webp");
  });

  it("words Content-Disposition for every client, quotes and all", () => {
    expect(contentDisposition("attachment", "Résumé (v2).pdf")).toBe(`attachment; filename="R_sum_ (v2).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28v2%29.pdf`);
    expect(contentDisposition("inline", 'a"b\\c.webp')).toBe(`inline; filename="a_b_c.webp"; filename*=UTF-8''a%22b%5Cc.webp`);
  });
});
