import { runtime, type NoticeRecord } from "./runtime";

function textOf(message: string | DocumentFragment): string {
  return typeof message === "string" ? message : (message.textContent ?? "");
}

/**
 * Notices are recorded (the harness's `notices()` reads them) and rendered as
 * `.notice-container > .notice > .notice-message`. They stay until `hide()`: the stand-in sets no timers.
 */
export class Notice {
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private record: NoticeRecord;

  constructor(message: string | DocumentFragment, duration?: number) {
    void duration;
    let host = document.body.querySelector(":scope > .notice-container");
    if (!host) host = document.body.createDiv("notice-container");
    this.containerEl = host.createDiv("notice");
    this.messageEl = this.containerEl.createDiv("notice-message");
    this.noticeEl = this.messageEl;
    this.containerEl.addEventListener("click", () => this.hide());
    this.record = { message: "" };
    runtime.noticeLog.push(this.record);
    this.setMessage(message);
  }

  setMessage(message: string | DocumentFragment): this {
    this.record.message = textOf(message);
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    this.containerEl.remove();
  }
}
