/** Fuzzy and simple search as used by FuzzySuggestModal; scores are higher-is-better, matches are [from, to) ranges. */
export type SearchMatchPart = [number, number];

export interface SearchResult {
  score: number;
  matches: SearchMatchPart[];
}

export interface SearchResultContainer {
  match: SearchResult;
}

export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const needle = query.toLowerCase().replace(/\s+/g, "");
  return (text: string) => {
    if (needle === "") return { score: 0, matches: [] };
    const hay = text.toLowerCase();
    const matches: SearchMatchPart[] = [];
    let from = 0;
    let gaps = 0;
    for (const ch of needle) {
      const at = hay.indexOf(ch, from);
      if (at < 0) return null;
      gaps += at - from;
      const last = matches[matches.length - 1];
      if (last && last[1] === at) last[1] = at + 1;
      else matches.push([at, at + 1]);
      from = at + 1;
    }
    // Fewer, earlier, tighter runs score higher.
    const first = matches[0]?.[0] ?? 0;
    return { score: -(gaps + matches.length * 2 + first * 0.1 + text.length * 0.01), matches };
  };
}

export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return (text: string) => {
    const hay = text.toLowerCase();
    const matches: SearchMatchPart[] = [];
    for (const word of words) {
      const at = hay.indexOf(word);
      if (at < 0) return null;
      matches.push([at, at + word.length]);
    }
    matches.sort((a, b) => a[0] - b[0]);
    return { score: -(matches[0]?.[0] ?? 0) * 0.1, matches };
  };
}

export function sortSearchResults(results: SearchResultContainer[]): void {
  results.sort((a, b) => b.match.score - a.match.score);
}

export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: SearchMatchPart[] | null, offset = 0): void {
  let at = 0;
  for (const [rawFrom, rawTo] of matches ?? []) {
    const from = rawFrom + offset;
    const to = rawTo + offset;
    if (from < at || from >= text.length) continue;
    if (from > at) el.appendChild(document.createTextNode(text.slice(at, from)));
    const span = document.createElement("span");
    span.className = "suggestion-highlight";
    span.textContent = text.slice(from, to);
    el.appendChild(span);
    at = to;
  }
  if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
}

export function renderResults(el: HTMLElement, text: string, result: SearchResult, offset?: number): void {
  renderMatches(el, text, result.matches, offset);
}
