/** Obsidian's additions to JavaScript built-ins (Array, Object, Math, String, Number) and a few global helpers. */
import { runtime } from "./runtime";

type AnyFn = (...args: any[]) => any;

function define(target: object, name: string, value: AnyFn): void {
  if (Object.prototype.hasOwnProperty.call(target, name)) return; // never replace a native implementation
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

export function installBuiltinExtensions(): void {
  const A = Array.prototype;
  define(A, "first", function (this: unknown[]) { return this[0]; });
  define(A, "last", function (this: unknown[]) { return this[this.length - 1]; });
  define(A, "contains", function (this: unknown[], target: unknown) { return this.includes(target); });
  define(A, "remove", function (this: unknown[], target: unknown) {
    for (let i = this.indexOf(target); i >= 0; i = this.indexOf(target)) this.splice(i, 1);
  });
  define(A, "shuffle", function (this: unknown[]) {
    for (let i = this.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this[i], this[j]] = [this[j], this[i]];
    }
    return this;
  });
  define(A, "unique", function (this: unknown[]) { return Array.from(new Set(this)); });
  define(A, "findLastIndex", function (this: unknown[], predicate: (v: unknown) => boolean) {
    for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i])) return i;
    return -1;
  });
  define(Array, "combine", (arrays: unknown[][]) => ([] as unknown[]).concat(...arrays));

  define(Object, "isEmpty", (object: Record<string, unknown>) => Object.keys(object).length === 0);
  define(Object, "each", (object: Record<string, unknown>, callback: (v: unknown, k?: string) => boolean | void, context?: unknown) => {
    for (const key of Object.keys(object)) if (callback.call(context, object[key], key) === false) return false;
    return true;
  });

  define(Math, "clamp", (value: number, min: number, max: number) => Math.min(Math.max(value, min), max));
  define(Math, "square", (value: number) => value * value);

  define(String.prototype, "contains", function (this: string, target: string) { return this.includes(target); });
  define(String.prototype, "format", function (this: string, ...args: string[]) {
    return this.replace(/{(\d+)}/g, (match, index: string) => args[Number(index)] ?? match);
  });
  define(String, "isString", (obj: unknown) => typeof obj === "string" || obj instanceof String);
  define(Number, "isNumber", (obj: unknown) => typeof obj === "number" || obj instanceof Number);

  const g = globalThis as Record<string, unknown>;
  g.isBoolean ??= (obj: unknown) => typeof obj === "boolean";
  // A timer, as in the app; tracked as work in flight so the harness's settle() waits for code that sleeps.
  g.sleep = (ms: number) => runtime.track(new Promise<void>((resolve) => setTimeout(resolve, ms)));
}
