/**
 * Fail loudly: members the stand-in does not implement throw with their name instead of being `undefined`.
 */
export class NotImplementedError extends Error {
  constructor(member: string) {
    super(`${member} is not implemented by the Obsidian test stand-in (tests/harness/obsidian/README.md lists what is)`);
    this.name = "NotImplementedError";
  }
}

export function notImplemented(member: string): never {
  throw new NotImplementedError(member);
}

/**
 * Property names that generic code probes on any object (promise resolution, test-framework printing,
 * CommonJS interop). Reading them must not throw; they read as `undefined` when absent.
 */
const PROBES = new Set([
  "then", "catch", "finally", "toJSON", "$$typeof", "asymmetricMatch", "nodeType", "tagName", "inspect",
  "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@", "@@__IMMUTABLE_KEYED__@@", "@@__IMMUTABLE_ORDERED__@@",
  "_isMockFunction", "__esModule", "default", "constructor", "toString", "valueOf", "length",
]);

/** Wraps `target` so that reading a property it does not have throws `NotImplementedError("<name>.<prop>")`. */
export function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, receiver) as unknown;
      if (PROBES.has(prop)) return undefined;
      throw new NotImplementedError(`${name}.${prop}`);
    },
  });
}
