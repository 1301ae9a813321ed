/** Icons are stubs: an `<svg class="svg-icon lucide-<id>" data-icon="<id>">`, so tests can see which icon was set. */
const SVG_NS = "http://www.w3.org/2000/svg";
const customIcons = new Map<string, string>();

export function getIcon(iconId: string): SVGSVGElement | null {
  if (!iconId) return null;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", `svg-icon lucide-${iconId}`);
  svg.setAttribute("data-icon", iconId);
  svg.setAttribute("viewBox", "0 0 24 24");
  return svg;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  for (const old of Array.from(parent.children)) if (old.localName === "svg" && old.hasAttribute("data-icon")) old.remove();
  const svg = getIcon(iconId);
  if (svg) parent.appendChild(svg);
}

export function addIcon(iconId: string, svgContent: string): void {
  customIcons.set(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
  customIcons.delete(iconId);
}

/** Lists only icons added with `addIcon` (the stand-in has no built-in icon library). */
export function getIconIds(): string[] {
  return [...customIcons.keys()];
}

export interface TooltipOptions {
  placement?: "bottom" | "right" | "left" | "top";
  delay?: number;
  classes?: string[];
  gap?: number;
}

export function setTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
  if (tooltip) el.setAttribute("aria-label", tooltip);
  else el.removeAttribute("aria-label");
  if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
  if (options?.delay !== undefined) el.setAttribute("data-tooltip-delay", String(options.delay));
}

export function displayTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
  setTooltip(el, tooltip, options);
}
