/** Builds the index's configuration from settings and the daily-note settings: shared by the plugin and the CLI. */
import { PersonClassifier } from "../domain/classify";
import { DailyNoteMatcher, type DailyNoteConfig } from "../domain/datedNotes";
import type { NetworkNotesSettings } from "../settings/schema";
import type { IndexConfig, LinkResolve } from "./PeopleIndex";

export function indexConfig(settings: NetworkNotesSettings, daily: DailyNoteConfig, resolve: LinkResolve): IndexConfig {
  return {
    context: { settings, daily: new DailyNoteMatcher(daily) },
    classifier: new PersonClassifier(settings.people),
    resolve,
  };
}
