/**
 * The settings file is read while the app starts, not awaited in onload. A command run before it has been read
 * (a hotkey in the first moments) waits for it and then runs, so it never works from the defaults. A check
 * (`checkCallback(true)`, which must answer at once) answers from what is known now.
 */
import type { Command } from "obsidian";

export interface SettingsGate {
  /** True once the settings are in place. */
  loaded(): boolean;
  /** Resolves once they are (never rejects). */
  whenLoaded(): Promise<unknown>;
}

export function afterSettings(command: Command, gate: SettingsGate): Command {
  const { callback, checkCallback } = command;
  const wrapped: Command = { ...command };
  if (callback) {
    wrapped.callback = () => {
      if (gate.loaded()) callback();
      else void gate.whenLoaded().then(() => {
        callback();
      });
    };
  }
  if (checkCallback) {
    wrapped.checkCallback = (checking) => {
      if (checking || gate.loaded()) return checkCallback(checking);
      if (!checkCallback(true)) return false;
      void gate.whenLoaded().then(() => checkCallback(false));
      return true;
    };
  }
  return wrapped;
}
