/** Reading LinkedIn and vCard exports: the fixture files have the shapes LinkedIn, Google, iCloud and Android write. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes, joinName, nameKey, readDate } from "../../src/import/contact";
import { readLinkedIn } from "../../src/import/linkedin";
import { readContacts } from "../../src/import/read";
import { decodeQuotedPrintable, parseVCards, readVCards, structured, unescapeValue } from "../../src/import/vcard";

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, "utf8");
const byName = (r: ReturnType<typeof readContacts>, name: string) => {
  const c = r.contacts.find((x) => x.name === name);
  if (!c) throw new Error(`no contact ${name} in ${r.contacts.map((x) => x.name).join(", ")}`);
  return c;
};

describe("LinkedIn Connections.csv", () => {
  const r = readContacts(fixture("Connections.csv"));

  it("skips the notes before the header and reads every row by its column name", () => {
    expect(r.format).toBe("linkedin");
    expect(r.contacts).toHaveLength(14);
    expect(byName(r, "Alice Chen")).toMatchObject({
      emails: ["alice@example.com"], company: "Northwind", position: "Head of Design",
      linkedin: "https://www.linkedin.com/in/alice-chen-example", connected: "2021-03-14", how: "LinkedIn",
    });
  });

  it("keeps commas and line breaks inside quoted fields", () => {
    expect(byName(r, "Carmen Ruiz").company).toBe("Ruiz & Partners, S.L.");
    expect(byName(r, "José Álvarez").position).toBe("Engineer, Networks");
    expect(r.contacts.filter((c) => c.name === "Priya Raman")[0]?.position).toBe("Research lead climate team");
  });

  it("writes Chinese names family name first, without a space", () => {
    expect(byName(r, "王芳")).toMatchObject({ company: "字节跳动", connected: "2024-11-26" });
    expect(byName(r, "李明").linkedin).toBeNull();
  });

  it("lists a row without a name as unreadable instead of guessing", () => {
    expect(r.unreadable).toEqual([{ line: 16, reason: "no-name", excerpt: expect.stringContaining("hidden-example") as string }]);
  });

  it("reads older exports without URL and email columns, with US dates", () => {
    const old = readContacts(fixture("Connections-old.csv"));
    expect(old.contacts.map((c) => [c.name, c.company, c.connected, c.emails.length])).toEqual([
      ["Bea Novak", "Example GmbH", "2016-11-26", 0],
      ["Tom Hart", null, "2015-03-02", 0],
    ]);
  });

  it("finds nothing in a file without the header", () => {
    expect(readLinkedIn("name,phone\nAnn,123\n")).toEqual({ format: "unknown", contacts: [], unreadable: [] });
    expect(readContacts("hello").format).toBe("unknown");
  });

  it("reads nothing, and names the row, when the quotes do not pair up", () => {
    const head = "First Name,Last Name,Company\r\n";
    // A quote inside an unquoted cell: the parser stops at row 3.
    const stray = readLinkedIn(`${head}Ann,Lee,Acme\r\nBo,"Ng"x,Beta\r\n`);
    expect(stray).toEqual({ format: "linkedin", contacts: [], unreadable: [{ line: 3, reason: "quotes", excerpt: 'Bo,"Ng"x,Beta' }] });
    // A quoted cell never closed would otherwise swallow the rest of the file without a word.
    const open = readLinkedIn(`${head}Ann,Lee,Acme\r\nBo,Ng,"Beta\r\nCy,Ko,Gamma\r\n`);
    expect(open.contacts).toEqual([]);
    expect(open.unreadable).toEqual([{ line: 3, reason: "quotes", excerpt: 'Bo,Ng,"Beta' }]);
  });

  it("reads any field that survives CSV quoting", () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== "" && !/[\r\n\u0085\u2028\u2029]/.test(s)), fc.string(), (company, position) => {
      const text = `First Name,Last Name,Company,Position\r\nAnn,Lee,${quote(company)},${quote(position)}\r\n`;
      const c = readLinkedIn(text).contacts[0];
      expect(c?.company).toBe(company.replace(/\s+/gu, " ").trim().normalize("NFC") || null);
    }));
  });
});

describe("vCard", () => {
  it("reads Google's 3.0 export: escaped commas and colons, grouped URL, several emails, a note", () => {
    const r = readContacts(fixture("google.vcf"));
    expect(r.format).toBe("vcard");
    expect(byName(r, "Nadia Haddad")).toMatchObject({
      emails: ["nadia@example.com", "n.haddad@work.example"], phones: ["+44 7700 900123"], company: "Acme, Inc.",
      position: "Data scientist", birthday: "1990-04-02", linkedin: "https://www.linkedin.com/in/nadia-haddad-example",
      note: "Met at the climbing gym.\nLikes jazz; plays the oud.",
    });
    expect(r.unreadable).toEqual([{ line: 25, reason: "no-name", excerpt: expect.any(String) as string }]);
  });

  it("reads iCloud's item groups, folded lines, social profiles and birthdays without a year", () => {
    const r = readContacts(fixture("icloud.vcf"));
    expect(byName(r, "Frank Moreau")).toMatchObject({
      emails: ["frank@atelier.example"], phones: ["+33 6 12 34 56 78"], company: "Atelier Moreau", birthday: "11-26",
      linkedin: "https://www.linkedin.com/in/frank-moreau-example", website: "https://atelier-moreau.example",
      note: "Knows everyone in the Lyon design scene and likes to introduce people to one another.",
    });
    // 29 February 1985 never happened: no birthday rather than a wrong one.
    expect(byName(r, "Bob Okafor").birthday).toBeNull();
  });

  it("reads Android's 2.1 quoted-printable names in UTF-8 and Latin-1, with soft line breaks", () => {
    const r = readContacts(fixture("android.vcf"));
    expect(byName(r, "张伟")).toMatchObject({ company: "小米科技", note: "大学同学。\r\n喜欢爬山。", phones: ["+86 10 6000 0000", "+86 138 0000 0000"] });
    expect(byName(r, "Jörg Müller").birthday).toBe("1978-12-03");
    expect(r.unreadable.map((u) => u.reason)).toEqual(["no-name"]);
  });

  it("reads 4.0: PREF, tel: URIs, --MMDD birthdays, ROLE, and ignores a birthday written as text", () => {
    const r = readContacts(fixture("contacts-4.0.vcf"));
    expect(byName(r, "Dr. Rhea Stevenson")).toMatchObject({ emails: ["rhea@uni.example", "rhea.s@example.net"], phones: ["+1-555-555-0123"], birthday: "11-26", position: "Professor", website: "https://rhea.example" });
    expect(byName(r, "Kai Brandt").birthday).toBeNull();
  });

  it("lists a card cut off at the end of the file", () => {
    const r = readVCards("BEGIN:VCARD\nFN:Ann Lee\nEND:VCARD\nBEGIN:VCARD\nFN:Half\n");
    expect(r.contacts.map((c) => c.name)).toEqual(["Ann Lee"]);
    expect(r.unreadable.map((u) => u.reason)).toEqual(["unclosed-card"]);
  });

  it("parses parameters, quoted values and groups", () => {
    const { cards } = parseVCards('BEGIN:VCARD\r\nitem1.TEL;TYPE="voice,cell";X-X="a:b;c":+1\r\nEND:VCARD\r\n');
    expect(cards[0]?.properties[0]).toMatchObject({ group: "item1", name: "TEL", params: { TYPE: ["voice", "cell"], "X-X": ["a:b;c"] }, value: "+1" });
  });

  it("undoes escapes and splits structured values only on unescaped semicolons", () => {
    expect(structured("Lee;Ann\\;Marie;;Dr.")).toEqual(["Lee", "Ann;Marie", "", "Dr."]);
    expect(unescapeValue("a\\,b\\nc\\\\d")).toBe("a,b\nc\\d");
  });

  it("decodes quoted-printable in the named character set", () => {
    expect(decodeQuotedPrintable("=E7=8E=8B")).toBe("王");
    expect(decodeQuotedPrintable("=CD=F5", "gbk")).toBe("王");
    expect(decodeQuotedPrintable("Jos=E9", "iso-8859-1")).toBe("José");
  });

  it("reads back any text a card escapes (property)", () => {
    const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/;/g, "\\;").replace(/\n/g, "\\n");
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== "" && !/[\r\u0085\u2028\u2029]/.test(s)), (title) => {
      const text = `BEGIN:VCARD\r\nFN:Ann\r\nTITLE:${escape(title)}\r\nEND:VCARD\r\n`;
      expect(readVCards(text).contacts[0]?.position).toBe(title.replace(/\s+/gu, " ").trim().normalize("NFC"));
    }));
  });

  it("reads a value folded at any point the same as unfolded (property)", () => {
    fc.assert(fc.property(fc.string({ minLength: 2, maxLength: 60 }).filter((s) => /^[\x21-\x7e]+$/.test(s) && !s.includes("\\")), fc.nat(), (note, at) => {
      const cut = 1 + (at % (note.length - 1));
      const folded = `BEGIN:VCARD\r\nFN:Ann\r\nNOTE:${note.slice(0, cut)}\r\n ${note.slice(cut)}\r\nEND:VCARD\r\n`;
      expect(readVCards(folded).contacts[0]?.note).toBe(unescapeValue(note).trim() || null);
    }));
  });
});

describe("shared pieces", () => {
  it("reads the dates exports write", () => {
    expect(["26 Nov 2024", "Nov 26, 2024", "2024-11-26", "20241126", "2024-11-26T08:00:00Z", "11/26/2024", "11/26/24"].map(readDate)).toEqual(Array(7).fill("2024-11-26"));
    expect(["31 Feb 2024", "", "soon", "13/40/2020"].map(readDate)).toEqual([null, null, null, null]);
  });

  it("compares names with accents, case, punctuation and word order aside", () => {
    expect(nameKey("José Álvarez")).toBe(nameKey("alvarez, jose"));
    expect(nameKey("王 芳")).toBe(nameKey("王芳"));
    expect(nameKey("Ann Lee")).not.toBe(nameKey("Anne Lee"));
    expect(joinName("芳", "王")).toBe("王芳");
    expect(joinName("Ann", "Lee")).toBe("Ann Lee");
  });

  it("decodes bytes by their byte-order mark, UTF-8, or Windows-1252", () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xe7, 0x8e, 0x8b]))).toBe("王");
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x8b, 0x73]))).toBe("王");
    expect(decodeBytes(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
  });
});
