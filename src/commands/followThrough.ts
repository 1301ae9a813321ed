/**
 * The follow-through commands. Each works on the active note when it is a person note, and otherwise asks whose
 * note first (a fuzzy search by name and alias). Commands that only make sense in some states (pause, resume,
 * snooze, complete) are offered only when they apply: to the active person, or else to someone in the vault,
 * and the picker then lists only the people they apply to.
 */
import type { Plugin } from "obsidian";
import type { Person } from "../domain/person";
import type { MessageKey, Translate } from "../i18n";
import type { NetworkNotesApi } from "../obsidian/api";
import type { FollowUi } from "../ui/follow/FollowUi";

export interface FollowThroughHost {
  t: Translate;
  api: NetworkNotesApi;
  /** The person whose note is at `path`, if it is a person note. */
  person(path: string): Person | undefined;
  /** Shared with the sidebar view, so one Undo button follows the latest change. */
  ui: FollowUi;
}

type Applies = (person: Person) => boolean;

const trackedNow: Applies = (p) => p.tier !== null && !p.paused;
const isPaused: Applies = (p) => p.paused;
const hasOpenItems: Applies = (p) => p.commitments.length + p.expecting.length > 0;

export function registerFollowThroughCommands(plugin: Plugin, host: FollowThroughHost): void {
  const { app } = plugin;
  const { t, api } = host;
  const { ui } = host;

  const activePerson = (): Person | null => {
    const file = app.workspace.getActiveFile();
    return file ? (host.person(file.path) ?? null) : null;
  };

  /** Always offered: on the active person note, or after choosing a person. */
  const forPerson = (id: string, name: MessageKey, run: (person: Person) => void) =>
    plugin.addCommand({
      id,
      name: t(name),
      callback: () => {
        const person = activePerson();
        if (person) run(person);
        else ui.choosePerson(api.people(), run);
      },
    });

  /** Offered only where it applies: to the active person, or (with no person note open) to someone in the vault. */
  const whenItApplies = (id: string, name: MessageKey, applies: Applies, run: (person: Person) => void) =>
    plugin.addCommand({
      id,
      name: t(name),
      checkCallback: (checking) => {
        const person = activePerson();
        if (person ? !applies(person) : !api.people().some(applies)) return false;
        if (checking) return true;
        if (person) run(person);
        else ui.choosePerson(api.people().filter(applies), run);
        return true;
      },
    });

  forPerson("log-touch", "command.logTouch", (p) => ui.logTouch(p));
  forPerson("before-you-ask", "command.beforeYouAsk", (p) => ui.beforeYouAsk(p));
  forPerson("add-commitment-mine", "command.addMine", (p) => ui.addCommitment(p, "mine"));
  forPerson("add-commitment-theirs", "command.addTheirs", (p) => ui.addCommitment(p, "theirs"));
  whenItApplies("complete-commitment", "command.complete", hasOpenItems, (p) => ui.completeCommitment(p));
  plugin.addCommand({ id: "list-open-commitments", name: t("command.listOpen"), callback: () => void ui.listOpenCommitments() });
  forPerson("set-tier", "command.setTier", (p) => ui.setTier(p));
  forPerson("move-tier-up", "command.tierUp", (p) => ui.moveTier(p, 1));
  forPerson("move-tier-down", "command.tierDown", (p) => ui.moveTier(p, -1));
  forPerson("set-tier-goal", "command.setGoal", (p) => ui.setGoal(p));
  whenItApplies("snooze", "command.snooze", trackedNow, (p) => ui.snooze(p));
  whenItApplies("pause", "command.pause", trackedNow, (p) => ui.setPaused(p, true));
  whenItApplies("resume", "command.resume", isPaused, (p) => ui.setPaused(p, false));
  plugin.addCommand({ id: "undo", name: t("command.undo"), callback: () => ui.undo() });
}
