/**
 * The project's stand-in for the `obsidian` module (vitest aliases `obsidian` here). Importing it installs
 * Obsidian's DOM and built-in extensions on whatever DOM is global. Only names the real module exports are
 * exported here; stand-in internals (the loader's hooks) live in ./internal.ts.
 */
import { installBuiltinExtensions } from "./builtins";
import { installDomExtensions } from "./dom";

installBuiltinExtensions();
installDomExtensions();

export { App } from "./app";
export { Component, Events, type EventRef } from "./events";
export { TAbstractFile, TFile, TFolder, type FileStats } from "./files";
export { Vault, type DataWriteOptions } from "./vault";
export { MetadataCache } from "./metadata-cache";
export { FileManager } from "./file-manager";
export { Keymap, Scope } from "./keymap";
export { Plugin, type Command, type PluginManifest } from "./plugin";
export { View, ItemView, FileView, MarkdownView, type ViewCreator, type ViewStateResult } from "./views";
export {
  Workspace,
  WorkspaceItem,
  WorkspaceParent,
  WorkspaceTabs,
  WorkspaceSplit,
  WorkspaceRoot,
  WorkspaceSidedock,
  WorkspaceLeaf,
  type ViewState,
  type OpenViewState,
} from "./workspace";
export { Modal, SuggestModal, FuzzySuggestModal, PopoverSuggest, AbstractInputSuggest, type FuzzyMatch, type Instruction } from "./modal";
export { Notice } from "./notice";
export { Menu, MenuItem } from "./menu";
export {
  Setting,
  SettingGroup,
  BaseComponent,
  ValueComponent,
  AbstractTextComponent,
  TextComponent,
  TextAreaComponent,
  SearchComponent,
  MomentFormatComponent,
  ToggleComponent,
  DropdownComponent,
  SliderComponent,
  ButtonComponent,
  ExtraButtonComponent,
  ColorComponent,
  ProgressBarComponent,
  DisplayValueComponent,
} from "./setting";
export { SettingTab, PluginSettingTab, SettingPage } from "./setting-tab";
export { MarkdownRenderer, MarkdownRenderChild, MarkdownPreviewRenderer } from "./markdown";
export {
  apiVersion,
  requireApiVersion,
  normalizePath,
  debounce,
  type Debouncer,
  Platform,
  moment,
  getLanguage,
  request,
  requestUrl,
  sanitizeHTMLToDom,
  arrayBufferToBase64,
  base64ToArrayBuffer,
  arrayBufferToHex,
  hexToArrayBuffer,
} from "./utils";
export { setIcon, addIcon, removeIcon, getIcon, getIconIds, setTooltip, displayTooltip } from "./icons";
export { prepareFuzzySearch, prepareSimpleSearch, renderMatches, renderResults, sortSearchResults, type SearchResult } from "./search";
export {
  parseYaml,
  stringifyYaml,
  getFrontMatterInfo,
  parseFrontMatterEntry,
  parseFrontMatterStringArray,
  parseFrontMatterAliases,
  parseFrontMatterTags,
  getAllTags,
  getLinkpath,
  parseLinktext,
  stripHeading,
  stripHeadingForLink,
  iterateCacheRefs,
  iterateRefs,
} from "./yaml";
