// A global DOM for the harness outside Vitest (what Vitest's happy-dom environment does): a happy-dom Window whose
// DOM names become globals. Node's own timers, console, process, performance, URL and fetch stay as they are.
// Import this before anything from tests/harness.
import { Window } from "happy-dom";

const KEEP = new Set(["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask", "console", "process", "performance", "URL", "URLSearchParams", "fetch", "Request", "Response", "Headers", "structuredClone", "crypto", "Buffer", "global", "globalThis", "navigator", "AbortController", "AbortSignal", "Blob", "TextEncoder", "TextDecoder", "WebSocket", "FormData", "File", "ReadableStream", "WritableStream", "TransformStream"]);
/** DOM events must be happy-dom's so its elements accept them. */
const OVERRIDE = new Set(["Event", "EventTarget", "CustomEvent", "KeyboardEvent", "MouseEvent", "FocusEvent", "InputEvent", "UIEvent", "PointerEvent", "WheelEvent", "DOMException"]);

const win = new Window({ url: "http://localhost/" });
const names = new Set();
for (let o = win; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) for (const name of Object.getOwnPropertyNames(o)) names.add(name);
for (const name of names) {
  if (name === "constructor" || KEEP.has(name) || name.startsWith("_")) continue;
  if (name in globalThis && !OVERRIDE.has(name)) continue;
  try {
    const value = win[name];
    Object.defineProperty(globalThis, name, { value: typeof value === "function" && !/^[A-Z]/.test(name) ? value.bind(win) : value, configurable: true, writable: true });
  } catch {
    // a getter happy-dom cannot serve outside a browser frame: leave it out
  }
}
Object.defineProperty(globalThis, "window", { value: win, configurable: true, writable: true });
Object.defineProperty(globalThis, "document", { value: win.document, configurable: true, writable: true });
