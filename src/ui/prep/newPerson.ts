/**
 * Creating a person's note from the New person form: where it goes, what it says, and the checks that keep it
 * from ever replacing a note. The note is made with `vault.create` (a new file; existing notes are only ever
 * changed through the NoteWriter), in the first people folder, from the user's template or the built-in one.
 */
import { normalizePath, Notice, parseYaml, TFile, type App } from "obsidian";
import { dayToISO, today as todayDay } from "../../domain/dates";
import type { Person } from "../../domain/person";
import type { Language, Translate } from "../../i18n";
import { safeChildPath } from "../../prep/fileName";
import { oneLine } from "../../prep/markdownText";
import { defaultPersonNote, formFrontmatter, renderPersonTemplate, type PersonForm, type PersonTemplateContext } from "../../prep/personTemplate";
import { addProperties } from "../../prep/frontmatterText";
import type { NetworkNotesSettings } from "../../settings/schema";

/** Long enough to read the message and reach the button, as for the other changes. */
const UNDO_NOTICE_MS = 10_000;

export interface NewPersonHost {
  app: App;
  t: Translate;
  language: Language;
  settings(): NetworkNotesSettings;
  people(): Person[];
}

const nameKey = (name: string) => oneLine(name).normalize("NFC").toLowerCase();

/** Someone already in the vault under this name or alias (case and spacing aside). */
export function existingPerson(people: readonly Person[], name: string): Person | null {
  const key = nameKey(name);
  if (key === "") return null;
  return people.find((p) => nameKey(p.name) === key || p.aliases.some((a) => nameKey(a) === key)) ?? null;
}

/** The form's properties added to a rendered user template (see prep/frontmatterText.ts). */
export function withFormProperties(text: string, props: Record<string, string | string[]>): string {
  return addProperties(text, props, parseYaml);
}

/** The template file a setting names: as written, or with `.md` added. */
function templateFile(app: App, path: string): TFile | null {
  if (path === "") return null;
  const file = normalizePath(path);
  return app.vault.getFileByPath(file) ?? app.vault.getFileByPath(`${file}.md`);
}

async function ensureFolder(app: App, folder: string): Promise<void> {
  if (folder === "" || app.vault.getAbstractFileByPath(folder)) return;
  try {
    await app.vault.createFolder(folder);
  } catch (error) {
    // Made meanwhile (another device, a quick second click): fine. Anything else is a real problem.
    if (!app.vault.getAbstractFileByPath(folder)) throw error;
  }
}

async function openNote(app: App, file: TFile): Promise<void> {
  await app.workspace.getLeaf(false).openFile(file);
}

/**
 * Makes the note for `form` and opens it; opens the existing note instead when the person (or the file) is
 * already there. Says what happened in a notice; a new note can be taken back with Undo while it is unchanged.
 */
export async function createPersonNote(host: NewPersonHost, form: PersonForm): Promise<TFile | null> {
  const { app, t } = host;
  const settings = host.settings();
  const name = oneLine(form.name).normalize("NFC");
  const already = existingPerson(host.people(), name);
  if (already) {
    const file = app.vault.getFileByPath(already.path);
    if (file) await openNote(app, file);
    new Notice(t("newPerson.exists", { name: already.name }));
    return null;
  }

  const folder = settings.people.folders[0] ?? "";
  let child: ReturnType<typeof safeChildPath>;
  try {
    child = safeChildPath(folder, name, "md", undefined, app.vault.configDir);
  } catch {
    new Notice(t("newPerson.unsafe"));
    return null;
  }
  if (!child.ok) {
    new Notice(child.error === "folder" ? t("newPerson.folderUnsafe", { folder }) : t("newPerson.nameEmpty"));
    return null;
  }
  // Already in Obsidian's normal form; anything normalizePath would still change is refused, not guessed at.
  if (normalizePath(child.path) !== child.path) {
    new Notice(t("newPerson.unsafe"));
    return null;
  }
  const taken = app.vault.getAbstractFileByPath(child.path);
  if (taken instanceof TFile) {
    await openNote(app, taken);
    new Notice(t("newPerson.exists", { name: child.name }));
    return null;
  }
  if (taken) {
    new Notice(t("newPerson.taken", { path: child.path }));
    return null;
  }

  const people = settings.people;
  const needsMarker = people.folders.length === 0 && people.markerKey !== "" && (people.markerValues[0] ?? "") !== "";
  const ctx: PersonTemplateContext = {
    keys: settings.keys,
    logHeading: settings.log.heading,
    language: host.language,
    today: todayDay(),
    marker: needsMarker ? { key: people.markerKey, value: people.markerValues[0] ?? "" } : null,
    tierLabel: (tier) => t(`tier.${tier}`),
  };
  const filled: PersonForm = { ...form, name };
  let text: string;
  const templatePath = settings.prep.personTemplate;
  const template = templateFile(app, templatePath);
  if (template) {
    const source = await app.vault.cachedRead(template);
    text = withFormProperties(renderPersonTemplate(source, filled, ctx), formFrontmatter(filled, ctx));
  } else {
    if (templatePath !== "") new Notice(t("newPerson.templateMissing", { path: templatePath }));
    text = defaultPersonNote(filled, ctx);
  }

  await ensureFolder(app, child.folder);
  const file = await app.vault.create(child.path, text);
  await openNote(app, file);
  if (child.changed) new Notice(t("newPerson.nameChanged", { name: child.name }));
  showCreated(app, t, file, text, name);
  return file;
}

/** "Made a note for …", with Undo: the new note goes to the trash, but only while it is exactly as it was made. */
function showCreated(app: App, t: Translate, file: TFile, text: string, name: string): void {
  let notice: Notice | null = null;
  const fragment = createFragment((f) => {
    f.createSpan({ text: t("newPerson.created", { name, path: file.path, date: dayToISO(todayDay()) }) });
    const button = f.createEl("button", { text: t("notice.undo"), cls: "network-notes-undo" });
    button.addEventListener("click", (evt) => {
      evt.stopPropagation();
      notice?.hide();
      void undoCreate(app, t, file, text, name);
    });
  });
  notice = new Notice(fragment, UNDO_NOTICE_MS);
}

async function undoCreate(app: App, t: Translate, file: TFile, text: string, name: string): Promise<void> {
  const current = app.vault.getFileByPath(file.path);
  if (!current) {
    new Notice(t("refuse.note-gone"));
    return;
  }
  if ((await app.vault.read(current)) !== text) {
    new Notice(t("refuse.changed-since"));
    return;
  }
  await app.fileManager.trashFile(current);
  new Notice(t("newPerson.undone", { name }));
}
