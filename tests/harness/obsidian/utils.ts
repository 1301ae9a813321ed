import moment from "moment";
import { runtime } from "./runtime";

export { moment };

/** The API version the stand-in mirrors (the `obsidian` types it was written against). */
export const apiVersion = "1.13.1";

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function requireApiVersion(version: string): boolean {
  return compareVersions(apiVersion, version) >= 0;
}

/**
 * As documented: backslashes and runs of slashes become one "/", leading and trailing slashes are removed,
 * non-breaking spaces become spaces, the result is NFC-normalised; the empty path is "/".
 */
export function normalizePath(path: string): string {
  let result = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
  if (result === "") result = "/";
  return result.replace(/[\u00A0\u202F]/g, " ").normalize("NFC");
}

export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): Debouncer<T, V>;
  cancel(): Debouncer<T, V>;
  run(): V | void;
}

/**
 * Obsidian's debounce: calls during the wait replace the arguments; with `resetTimer` they also restart the wait.
 * Pending calls are visible to the harness, whose `settle()` runs them early instead of sleeping.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: [...T] | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    runtime.debouncers.delete(debounced);
  };
  const fire = (): V | void => {
    const args = lastArgs;
    clear();
    lastArgs = null;
    if (args) return cb(...args);
  };
  const debounced = ((...args: [...T]) => {
    lastArgs = args;
    if (timer !== null && !resetTimer) return debounced;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, timeout);
    runtime.debouncers.add(debounced);
    return debounced;
  }) as Debouncer<T, V>;
  debounced.cancel = () => {
    clear();
    lastArgs = null;
    return debounced;
  };
  debounced.run = () => (timer === null ? undefined : fire());
  return debounced;
}

/** Desktop by default; `configurePlatform(true)` (the loader's `mobile` option) switches to a phone. */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: "app://local/",
};

export function configurePlatform(mobile: boolean): void {
  Object.assign(Platform, {
    isDesktop: !mobile,
    isMobile: mobile,
    isDesktopApp: !mobile,
    isMobileApp: mobile,
    isAndroidApp: mobile,
    isPhone: mobile,
    isLinux: !mobile,
    resourcePathPrefix: mobile ? "http://localhost/_capacitor_file_" : "app://local/",
  });
  if (typeof document !== "undefined") {
    document.body.classList.toggle("is-mobile", mobile);
    document.body.classList.toggle("is-phone", mobile);
  }
}

export function getLanguage(): string {
  return runtime.language;
}

function noNetwork(name: string): never {
  throw new Error(`${name}() was called: the plugin must make no network requests (the stand-in refuses them)`);
}

export function requestUrl(request: unknown): never {
  void request;
  return noNetwork("requestUrl");
}

export function request(request: unknown): never {
  void request;
  return noNetwork("request");
}

export function sanitizeHTMLToDom(html: string): never {
  void html;
  throw new Error("sanitizeHTMLToDom() is not implemented by the stand-in: build the DOM with createEl instead");
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function arrayBufferToHex(data: ArrayBuffer): string {
  return Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes.buffer;
}
