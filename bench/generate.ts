/**
 * A deterministic generator of synthetic vaults for the benchmarks (`npm run bench`).
 *
 * `generateVault({ people, datedNotes, seed })` returns every file of a vault as text (path → text) with the
 * creation time of each note, built from one seeded PRNG (mulberry32), so the same spec always gives the same
 * bytes. bench/vault-folder.mjs writes it to a real folder for the CLI (cached: written again only when the spec or
 * GENERATOR_VERSION changes); the in-process benchmarks parse the same texts into the stand-in's metadata.
 * Pure (no Node APIs), so it is type-checked and linted with the plugin's own rules.
 *
 * What is in it, relative to a fixed "today" (BENCH_TODAY):
 * - person notes in People/ (some in subfolders), Contacts/ (found by tag) and Notes/ (found by `type: person`),
 *   with tiers, last_touch, cadence, met, birthday, aliases, interests, commitments/expecting with 📅 dates, snooze,
 *   paused, a Log of `- [[YYYY-MM-DD]] …` lines and dated headings; about 1% with a deliberate problem;
 * - daily notes `Daily/YYYY/MM/YYYY-MM-DD.md` (one per day, up to 20 years back), with `daily-notes.json` in the
 *   config folder saying so;
 * - meeting notes `Meetings/YYYY/YYYY-MM-DD Topic.md` with a `date:` property and `attendees:` links, as many per day
 *   as it takes to reach `datedNotes` dated notes in all;
 * - about four person links per dated note (popular people more often), some in unchecked tasks, quotes, code and
 *   embeds (which are not touches), some aliased or with a subpath, plus links to projects, topics, other daily
 *   notes and people who have no note yet (unresolved);
 * - project and topic notes, and a template in Templates/.
 */
import { mulberry32 } from "../src/domain/random";

/** Bump when the output changes: cached folders with another version are written again. */
export const GENERATOR_VERSION = 1;
export const BENCH_TODAY = "2026-11-26";
export const DEFAULT_SEED = 20261126;
export const DAILY_NOTES_CONFIG = { folder: "Daily", format: "YYYY/MM/YYYY-MM-DD" };

export interface VaultSpec {
  people: number;
  datedNotes: number;
  seed?: number;
}

/** The named sizes: people / dated notes (ten dated notes per person throughout, so the curve is comparable). */
export const SIZES: Record<string, { people: number; datedNotes: number }> = {
  "100": { people: 100, datedNotes: 1_000 },
  "1k": { people: 1_000, datedNotes: 10_000 },
  "3k": { people: 3_000, datedNotes: 30_000 },
  "10k": { people: 10_000, datedNotes: 100_000 },
};

export interface GeneratedVault {
  spec: Required<VaultSpec>;
  today: string;
  /** Every note (vault path → text), in a stable order. */
  files: Map<string, string>;
  /** Files of the config folder, by path relative to it (`daily-notes.json`). */
  config: Map<string, string>;
  /** Creation time (ms) of every Markdown note. */
  ctimes: Map<string, number>;
  /** Paths of the person notes (the deliberately broken ones included). */
  people: string[];
  dailyNotes: string[];
  meetingNotes: string[];
  otherNotes: string[];
  /** Names linked from dated notes that have no note yet (creating one should pick the links up). */
  unresolvedNames: string[];
  /** Person paths with a deliberate problem. */
  problemNotes: string[];
}

// ── PRNG ────────────────────────────────────────────────────────────────────────────────────
export { mulberry32 };

class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    const last = table[table.length - 1];
    if (!last) throw new Error("weighted pick from an empty table");
    return last[0];
  }
  some<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(this.int(copy.length), 1)[0] as T);
    return out;
  }
}

// ── days ────────────────────────────────────────────────────────────────────────────────────
const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

// ── words ───────────────────────────────────────────────────────────────────────────────────
const FIRST = [
  "Ada", "Aiden", "Akira", "Alba", "Alice", "Amara", "Amir", "Ana", "Anders", "Ann", "Arjun", "Aya", "Ben", "Bianca", "Bo", "Carla",
  "Carmen", "Chen", "Chloe", "Dan", "Dara", "David", "Dev", "Diego", "Dina", "Eli", "Elena", "Emil", "Emma", "Erin", "Ezra", "Farah",
  "Felix", "Fiona", "Frank", "Gabriel", "Grace", "Greta", "Hana", "Hugo", "Ian", "Ines", "Iris", "Isak", "Ivan", "Jade", "Jamal", "Jana",
  "Jon", "Jonas", "Julia", "Kai", "Kenji", "Kim", "Kofi", "Lara", "Lena", "Leo", "Lina", "Luca", "Lucy", "Maya", "Mei", "Mia",
  "Milan", "Mira", "Nadia", "Nia", "Nico", "Nina", "Noah", "Nora", "Omar", "Oskar", "Paula", "Pedro", "Priya", "Quinn", "Rafael", "Rania",
  "Ravi", "Rosa", "Ruth", "Sam", "Sara", "Selin", "Sofia", "Sven", "Tara", "Teo", "Tomas", "Uma", "Vera", "Victor", "Wen", "Yara",
  "Yusuf", "Zara", "Zoe", "Ahmed", "Beatriz", "Camille", "Dmitri", "Esther", "Fatima", "Gustav", "Helga", "Ishaan", "Jorge", "Katya", "Lars", "Malik",
  "Nils", "Olga", "Pablo", "Rhea", "Santiago", "Tess", "Ulla", "Wanjiru",
];
const LAST = [
  "Abbott", "Adeyemi", "Alvarez", "Andersen", "Baker", "Banerjee", "Berg", "Bianchi", "Brennan", "Castro", "Chen", "Costa", "Dahl", "Diaz", "Dubois", "Eriksen",
  "Evans", "Fischer", "Fontaine", "Garcia", "Gupta", "Haddad", "Hansen", "Herrera", "Hoffmann", "Ibrahim", "Ito", "Jansen", "Jensen", "Kaur", "Keller", "Kim",
  "Kowalski", "Kumar", "Larsen", "Laurent", "Lee", "Lind", "Lopez", "Mancini", "Martin", "Mehta", "Meyer", "Moreau", "Murphy", "Nakamura", "Navarro", "Nguyen",
  "Novak", "Nowak", "Nwosu", "Okafor", "Olsen", "Osei", "Park", "Patel", "Petrov", "Popescu", "Quinn", "Rahman", "Ramos", "Rao", "Reyes", "Rossi",
  "Ruiz", "Sato", "Schmidt", "Silva", "Singh", "Sousa", "Suzuki", "Svensson", "Tanaka", "Torres", "Tran", "Varga", "Vogel", "Walsh", "Wang", "Weber",
  "Wong", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zimmer", "Achebe", "Bauer", "Carvalho", "Dimitrov", "Engel", "Farouk", "Gallo", "Horvat", "Iyer", "Jovanovic",
  "Kovacs", "Lindqvist", "Mendes", "Nielsen", "Ortiz", "Pereira", "Quispe", "Romero", "Shah", "Takahashi", "Ueda", "Vasquez", "Watanabe", "Xu", "Yadav", "Zeller",
  "Okonkwo", "Petrova", "Rinaldi", "Salo",
];
const MIDDLE = "ABCDEFGHJKLMNPRSTVW";
const ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
const ZH_GIVEN = ["芳", "强", "伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "飞", "鹏", "宇", "欣", "婷", "浩", "然", "晨", "雪", "琳", "佳", "怡", "博", "文", "丽", "俊"];
const INTERESTS = [
  "climbing", "urban design", "sourdough", "jazz piano", "film photography", "trail running", "woodworking", "ceramics", "board games", "chess",
  "gardening", "poetry", "cycling", "birdwatching", "sailing", "astronomy", "knitting", "open source", "typography", "tea", "wine", "history",
  "machine learning", "beekeeping", "surfing", "calligraphy", "hiking", "podcasts", "opera", "football",
];
const PROJECTS = [
  "Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",
  "Pioneer", "Quartz", "Raven", "Summit", "Tundra", "Umber", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr",
];
const MEETING_TOPICS = ["Kickoff", "Weekly sync", "Design review", "Planning", "Retro", "One-on-one", "Interview", "Coffee chat", "Workshop", "Demo", "Strategy", "Budget review", "Offsite prep", "Hiring panel", "Customer call"];
const COMMITMENTS = [
  "Send the reading list", "Introduce them to Sam", "Return the camping stove", "Share the slides from the talk", "Review the draft", "Book the team dinner",
  "Send the photos from the trip", "Lend the typography book", "Write a recommendation", "Forward the job posting", "Call about the move", "Send the recipe",
];
const EXPECTING = ["Her notes from the workshop", "The recipe for the stew", "A book recommendation", "Feedback on my draft", "The intro to their manager", "Photos from the wedding"];
const HOW_WE_MET = ["University", "A conference in Lisbon", "Through a friend", "The climbing gym", "Work", "A meetup on open source", "Neighbours", "Evening class", "Volunteering"];
const COMPANIES = ["Northwind Labs", "Contoso", "Globex", "Initech", "Umbrella Health", "Acme Studio", "Freelance", "City Lab", "Hooli"];
const ROLES = ["Engineer", "Designer", "Product manager", "Researcher", "Teacher", "Founder", "Nurse", "Writer", "Engineering manager"];
const FILLER = [
  "Slept badly but the morning walk helped.", "Spent most of the day on the quarterly plan.", "Rain all afternoon, stayed in and read.",
  "The new routine is starting to stick.", "Cleared the inbox before lunch for once.", "Long call about the budget, no decisions yet.",
  "Tried the new café on the corner; good coffee, slow service.", "Wrote two pages of the essay.", "Fixed the leaking tap at last.",
  "Thinking about how to say no to more things.", "The garden needs watering again.", "Went through the photos from the weekend.",
  "Energy low after lunch; a short nap fixed it.", "Reading about urban heat islands.", "Planned the trip for next month.",
];
const CHORES = ["Pay the electricity bill", "Book the dentist", "Renew the passport", "Back up the laptop", "Order printer ink", "Water the plants", "Reply to the landlord", "File the expense report"];
const TOUCH_PHRASES = ["coffee with", "long call with", "lunch with", "walked with", "messaged", "caught up with", "dinner at the place near", "video call with", "ran into"];
const TOUCH_TAILS = ["about the new job", "talked about the move", "swapped book tips", "planning the trip", "she is doing well", "he asked about the project", "laughed a lot", "about their kids", ""];
const LOG_PHRASES = ["coffee", "call", "lunch", "walk", "dinner", "messages", "conference chat", "birthday drinks"];

// ── YAML, just enough ───────────────────────────────────────────────────────────────────────
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  if (value === "" || RESERVED.test(value) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /:\s|\s#|[\n"]|\s$/.test(value) || /^\d+(\.\d+)?$/.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

type FmValue = string | number | boolean | string[] | { flow: string[] } | { raw: string };
function frontmatter(fields: [string, FmValue][]): string {
  const lines = ["---"];
  for (const [key, value] of fields) {
    if (Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${scalar(item)}`);
    } else if (typeof value === "object") {
      if ("flow" in value) lines.push(`${key}: [${value.flow.map(scalar).join(", ")}]`);
      else lines.push(`${key}: ${value.raw}`);
    } else lines.push(`${key}: ${scalar(value)}`);
  }
  lines.push("---");
  return lines.join("\n");
}

// ── people ──────────────────────────────────────────────────────────────────────────────────
type Tier = "meaningful" | "intimate" | "familiar" | "unfamiliar";
interface PersonPlan {
  name: string;
  path: string;
  zh: boolean;
  tier: Tier | null;
  weight: number;
  aliases: string[];
}

const TIER_WEIGHT: Record<Tier | "none", number> = { meaningful: 10, intimate: 5, familiar: 2, unfamiliar: 0.6, none: 0.4 };
const TIER_ZH: Record<Tier, string> = { meaningful: "有意义", intimate: "亲密", familiar: "熟悉", unfamiliar: "不熟悉" };

function makeNames(rng: Rng, count: number): { name: string; zh: boolean }[] {
  const used = new Set<string>();
  const out: { name: string; zh: boolean }[] = [];
  while (out.length < count) {
    const zh = rng.chance(0.04);
    let name: string;
    let attempts = 0;
    do {
      attempts++;
      if (zh) name = rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN) + (attempts > 3 ? rng.pick(ZH_GIVEN) : "");
      else if (attempts <= 4) name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      else name = `${rng.pick(FIRST)} ${rng.pick(MIDDLE.split(""))}. ${rng.pick(LAST)}`;
    } while (used.has(name.toLowerCase()));
    used.add(name.toLowerCase());
    out.push({ name, zh });
  }
  return out;
}

const PROBLEMS: [string, FmValue | null][] = [
  ["tier", "closest"],
  ["last_touch", "someday"],
  ["last_touch", "2027-03-01"],
  ["cadence", "often"],
  ["commitments", "Call back about the flat"],
  ["commitments", { raw: "\n  - {what: call, when: soon}" }],
  ["commitments", ["Send the deck 📅 2026-13-45"]],
  ["birthday", "soon"],
  ["paused", "maybe"],
  ["yaml", null],
];

// ── the vault ───────────────────────────────────────────────────────────────────────────────
export function generateVault(spec: VaultSpec): GeneratedVault {
  const full: Required<VaultSpec> = { people: spec.people, datedNotes: spec.datedNotes, seed: spec.seed ?? DEFAULT_SEED };
  const rng = new Rng(mulberry32(full.seed));
  const today = dayOf(BENCH_TODAY);
  const files = new Map<string, string>();
  const ctimes = new Map<string, number>();
  const add = (p: string, text: string, ctimeDay: number) => {
    files.set(p, text);
    ctimes.set(p, ctimeDay * MS_PER_DAY + 9 * 3_600_000);
  };

  const config = new Map<string, string>([
    ["daily-notes.json", JSON.stringify(DAILY_NOTES_CONFIG)],
    ["app.json", JSON.stringify({ alwaysUpdateLinks: true })],
  ]);

  // Days with a daily note: the most recent ones, up to 20 years, about half of the dated notes.
  const dailyCount = Math.min(Math.max(1, Math.round(full.datedNotes / 2)), 20 * 365);
  const meetingCount = full.datedNotes - dailyCount;
  const firstDay = today - dailyCount + 1;
  const span = Math.max(dailyCount, 365);

  // Projects and topics (link targets that are not people).
  const others: string[] = [];
  const otherCount = Math.max(20, Math.round(full.people / 10));
  for (let i = 0; i < otherCount; i++) {
    const name = i < PROJECTS.length * 4 ? `Project ${PROJECTS[i % PROJECTS.length] ?? "X"}${i >= PROJECTS.length ? ` ${Math.floor(i / PROJECTS.length) + 1}` : ""}` : `Topic ${i}`;
    others.push(i % 3 === 2 ? `Topics/${name}.md` : `Projects/${name}.md`);
  }
  const otherName = (p: string) => p.slice(p.lastIndexOf("/") + 1, -3);

  // People: names, folders, tiers and how often they are linked.
  const names = makeNames(rng, full.people);
  const plans: PersonPlan[] = names.map(({ name, zh }) => {
    const where = rng.weighted<"people" | "sub" | "contacts" | "marker">([["people", 0.7], ["sub", 0.1], ["contacts", 0.12], ["marker", 0.08]]);
    const folder = where === "people" ? "People" : where === "sub" ? `People/${rng.pick(["Work", "Family", "Friends"])}` : where === "contacts" ? "Contacts" : "Notes";
    const tier = rng.weighted<Tier | null>([["meaningful", 0.05], ["intimate", 0.12], ["familiar", 0.35], ["unfamiliar", 0.2], [null, 0.28]]);
    const spread = Math.exp(rng.next() * 2 - 1) ** 2;
    const aliases = rng.chance(0.08) ? [zh ? name.slice(1) : (name.split(" ")[0] ?? name)] : [];
    return { name, path: `${folder}/${name}.md`, zh, tier, weight: TIER_WEIGHT[tier ?? "none"] * spread, aliases };
  });
  const cumulative: number[] = [];
  let total = 0;
  for (const p of plans) cumulative.push((total += p.weight));
  const popular = (): PersonPlan => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < r) lo = mid + 1;
      else hi = mid;
    }
    return plans[lo] as PersonPlan;
  };
  // People linked from dated notes who have no note (yet): creating one should pick up those links.
  const taken = new Set(plans.map((p) => p.name.toLowerCase()));
  const unresolvedCount = Math.max(5, Math.round(full.people / 50));
  const unresolvedNames = makeNames(new Rng(mulberry32(full.seed ^ 0x5bd1e995)), unresolvedCount * 3)
    .map((n) => n.name)
    .filter((n) => !taken.has(n.toLowerCase()))
    .slice(0, unresolvedCount);

  const problemNotes: string[] = [];
  for (const plan of plans) {
    const fm: [string, FmValue][] = [];
    const folder = plan.path.slice(0, plan.path.lastIndexOf("/"));
    if (folder === "Contacts") fm.push(["tags", rng.chance(0.5) ? ["person/work"] : { flow: ["people", "friends"] }]);
    if (folder === "Notes") fm.push(["type", "person"]);
    if (plan.aliases.length > 0) fm.push(["aliases", plan.aliases]);
    if (plan.tier) fm.push(["tier", plan.zh ? TIER_ZH[plan.tier] : rng.chance(0.05) ? plan.tier[0]?.toUpperCase() + plan.tier.slice(1) : plan.tier]);
    if (plan.tier && rng.chance(0.06)) fm.push(["tier_goal", rng.pick(["intimate", "meaningful"])]);
    if (rng.chance(0.45)) fm.push(["last_touch", isoOf(today - rng.between(0, 400))]);
    if (rng.chance(0.12)) fm.push(["cadence", rng.pick<string | number>([10, 21, 45, "2w", "3w", "1m", "3m", "6m"])]);
    if (rng.chance(0.35)) fm.push(["met", isoOf(today - rng.between(30, 15 * 365))]);
    if (rng.chance(0.25)) fm.push(["birthday", rng.chance(0.7) ? isoOf(dayOf("1960-01-01") + rng.int(40 * 365)) : isoOf(dayOf("2000-01-01") + rng.int(365)).slice(5)]);
    if (rng.chance(0.2)) fm.push(["how_we_met", rng.pick(HOW_WE_MET)]);
    if (rng.chance(0.3)) {
      fm.push(["company", rng.pick(COMPANIES)]);
      fm.push(["role", rng.pick(ROLES)]);
    }
    if (rng.chance(0.55)) {
      const items = rng.some(INTERESTS, rng.between(1, 4));
      fm.push(["interests", rng.chance(0.5) ? { flow: items } : items]);
    }
    if (rng.chance(0.25)) {
      fm.push(["commitments", rng.some(COMMITMENTS, rng.between(1, 3)).map((c) => (rng.chance(0.6) ? `${c} 📅 ${isoOf(today + rng.between(-60, 60))}` : rng.chance(0.15) ? `${c} (due ${isoOf(today + rng.between(-30, 30))})` : c))]);
    }
    if (rng.chance(0.12)) fm.push(["expecting", rng.some(EXPECTING, rng.between(1, 2)).map((c) => (rng.chance(0.4) ? `${c} 📅 ${isoOf(today + rng.between(-30, 60))}` : c))]);
    if (rng.chance(0.03)) fm.push(["snooze_until", isoOf(today + rng.between(1, 60))]);
    if (rng.chance(0.02)) fm.push(["paused", true]);

    let yamlBroken = false;
    if (rng.chance(0.01)) {
      // Broken YAML only where the folder still makes it a person (a broken block loses its tags and marker).
      const [key, value] = rng.pick(folder.startsWith("People") ? PROBLEMS : PROBLEMS.slice(0, -1));
      problemNotes.push(plan.path);
      if (value === null) yamlBroken = true;
      else {
        const at = fm.findIndex(([k]) => k === key);
        if (at >= 0) fm.splice(at, 1);
        fm.push([key, value]);
      }
    }

    const body: string[] = [`# ${plan.name}`, "", "## What I know", rng.pick(FILLER)];
    if (rng.chance(0.3)) body.push(`Works with me on [[${otherName(rng.pick(others))}]].`);
    if (rng.chance(0.2)) body.push(`Knows [[${popular().name}]] from way back.`);
    if (folder === "Contacts" && rng.chance(0.3)) body.push("#person");
    if (rng.chance(0.4)) {
      body.push("", "## Log");
      const n = rng.between(1, 6);
      for (let i = 0; i < n; i++) body.push(`- [[${isoOf(today - rng.between(0, Math.min(span, 900)))}]] ${rng.pick(LOG_PHRASES)}`);
    }
    if (rng.chance(0.15)) {
      if (!body.includes("## Log")) body.push("", "## Log");
      body.push(`### ${isoOf(today - rng.between(0, 700))} ${rng.pick(LOG_PHRASES)}`, rng.pick(FILLER));
    }
    let head = fm.length > 0 ? frontmatter(fm) : "";
    if (yamlBroken) head = `---\ntier: [familiar\nlast_touch: ${isoOf(today - 10)}\n---`;
    add(plan.path, `${head}${head ? "\n" : ""}${body.join("\n")}\n`, today - rng.between(0, 5 * 365));
  }

  // Links from dated notes.
  const personLink = (p: PersonPlan): string => {
    const form = rng.weighted<"plain" | "alias" | "sub" | "path">([["plain", 0.8], ["alias", 0.14], ["sub", 0.03], ["path", 0.03]]);
    if (form === "alias") return `[[${p.name}|${plan0(p)}]]`;
    if (form === "sub") return `[[${p.name}#Log]]`;
    if (form === "path") return `[[${p.path.slice(0, -3)}]]`;
    return `[[${p.name}]]`;
  };
  const plan0 = (p: PersonPlan) => (p.zh ? p.name.slice(1) : (p.name.split(" ")[0] ?? p.name));
  type Context = "text" | "list" | "done" | "open" | "quote" | "code" | "embed" | "heading";
  const CONTEXTS: [Context, number][] = [["text", 0.5], ["list", 0.16], ["done", 0.08], ["open", 0.09], ["quote", 0.05], ["code", 0.03], ["embed", 0.03], ["heading", 0.06]];
  const linkLine = (ctx: Context, link: string): string => {
    const phrase = `${rng.pick(TOUCH_PHRASES)} ${link} ${rng.pick(TOUCH_TAILS)}`.trim();
    switch (ctx) {
      case "text": return `${phrase[0]?.toUpperCase()}${phrase.slice(1)}.`;
      case "list": return `- ${phrase}`;
      case "done": return `- [x] Reply to ${link}`;
      case "open": return `- [ ] Follow up with ${link} 📅 ${isoOf(today + rng.between(1, 30))}`;
      case "quote": return `> ${link} said: "keep it small, ship it often."`;
      case "code": return rng.chance(0.5) ? `Template line: \`${link}\`` : `\`\`\`\n${link}\n\`\`\``;
      case "embed": return `![[${link.slice(2, -2)}]]`;
      case "heading": return `### ${link}`;
    }
  };
  const extraLinks = (lines: string[], day: number) => {
    if (rng.chance(0.35)) lines.push(`Progress on [[${otherName(rng.pick(others))}]].`);
    if (rng.chance(0.1)) lines.push(`See also [[${isoOf(Math.max(firstDay, day - rng.between(1, 7)))}]].`);
    if (rng.chance(0.08)) lines.push(`Heard about [[${rng.pick(unresolvedNames)}]], would like to meet.`);
  };
  const personCount = () => rng.weighted([[3, 0.3], [4, 0.4], [5, 0.3]]);

  // Daily notes.
  const dailyNotes: string[] = [];
  for (let i = 0; i < dailyCount; i++) {
    const day = firstDay + i;
    const iso = isoOf(day);
    const p = `Daily/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso}.md`;
    const lines: string[] = [];
    if (rng.chance(0.1)) lines.push(frontmatter([["mood", rng.pick(["good", "tired", "calm", "busy"])]]), "");
    lines.push("## Journal", ...rng.some(FILLER, rng.between(1, 4)), "", "## People");
    const n = personCount();
    for (let k = 0; k < n; k++) {
      const ctx = rng.weighted(CONTEXTS);
      const line = linkLine(ctx, personLink(popular()));
      // A task nested under an open task is a plan too.
      if (ctx === "open" && rng.chance(0.2)) lines.push(line, `    - ask ${personLink(popular())} too`);
      else lines.push(line);
    }
    lines.push("", "## Tasks", ...rng.some(CHORES, rng.between(0, 3)).map((c) => `- [${rng.chance(0.5) ? "x" : " "}] ${c}`));
    lines.push("", "## Notes", ...rng.some(FILLER, rng.between(1, 3)));
    extraLinks(lines, day);
    add(p, `${lines.join("\n")}\n`, day);
    dailyNotes.push(p);
  }

  // Meeting notes.
  const meetingNotes: string[] = [];
  const usedMeeting = new Set<string>();
  for (let i = 0; i < meetingCount; i++) {
    const day = today - Math.floor(Math.pow(rng.next(), 1.3) * span);
    const iso = isoOf(day);
    const topic = rng.pick(MEETING_TOPICS);
    let p = `Meetings/${iso.slice(0, 4)}/${iso} ${topic}.md`;
    for (let k = 2; usedMeeting.has(p); k++) p = `Meetings/${iso.slice(0, 4)}/${iso} ${topic} ${k}.md`;
    usedMeeting.add(p);
    const n = personCount();
    const inFm = rng.between(1, Math.min(3, n));
    const fm: [string, FmValue][] = [
      ["date", rng.chance(0.85) ? iso : `${iso}T${String(rng.between(8, 17)).padStart(2, "0")}:00`],
      ["attendees", Array.from({ length: inFm }, () => personLink(popular()))],
      ["tags", { flow: ["meeting"] }],
    ];
    const lines = [frontmatter(fm), `# ${topic}`, "", "## Agenda", ...rng.some(FILLER, rng.between(1, 3)).map((f) => `- ${f}`), "", "## Notes", ...rng.some(FILLER, rng.between(1, 3))];
    for (let k = inFm; k < n; k++) lines.push(linkLine(rng.weighted(CONTEXTS), personLink(popular())));
    lines.push("", "## Actions", `- [ ] Write up the notes for [[${otherName(rng.pick(others))}]]`);
    extraLinks(lines, day);
    add(p, `${lines.join("\n")}\n`, day);
    meetingNotes.push(p);
  }

  // Projects, topics, a template.
  for (const p of others) {
    const lines = [frontmatter([["status", rng.pick(["active", "done", "paused"])]]), `# ${otherName(p)}`, rng.pick(FILLER), `Owner: [[${popular().name}]]`, `With [[${popular().name}]] and [[${popular().name}]].`];
    add(p, `${lines.join("\n")}\n`, today - rng.between(0, 1000));
  }
  const template = "Templates/Person.md";
  add(template, `${frontmatter([["type", "person"], ["tier", ""], ["last_touch", ""], ["commitments", []]])}\n# {{title}}\n\n## What I know\n\n## Log\n`, today - 1000);

  return {
    spec: full,
    today: BENCH_TODAY,
    files,
    config,
    ctimes,
    people: plans.map((p) => p.path),
    dailyNotes,
    meetingNotes,
    otherNotes: [...others, template],
    unresolvedNames,
    problemNotes,
  };
}
