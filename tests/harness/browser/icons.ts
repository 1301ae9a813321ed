/**
 * The stand-in's icons are empty `<svg data-icon="…">` stubs. For screenshots, draw a few simple outline shapes
 * (our own, 24×24, stroked with currentColor like the app's icons) and a small neutral mark for any other id, so
 * buttons are visible without shipping an icon library.
 */
const SVG_NS = "http://www.w3.org/2000/svg";

type Shape = [tag: "path" | "circle" | "rect" | "line" | "polyline", attrs: Record<string, string>];

const p = (d: string): Shape => ["path", { d }];
const circle = (cx: number, cy: number, r: number): Shape => ["circle", { cx: String(cx), cy: String(cy), r: String(r) }];
const rect = (x: number, y: number, w: number, h: number, rx = 2): Shape => ["rect", { x: String(x), y: String(y), width: String(w), height: String(h), rx: String(rx) }];

const SHAPES: Record<string, Shape[]> = {
  x: [p("M18 6 6 18"), p("M6 6l12 12")],
  plus: [p("M5 12h14"), p("M12 5v14")],
  minus: [p("M5 12h14")],
  check: [p("M20 6 9 17l-5-5")],
  "circle-check": [circle(12, 12, 10), p("m9 12 2 2 4-4")],
  "check-circle": [circle(12, 12, 10), p("m9 12 2 2 4-4")],
  "chevron-right": [p("m9 18 6-6-6-6")],
  "chevron-left": [p("m15 18-6-6 6-6")],
  "chevron-down": [p("m6 9 6 6 6-6")],
  "chevron-up": [p("m18 15-6-6-6 6")],
  circle: [circle(12, 12, 10)],
  "check-circle-2": [circle(12, 12, 10), p("m9 12 2 2 4-4")],
  "circle-check-big": [p("M21.8 10A10 10 0 1 1 17 3.3"), p("m9 11 3 3L22 4")],
  "circle-slash": [circle(12, 12, 10), p("m9 15 6-6")],
  "circle-dashed": [circle(12, 12, 10)],
  "users-round": [circle(10, 8, 5), p("M18 21a8 8 0 0 0-16 0"), p("M22 20c0-3.4-2-6.5-4-8a5 5 0 0 0-.5-8.3")],
  "user-round": [circle(12, 8, 5), p("M20 21a8 8 0 0 0-16 0")],
  pencil: [p("M17 3a2.85 2.85 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5z"), p("m15 5 4 4")],
  newspaper: [p("M4 22h16a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2H8a2 2 0 0 0-2 2v16a2 2 0 0 1-2 2zm0 0a2 2 0 0 1-2-2v-9c0-1.1.9-2 2-2h2"), p("M18 14h-8"), p("M15 18h-5"), p("M10 6h8v4h-8z")],
  "skip-forward": [p("M5 4l10 8-10 8z"), p("M19 5v14")],
  scale: [p("m16 16 3-8 3 8c-.9.6-1.9 1-3 1s-2.1-.4-3-1z"), p("m2 16 3-8 3 8c-.9.6-1.9 1-3 1s-2.1-.4-3-1z"), p("M7 21h10"), p("M12 3v18"), p("M3 7h2c2 0 5-1 7-2 2 1 5 2 7 2h2")],
  "right-triangle": [p("M9 6l6 6-6 6z")],
  file: [p("M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"), p("M14 2v6h6")],
  "file-text": [p("M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"), p("M14 2v6h6"), p("M8 13h8"), p("M8 17h6")],
  calendar: [rect(3, 4, 18, 18), p("M16 2v4"), p("M8 2v4"), p("M3 10h18")],
  "calendar-clock": [p("M21 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h6"), p("M16 2v4"), p("M8 2v4"), p("M3 10h8"), circle(17, 17, 5), p("M17 15v2l1.5 1")],
  clock: [circle(12, 12, 10), p("M12 6v6l4 2")],
  "alarm-clock": [circle(12, 13, 8), p("M12 9v4l2 2"), p("M5 3 2 6"), p("m22 6-3-3")],
  user: [circle(12, 8, 4), p("M20 21a8 8 0 0 0-16 0")],
  users: [circle(9, 8, 4), p("M16 21a7 7 0 0 0-14 0"), p("M16 4a4 4 0 0 1 0 8"), p("M22 21a7 7 0 0 0-4-6.3")],
  contact: [rect(3, 4, 18, 18), circle(12, 11, 3), p("M7 19a5 5 0 0 1 10 0"), p("M8 2v2"), p("M16 2v2")],
  search: [circle(11, 11, 8), p("m21 21-4.3-4.3")],
  "refresh-cw": [p("M21 12a9 9 0 0 1-15 6.7L3 16"), p("M3 12a9 9 0 0 1 15-6.7L21 8"), p("M21 3v5h-5"), p("M3 21v-5h5")],
  "rotate-ccw": [p("M3 12a9 9 0 1 0 9-9 9.8 9.8 0 0 0-6.7 2.7L3 8"), p("M3 3v5h5")],
  undo: [p("M3 7v6h6"), p("M21 17a9 9 0 0 0-15-6.7L3 13")],
  "more-horizontal": [circle(5, 12, 1), circle(12, 12, 1), circle(19, 12, 1)],
  ellipsis: [circle(5, 12, 1), circle(12, 12, 1), circle(19, 12, 1)],
  "more-vertical": [circle(12, 5, 1), circle(12, 12, 1), circle(12, 19, 1)],
  pause: [rect(6, 4, 4, 16, 1), rect(14, 4, 4, 16, 1)],
  "message-circle": [p("M7.9 20A9 9 0 1 0 4 16.1L2 22z")],
  "message-square": [p("M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z")],
  mail: [rect(2, 4, 20, 16), p("m22 7-10 6L2 7")],
  phone: [p("M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z")],
  heart: [p("M19 14c1.5-1.5 3-3.2 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.8 0-3 .5-4.5 2-1.5-1.5-2.7-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4 3 5.5l7 7z")],
  gift: [rect(3, 8, 18, 4, 1), p("M12 8v13"), p("M19 12v7a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-7"), p("M7.5 8a2.5 2.5 0 0 1 0-5C10 3 12 8 12 8s2-5 4.5-5a2.5 2.5 0 0 1 0 5")],
  star: [p("m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8L12 17.8 5.8 21l1.2-6.8-5-4.9 6.9-1z")],
  bell: [p("M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"), p("M10.3 21a1.9 1.9 0 0 0 3.4 0")],
  "list-checks": [p("m3 17 2 2 4-4"), p("m3 7 2 2 4-4"), p("M13 6h8"), p("M13 12h8"), p("M13 18h8")],
  list: [p("M8 6h13"), p("M8 12h13"), p("M8 18h13"), p("M3 6h.01"), p("M3 12h.01"), p("M3 18h.01")],
  settings: [circle(12, 12, 3), circle(12, 12, 8)],
  "sliders-horizontal": [p("M21 4h-7"), p("M10 4H3"), p("M21 12h-9"), p("M8 12H3"), p("M21 20h-5"), p("M12 20H3"), p("M14 2v4"), p("M8 10v4"), p("M16 18v4")],
  "arrow-up": [p("m5 12 7-7 7 7"), p("M12 19V5")],
  "arrow-down": [p("M12 5v14"), p("m19 12-7 7-7-7")],
  "arrow-right": [p("M5 12h14"), p("m12 5 7 7-7 7")],
  "trending-up": [p("m22 7-8.5 8.5-5-5L2 17"), p("M16 7h6v6")],
  "trending-down": [p("m22 17-8.5-8.5-5 5L2 7"), p("M16 17h6v-6")],
  sprout: [p("M7 20h10"), p("M10 20c5.5-2.5.8-6.4 3-10"), p("M9.5 9.4c1.1.8 1.8 2.2 2.3 3.7-2 .4-3.5.4-4.8-.3-1.2-.6-2.3-1.9-3-4.2 2.8-.5 4.4 0 5.5.8z"), p("M14.1 6a7 7 0 0 0-1.1 4c1.9-.1 3.3-.6 4.3-1.4 1-1 1.6-2.3 1.7-4.6-2.7.1-4 1-4.9 2z")],
  "hand-heart": [p("M11 14h2a2 2 0 1 0 0-4h-3c-.6 0-1.1.2-1.4.6L3 16"), p("m7 20 1.6-1.4c.3-.4.8-.6 1.4-.6h4c1.1 0 2.1-.4 2.8-1.2l4.6-4.4a2 2 0 0 0-2.8-2.8L14.4 13"), p("m2 15 6 6")],
  "sun": [circle(12, 12, 4), p("M12 2v2"), p("M12 20v2"), p("M4.9 4.9l1.4 1.4"), p("M17.7 17.7l1.4 1.4"), p("M2 12h2"), p("M20 12h2"), p("M6.3 17.7l-1.4 1.4"), p("M19.1 4.9l-1.4 1.4")],
  "menu": [p("M4 6h16"), p("M4 12h16"), p("M4 18h16")],
  "x-circle": [circle(12, 12, 10), p("m15 9-6 6"), p("m9 9 6 6")],
  "alert-triangle": [p("m21.7 18-8-14a2 2 0 0 0-3.4 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.7-3"), p("M12 9v4"), p("M12 17h.01")],
  "triangle-alert": [p("m21.7 18-8-14a2 2 0 0 0-3.4 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.7-3"), p("M12 9v4"), p("M12 17h.01")],
  info: [circle(12, 12, 10), p("M12 16v-4"), p("M12 8h.01")],
};

/** Any id without a shape: a small rounded square, so the button is visible and plainly a placeholder. */
const PLACEHOLDER: Shape[] = [rect(6, 6, 12, 12, 3)];

export function drawIcons(root: ParentNode): void {
  for (const svg of Array.from(root.querySelectorAll("svg[data-icon]"))) {
    if (svg.childElementCount > 0) continue;
    const id = (svg.getAttribute("data-icon") ?? "").replace(/^lucide-/, "");
    for (const [tag, attrs] of SHAPES[id] ?? PLACEHOLDER) {
      const el = document.createElementNS(SVG_NS, tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      svg.appendChild(el);
    }
    if (!SHAPES[id]) svg.classList.add("nn-shot-icon-placeholder");
  }
}
