import { Component } from "./events";
import { notImplemented } from "./strict";

export type MarkdownPostProcessor = ((el: HTMLElement, ctx: unknown) => Promise<unknown> | void) & { sortOrder?: number };

/** The stand-in renders no Markdown; it records post-processors so tests can see what a plugin registered. */
export class MarkdownPreviewRenderer {
  static postProcessors__ = new Set<MarkdownPostProcessor>();
  static codeBlockProcessors__ = new Map<string, MarkdownPostProcessor>();

  static registerPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): void {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    MarkdownPreviewRenderer.postProcessors__.add(postProcessor);
  }

  static unregisterPostProcessor(postProcessor: MarkdownPostProcessor): void {
    MarkdownPreviewRenderer.postProcessors__.delete(postProcessor);
  }

  static createCodeBlockPostProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: unknown) => Promise<unknown> | void): MarkdownPostProcessor {
    const processor: MarkdownPostProcessor = () => undefined;
    MarkdownPreviewRenderer.codeBlockProcessors__.set(language, processor);
    (processor as unknown as { handler__: typeof handler }).handler__ = handler;
    return processor;
  }
}

export class MarkdownRenderChild extends Component {
  containerEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
  static render(...args: unknown[]): Promise<void> {
    void args;
    return notImplemented("MarkdownRenderer.render");
  }

  static renderMarkdown(...args: unknown[]): Promise<void> {
    void args;
    return notImplemented("MarkdownRenderer.renderMarkdown");
  }
}
