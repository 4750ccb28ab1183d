import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

/** 打印登记簿: request, sandboxed preview, printing and registering the printout. */
export class PrintPage {
  readonly heading: Locator;
  readonly register: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly previewButton: Locator;
  readonly printButton: Locator;
  readonly savePdfButton: Locator;
  readonly previewFrame: Locator;
  readonly previewFacts: Locator;
  readonly pdfSaved: Locator;
  readonly printoutForm: Locator;
  readonly printoutRegistered: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '打印登记簿', level: 2 });
    this.register = input(page, '登记簿');
    this.from = input(page, '开始日期');
    this.to = input(page, '结束日期');
    this.previewButton = page.getByRole('button', { name: '预览' });
    this.printButton = page.getByRole('button', { name: '打印', exact: true });
    this.savePdfButton = page.getByRole('button', { name: '保存为 PDF' });
    this.previewFrame = page.locator('iframe[title^="打印预览"]');
    this.previewFacts = page.getByTestId('preview-facts');
    this.pdfSaved = page.getByTestId('pdf-saved');
    this.printoutForm = page.getByRole('form', { name: '登记打印件为载体' });
    this.printoutRegistered = page.getByTestId('printout-registered');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async choose(register: string, from: string, to: string): Promise<void> {
    await pickOption(this.page, this.register, register);
    await this.from.fill(from);
    await this.to.fill(to);
  }

  /**
   * The text the sandboxed preview frame renders. Read through the DevTools protocol's DOM
   * of the frame itself (an opaque-origin frame runs out of process): Playwright's locators
   * would inject a script into the frame, which its sandbox (rightly) refuses with a
   * console error.
   */
  async previewText(): Promise<string> {
    const root = await this.previewDom();
    return root ? text(root) : '';
  }

  /** How many <script> elements the preview holds (the app puts none there). */
  async previewScripts(): Promise<number> {
    const root = await this.previewDom();
    const count = (n: DomNode): number => (n.nodeName === 'SCRIPT' ? 1 : 0) + (n.children ?? []).reduce((a, c) => a + count(c), 0);
    return root ? count(root) : -1;
  }

  private async previewDom(): Promise<DomNode | null> {
    const frame = this.page.frames().find((f) => f.url() === 'about:srcdoc');
    if (!frame) return null;
    const cdp = await this.page.context().newCDPSession(frame);
    try {
      return ((await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode }).root;
    } finally {
      await cdp.detach();
    }
  }

  async registerPrintout(custodian: string, cabinet?: string): Promise<void> {
    await pickOption(this.page, input(this.printoutForm, '保管人'), custodian, custodian);
    if (cabinet) await pickOption(this.page, input(this.printoutForm, '存放位置'), cabinet);
    await this.printoutForm.getByRole('button', { name: '登记为载体' }).click();
  }
}

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
}

/** Text nodes of the frame's body (the <style> and <title> text left out). */
function text(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE' || n.nodeName === 'TITLE') return '';
  return (n.children ?? []).map(text).join(' ');
}
