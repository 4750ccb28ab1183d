import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption, typeName } from './mantine';

export interface Destruction {
  reason: string;
  applicant: string;
  approver: string;
  method?: string;
  place: string;
  destroyer: string;
  witness1: string;
  witness2: string;
}

/** 销毁清单: the selected items and the R-29 form. */
export class CarriersDestructionPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly error: Locator;
  readonly submitButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '销毁清单', level: 2 });
    this.list = page.getByTestId('destroy-list');
    this.error = page.getByTestId('form-error');
    this.submitButton = page.getByRole('button', { name: /^销毁 \d+ 件$/ });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  private text(label: string): Locator {
    return input(this.page, label);
  }

  async fill(d: Destruction): Promise<void> {
    await this.text('销毁理由').fill(d.reason);
    await typeName(this.text('申请人'), d.applicant);
    await typeName(this.text('批准人'), d.approver);
    if (d.method) await pickOption(this.page, this.text('销毁方式'), d.method);
    await this.text('销毁地点').fill(d.place);
    await typeName(this.text('销毁人'), d.destroyer);
    await this.setWitnesses(d.witness1, d.witness2);
  }

  async setWitnesses(first: string, second: string): Promise<void> {
    await typeName(this.text('监销人①'), first);
    await typeName(this.text('监销人②'), second);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }
}
