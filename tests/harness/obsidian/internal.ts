/** Stand-in internals for the loader and tests (not part of the `obsidian` module's surface). */
export { runtime, type NoticeRecord } from "./runtime";
export { strict, notImplemented, NotImplementedError } from "./strict";
export { configurePlatform } from "./utils";
export { installDomExtensions } from "./dom";
export { installBuiltinExtensions } from "./builtins";
export { INTERNAL_CTX } from "./views";
export { MarkdownPreviewRenderer } from "./markdown";
export { Menu } from "./menu";
export { YAMLParseError } from "./yaml";
export type { VaultBackend, BackendEntry, BackendStat, BackendWriteOptions } from "./backend";
export type { AppOptions } from "./app";
export type { ParseFn, LinkResolverLike, MetadataOptions } from "./metadata-cache";
export type { SettingSearchHit } from "./settings-window";
