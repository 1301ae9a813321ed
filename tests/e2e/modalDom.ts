/** Reaching into the stand-in's modals the way a person would: the open modal, its fields, buttons and suggestions. */

/** The topmost open modal. */
export function modal(): HTMLElement {
  const all = document.querySelectorAll<HTMLElement>(".modal-container .modal");
  const last = all[all.length - 1];
  if (!last) throw new Error("no modal is open");
  return last;
}

export const modalOpen = (): boolean => document.querySelectorAll(".modal-container").length > 0;

/** Sets a control's value and fires the event the app would (`input` by default). */
export function type(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string, event = "input"): void {
  input.value = value;
  input.dispatchEvent(new Event(event));
}

export function field<T extends HTMLElement = HTMLInputElement>(selector: string): T {
  const el = modal().querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in the modal`);
  return el;
}

export function clickButton(text: string): void {
  const button = [...modal().querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}"`);
  button.click();
}

/** The suggestions of an open picker, after typing `query`. */
export function suggestions(query?: string): HTMLElement[] {
  if (query !== undefined) type(field(".prompt-input"), query);
  return [...modal().querySelectorAll<HTMLElement>(".suggestion-item")];
}
