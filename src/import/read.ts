/** Reads an export of either kind, chosen by what the file holds rather than by its name. */
import type { ReadResult } from "./contact";
import { looksLikeLinkedIn, readLinkedIn } from "./linkedin";
import { looksLikeVCard, readVCards } from "./vcard";

export function readContacts(text: string): ReadResult {
  if (looksLikeVCard(text)) return readVCards(text);
  if (looksLikeLinkedIn(text)) return readLinkedIn(text);
  return { format: "unknown", contacts: [], unreadable: [] };
}
