#!/usr/bin/env node
// (Re)generates the notes of the demo vault: node scripts/make-demo-vault.mjs [--vault demo-vault] [--today YYYY-MM-DD]
//
// Deterministic: a fixed seed drives every choice, and every date is an offset from "today" (default: this
// machine's local date), so the vault looks lived-in on whatever day it is generated: a handful of people due,
// most not. Idempotent: it deletes and rewrites only the folders it owns (GENERATED below) and never touches
// anything else in the vault (.obsidian/, Welcome.md, People.base stay as committed).
// Plain Node 20, built-ins only, so it runs before `npm install`.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPeople, CHORES, FILLER, MEETINGS, NON_TOUCHES, TEMPLATES } from "./demo-data.mjs";

export const GENERATED = ["People", "Contacts", "Daily", "Meetings"];
const SEED = 20261126;
const DAYS_OF_JOURNAL = 120;
const CADENCE = { meaningful: 14, intimate: 30, familiar: 90, unfamiliar: null };
const TIER_WORDS = { unfamiliar: "unfamiliar", familiar: "familiar", intimate: "intimate", meaningful: "meaningful", "不熟悉": "unfamiliar", "陌生": "unfamiliar", "熟悉": "familiar", "亲密": "intimate", "有意义": "meaningful" };

// ── arguments ────────────────────────────────────────────────────────────────────────────
function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = { vault: path.join(here, "..", "demo-vault"), today: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--vault") args.vault = path.resolve(value());
    else if (a === "--today") args.today = value();
    else if (a === "--help" || a === "-h") {
      console.log("Usage: node scripts/make-demo-vault.mjs [--vault demo-vault] [--today YYYY-MM-DD]");
      process.exit(0);
    } else fail(`Unknown argument ${a}`);
  }
  return args;
}

function fail(message) {
  console.error(`make-demo-vault: ${message}`);
  process.exit(2);
}

// ── days: whole days since 1970-01-01, so the arithmetic never meets time zones ───────────
const MS_PER_DAY = 86_400_000;

function dayFromISO(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return ms / MS_PER_DAY;
}

function isoOf(day) {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function localToday() {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY;
}

// ── a small seeded PRNG (mulberry32) ───────────────────────────────────────────────────────
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── YAML, just enough of it: plain scalars when safe, JSON-style double quotes otherwise ──
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function yamlScalar(value) {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const risky = s === "" || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /\s$/.test(s) || /: |:$| #|[\n\t]/.test(s) || RESERVED.test(s) || /^[+-]?[\d._:-]+$/.test(s);
  return risky ? JSON.stringify(s) : s;
}

function yamlBlock(fm) {
  const lines = [];
  for (const [key, value] of Object.entries(fm)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${yamlScalar(item)}`);
    } else lines.push(`${key}: ${yamlScalar(value)}`);
  }
  return lines.join("\n");
}

function withFrontmatter(yaml, body) {
  return `---\n${yaml}\n---\n${body.replace(/\n+$/, "")}\n`;
}

// ── the plan: who is touched when, and so who is due ──────────────────────────────────────
function tierOf(person) {
  const raw = person.fm?.tier;
  return typeof raw === "string" ? (TIER_WORDS[raw.trim().toLowerCase()] ?? null) : null;
}

function cadenceOf(person, tier) {
  const raw = person.fm?.cadence;
  if (typeof raw === "number") return raw;
  const m = typeof raw === "string" ? /^(\d+)([dwmy]?)$/.exec(raw.trim()) : null;
  if (m) return Number(m[1]) * { "": 1, d: 1, w: 7, m: 30, y: 365 }[m[2]];
  return tier ? CADENCE[tier] : null;
}

/** Days ago of the latest real touch the plugin should find (null: never touched). */
function lastTouchAgo(person, today, meetings) {
  const agos = [...person.daily, ...person.log, ...person.heads];
  for (const m of meetings) if (m.attendees.includes(person.name)) agos.push(m.ago);
  for (const key of ["last_touch", "met"]) {
    const day = dayFromISO(person.fm?.[key]);
    if (day !== null && day <= today) agos.push(today - day);
  }
  return agos.length === 0 ? null : Math.min(...agos);
}

// ── notes ─────────────────────────────────────────────────────────────────────────────────
const HEADINGS = {
  en: { know: "What I know", common: "Common ground", log: "Log" },
  zh: { know: "我了解的", common: "共同点", log: "记录" },
};

function fill(template, vars) {
  return template.replace(/\{(\w)\}/g, (_, k) => vars[k] ?? "");
}

function linkTo(person) {
  return person.linkAs ? `[[${person.name}|${person.linkAs}]]` : `[[${person.name}]]`;
}

function personNote(person, today) {
  const h = HEADINGS[person.lang];
  const out = [];
  out.push(`## ${h.know}`, "", ...person.know.map((l) => `- ${l}`), "");
  if (person.common.length > 0) out.push(`## ${h.common}`, "", ...person.common.map((l) => `- ${l}`), "");
  const logLines = [...person.log].sort((a, b) => a - b).map((ago) => `- [[${isoOf(today - ago)}]] ${person.nextTopic()}`);
  const heads = [...person.heads].sort((a, b) => a - b);
  if (logLines.length > 0 || heads.length > 0) {
    out.push(`## ${h.log}`, "");
    if (logLines.length > 0) out.push(...logLines, "");
    for (const ago of heads) {
      const topic = person.nextTopic();
      out.push(`### ${isoOf(today - ago)}`, "", topic.charAt(0).toUpperCase() + topic.slice(1) + ".", "");
    }
  }
  const yaml = person.raw ?? yamlBlock(person.fm ?? {});
  return withFrontmatter(yaml, out.join("\n"));
}

function mention(person, rng, pick) {
  const t = TEMPLATES[person.lang];
  const roll = rng();
  const kind = roll < 0.45 ? "para" : roll < 0.75 ? "item" : "done";
  const text = fill(pick(t[kind]), { n: linkTo(person), t: person.nextTopic(), x: pick(t.things) });
  return { kind: kind === "para" ? "para" : "list", text };
}

function dailyNote(ago, todays, extras, rng, pick) {
  const lang = todays.some((p) => p.lang === "zh") || extras.some((e) => e.lang === "zh") || (todays.length === 0 && rng() < 0.12) ? "zh" : "en";
  const blocks = [];
  const filler = FILLER[lang];
  const first = pick(filler);
  blocks.push(rng() < 0.5 ? first : [first, pick(filler.filter((f) => f !== first))].join(lang === "zh" ? "" : " "));
  const listed = [];
  for (const person of todays) {
    const m = mention(person, rng, pick);
    if (m.kind === "para") blocks.push(m.text);
    else listed.push(m.text);
  }
  if (listed.length > 0) blocks.push(listed.join("\n"));
  if (ago <= 3 || rng() < 0.25) {
    const chores = CHORES[lang];
    const a = pick(chores);
    blocks.push(rng() < 0.5 ? a : [a, pick(chores.filter((c) => c !== a))].join("\n"));
  }
  for (const e of extras) blocks.push(e.block);
  if (rng() < 0.3) blocks.push(pick(filler.filter((f) => f !== first)));
  return `${blocks.join("\n\n")}\n`;
}

function meetingNote(meeting, today) {
  const attendees = meeting.attendees.map((n) => JSON.stringify(`[[${n}]]`)).join(", ");
  const yaml = `date: ${isoOf(today - meeting.ago)}\nattendees: [${attendees}]`;
  const body = [`# ${meeting.topic}`, "", ...meeting.lines.flatMap((l, i, all) => (i > 0 && !(l.startsWith("- ") && all[i - 1].startsWith("- ")) ? ["", l] : [l]))];
  return withFrontmatter(yaml, body.join("\n"));
}

// ── main ──────────────────────────────────────────────────────────────────────────────────
function main() {
  const args = parseArgs(process.argv.slice(2));
  const today = args.today === null ? localToday() : dayFromISO(args.today);
  if (today === null) fail(`--today must be a real date written YYYY-MM-DD, not "${args.today}"`);

  const rng = mulberry32(SEED);
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const at = (offset) => isoOf(today + offset);
  const birthday = (inDays, age) => {
    const iso = at(inDays);
    const md = iso.slice(5) === "02-29" && age !== undefined ? "02-28" : iso.slice(5);
    return age === undefined ? md : `${Number(iso.slice(0, 4)) - age}-${md}`;
  };
  const people = buildPeople(at, birthday);
  for (const p of people) {
    // Each person's topics come round in turn from a seeded start, so one note rarely repeats itself.
    let next = Math.floor(rng() * Math.max(1, p.topics.length));
    p.nextTopic = () => (p.topics.length === 0 ? "" : p.topics[next++ % p.topics.length]);
  }

  const files = new Map(); // vault-relative path → text, written in one go at the end
  for (const person of people) files.set(`${person.folder}/${person.name}.md`, personNote(person, today));

  for (const meeting of MEETINGS) files.set(`Meetings/${isoOf(today - meeting.ago)} ${meeting.topic}.md`, meetingNote(meeting, today));

  // Which days have a daily note: most of them, and always the ones the plan needs.
  const needed = new Set(NON_TOUCHES.map((e) => e.ago));
  for (const p of people) for (const ago of [...p.daily, ...p.log]) if (ago < DAYS_OF_JOURNAL) needed.add(ago);
  let dailyCount = 0;
  for (let ago = DAYS_OF_JOURNAL - 1; ago >= 0; ago--) {
    const skip = rng() < 0.2;
    if (skip && !needed.has(ago)) continue;
    const todays = people.filter((p) => p.daily.includes(ago));
    const extras = NON_TOUCHES.filter((e) => e.ago === ago);
    const iso = isoOf(today - ago);
    files.set(`Daily/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso}.md`, dailyNote(ago, todays, extras, rng, pick));
    dailyCount++;
  }

  for (const folder of GENERATED) rmSync(path.join(args.vault, folder), { recursive: true, force: true });
  for (const [rel, text] of files) {
    const full = path.join(args.vault, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }

  let tracked = 0;
  let due = 0;
  for (const p of people) {
    const tier = tierOf(p);
    const cadence = p.raw ? null : cadenceOf(p, tier);
    if (p.raw || !tier || cadence === null) continue;
    tracked++;
    const ago = lastTouchAgo(p, today, MEETINGS);
    if (ago !== null && ago >= cadence) due++;
  }
  console.log(`demo vault ${path.relative(process.cwd(), args.vault) || "."}: ${people.length} people (${tracked} on a cadence, ${due} due), ${dailyCount} daily notes, ${MEETINGS.length} meetings, as of ${isoOf(today)}`);
}

// Run when called as a script; importing the module (say, for GENERATED in a test) writes nothing.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
