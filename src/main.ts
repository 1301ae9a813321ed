/**
 * Network Notes: wiring only. Starts reading the settings, creates the index and the UI pieces, registers commands.
 * No indexing and no note reads happen here; the index starts when the layout is ready and the settings are read.
 */
import { debounce, getLanguage, Notice, Plugin, type Command } from "obsidian";
import { registerCommands } from "./commands";
import { registerFollowThroughCommands } from "./commands/followThrough";
import { registerImportCommands } from "./commands/import";
import { registerPrepCommands } from "./commands/prep";
import { registerRoutineCommands } from "./commands/routine";
import { DailySection } from "./obsidian/DailySection";
import { endsInCode } from "./domain/dailySection";
import { Routine } from "./obsidian/Routine";
import { FollowUi } from "./ui/follow/FollowUi";
import { registerRoutineBlock } from "./ui/RoutineBlock";
import { DueStatusBar } from "./ui/StatusBar";
import { LooseTouchView, VIEW_TYPE } from "./ui/view/LooseTouchView";
import { PersonClassifier } from "./domain/classify";
import { today } from "./domain/dates";
import { pickLanguage, translator, type Translate } from "./i18n";
import { afterSettings } from "./obsidian/afterSettings";
import { createApi, type NetworkNotesApi } from "./obsidian/api";
import { FollowThrough } from "./obsidian/FollowThrough";
import { NoteWriter } from "./obsidian/NoteWriter";
import { Importer } from "./obsidian/Importer";
import { PeopleIndexer } from "./obsidian/PeopleIndexer";
import { SettingsStore, type LoadedSettings } from "./obsidian/SettingsStore";
import { describeProblem } from "./report/digest";
import { repairList } from "./settings/migrate";
import { defaultSettings, type NetworkNotesSettings } from "./settings/schema";
import { DigestModal } from "./ui/DigestModal";
import { ProblemsModal } from "./ui/ProblemsModal";
import { NetworkNotesSettingTab } from "./ui/SettingsTab";
import { ImportUi } from "./ui/import/ImportUi";
import { PrepUi } from "./ui/prep/PrepUi";

const SETTINGS_REBUILD_DELAY_MS = 600;

export default class NetworkNotesPlugin extends Plugin {
  override settings: NetworkNotesSettings = defaultSettings();
  t: Translate = translator("en");
  api!: NetworkNotesApi;
  private indexer!: PeopleIndexer;
  private routine!: Routine;
  private statusBar: DueStatusBar | null = null;
  private unloaded = false;
  private readonly store = new SettingsStore(this);
  private settingsRead = false;
  /** Resolves once the settings file has been read and the settings are in place (never rejects). */
  private settingsLoaded: Promise<void> = Promise.resolve();

  /**
   * Obsidian waits for onload while the app starts, so it only registers. The settings file is read meanwhile;
   * what reads the settings (the indexer, the daily section, the settings tab, a command run very early) starts
   * once they are in place, not from the defaults.
   */
  override onload(): void {
    const stored = this.store.load();
    const language = pickLanguage(getLanguage());
    this.t = translator(language);

    this.indexer = new PeopleIndexer(this.app, () => this.settings);
    this.register(() => this.rebuildSoon.cancel());
    const writer = new NoteWriter(this.app);
    const actions = new FollowThrough(this.app, writer, this.indexer, () => this.settings);
    this.routine = new Routine(this.app, () => this.indexer.index, () => this.settings);
    this.api = createApi(this.app, this.indexer, () => this.t, () => this.classifier(), actions, this.routine);
    const ui = new FollowUi(this.app, this.t, this.api);
    const section = new DailySection(this.app, this.indexer, this.routine, actions, () => this.settings, this.t);
    registerCommands(this, {
      t: this.t,
      rebuildIndex: () => this.rebuildIndex(),
      showProblems: () => new ProblemsModal(this.app, this.indexer.index.problems(today()).map((p) => describeProblem(p, this.t)), this.t).open(),
      showDigest: () => void this.api.fullDigest().then((digest) => new DigestModal(this.app, digest, this.t).open()),
    });
    registerFollowThroughCommands(this, { t: this.t, api: this.api, person: (path) => this.indexer.index.getPerson(path), ui });
    const prep = new PrepUi({
      app: this.app, t: this.t, language, api: this.api, settings: () => this.settings, follow: ui,
      lastTouch: (path, day) => this.indexer.index.lastTouch(path, day),
    });
    registerPrepCommands(this, { t: this.t, person: (path) => this.indexer.index.getPerson(path), ui: prep });
    const importer = new Importer({ app: this.app, writer, t: this.t, language, settings: () => this.settings, people: () => this.api.people() });
    registerImportCommands(this, { t: this.t, ui: new ImportUi({ app: this.app, t: this.t, importer, writer }) });

    const showProblems = () => new ProblemsModal(this.app, this.indexer.index.problems(today()).map((p) => describeProblem(p, this.t)), this.t).open();
    this.registerView(VIEW_TYPE, (leaf) => new LooseTouchView(leaf, {
      t: this.t, api: this.api, routine: this.routine, ui, showProblems, lookedIn: () => this.classifier().describe(),
      prep: { prepare: (person) => prep.prepare(person), message: (person) => prep.message(person) },
    }));
    registerRoutineCommands(this, {
      t: this.t,
      openView: () => this.openView(),
      ready: () => this.indexer.ready,
      insertSection: async (path) => {
        const step = await section.insert(path).catch((error: unknown) => {
          new Notice(this.t("notice.section.failed", { message: error instanceof Error ? error.message : String(error) }));
          return null;
        });
        if (!step) return;
        if (step.before !== step.after) new Notice(this.t("notice.section.added"));
        else new Notice(this.t(endsInCode(step.before.split(/\r?\n/)) ? "notice.section.inCode" : "notice.section.unchanged"));
      },
    });
    registerRoutineBlock(this, this.t, this.api, this.routine);

    this.settingsLoaded = stored.then(
      (loaded) => this.useSettings(loaded, section),
      (error: unknown) => console.error("Network Notes: the settings could not be loaded", error),
    );

    // What is only seen once the window is laid out (the ribbon icon, the settings tab, the status bar item, which
    // has nothing to say before the vault is read) is made then, not while the app is starting.
    this.app.workspace.onLayoutReady(() => void this.settingsLoaded.then(() => {
      if (this.unloaded || !this.settingsRead) return;
      this.addRibbonIcon("users-round", this.t("command.openView"), () => void this.openView());
      this.addSettingTab(new NetworkNotesSettingTab(this.app, this, {
        settings: () => this.settings,
        t: this.t,
        dailyConfig: () => this.indexer.daily,
        settingsChanged: () => this.settingsChanged(),
      }));
      this.statusBar = new DueStatusBar(this.addStatusBarItem(), this.t, this.routine, this.api, () => void this.openView());
      this.registerEvent(this.api.onChange(() => this.statusBar?.update()));
      this.registerInterval(window.setInterval(() => this.statusBar?.update(), 60_000));
    }));
  }

  /** The settings are in place: the parts that read them start (the indexer waits for the layout itself). */
  private useSettings({ settings, repairs, unreadable }: LoadedSettings, section: DailySection): void {
    if (this.unloaded) return;
    this.settings = settings;
    this.settingsRead = true;
    if (unreadable) new Notice(this.t("notice.loaded.unreadable"));
    if (repairs.length > 0) new Notice(this.t("notice.loaded.repaired", { list: repairList(repairs, this.t) }));
    this.addChild(this.indexer);
    this.addChild(section);
  }

  /** Every command of the plugin: one run before the settings are read waits for them. */
  override addCommand(command: Command): Command {
    return super.addCommand(afterSettings(command, { loaded: () => this.settingsRead, whenLoaded: () => this.settingsLoaded }));
  }

  override onunload(): void {
    this.unloaded = true;
  }

  override async onExternalSettingsChange(): Promise<void> {
    await this.settingsLoaded;
    this.settings = (await this.store.load()).settings;
    await this.indexer.rebuild();
  }

  /** Shows the loose-touch view in the right sidebar, reusing the one already open (the app restores it on restart). */
  async openView(): Promise<void> {
    const { workspace } = this.app;
    let leaf = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
    if (!leaf) {
      leaf = workspace.getRightLeaf(false);
      if (!leaf) return;
      await leaf.setViewState({ type: VIEW_TYPE, active: true });
    }
    await workspace.revealLeaf(leaf);
  }

  private classifier(): PersonClassifier {
    return new PersonClassifier(this.settings.people);
  }

  /** Text settings change on every keystroke: save each change, re-read the vault once typing pauses. */
  private readonly rebuildSoon = debounce(() => void this.indexer.rebuild(), SETTINGS_REBUILD_DELAY_MS, true);

  private async settingsChanged(): Promise<void> {
    // A failed save (or a failed copy of the old file before it) leaves data.json as it was: say so, keep going.
    await this.store.save(this.settings).catch((error: unknown) => {
      new Notice(this.t("notice.settings.saveFailed", { message: error instanceof Error ? error.message : String(error) }));
    });
    this.rebuildSoon();
  }

  private async rebuildIndex(): Promise<void> {
    await this.indexer.rebuild();
    const index = this.indexer.index;
    new Notice(this.t("notice.rebuilt", { people: index.personCount, dated: index.datedNoteCount }));
    if (index.personCount === 0) {
      const where = this.classifier().describe();
      const none = this.t("digest.none");
      new Notice(this.t("notice.nopeople", { folders: where.folders.join(", ") || none, tags: where.tags.join(", ") || none, marker: where.marker ?? none }));
    }
  }
}
