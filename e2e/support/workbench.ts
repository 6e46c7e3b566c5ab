import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** The selector's choices the tests make, in the values of the `ad-select` and `sampler-select` options. */
export interface RunChoice {
  ad: 'auto' | 'forwarddiff' | 'reversediff' | 'reversediff:compile' | 'tracker';
  sampler: 'nuts' | 'hmc' | 'hmcda' | 'mh' | 'gibbs' | 'prior' | 'ess' | 'smc' | 'is' | 'advi' | 'map' | 'mle';
  chains: number;
  draws: number;
  warmup: number;
  seed: number;
}

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ChainProgress {
  phase: string | null;
  iteration: number;
  divergences: number;
}

export type ChartName = 'trace' | 'density' | 'autocorrelation' | 'rank' | 'pair' | 'energy' | 'intervals' | 'parcoord' | 'predictive' | 'khat';

const SCREENSHOTS = join(import.meta.dirname, '../artifacts/screenshots');

/** The workbench as a user drives it, through the `data-testid`s the renderer promises. */
export class Workbench {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Loads the page the server printed and waits for the editor. */
  async open(address: string): Promise<void> {
    await this.page.goto(address);
    await expect(this.byTestId('editor')).toBeVisible({ timeout: 30_000 });
  }

  /**
   * A named screenshot kept as a test artifact: e2e/artifacts/screenshots/<spec>/<test>/<NN>-<name>.png.
   * The test's first one clears its folder, so a stale picture of an older UI never sits beside new ones.
   */
  async shot(name: string): Promise<string> {
    const test = this.testInfo.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 48).replace(/-+$/, '');
    const folder = join(SCREENSHOTS, basename(this.testInfo.file, '.spec.ts'), test);
    if (this.shots === 0) rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    this.shots += 1;
    const path = join(folder, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path });
    await this.testInfo.attach(name, { path, contentType: 'image/png' });
    return path;
  }

  /** Opens an example from the gallery (id = file stem) and waits until the editor holds its model. */
  async openExample(id: string): Promise<void> {
    await this.byTestId('open-examples').click();
    await this.byTestId(`example-${id}`).click();
    await expect(this.byTestId('editor').locator('.cm-content')).toContainText('@model');
  }

  /** The editor's document, line by line as CodeMirror draws it. */
  async editorText(): Promise<string> {
    const lines = await this.byTestId('editor').locator('.cm-line').allTextContents();
    return lines.join('\n');
  }

  /** Replaces the editor's document as a user does: select all, then paste. */
  async replaceSource(source: string): Promise<void> {
    const content = this.byTestId('editor').locator('.cm-content');
    await content.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await content.evaluate((element, text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, source);
    await expect.poll(() => this.editorText()).toBe(source);
  }

  async choose(choice: Partial<RunChoice>): Promise<void> {
    if (choice.ad !== undefined) await this.byTestId('ad-select').selectOption(choice.ad);
    if (choice.sampler !== undefined) await this.byTestId('sampler-select').selectOption(choice.sampler);
    for (const key of ['chains', 'draws', 'warmup', 'seed'] as const) {
      const value = choice[key];
      if (value !== undefined) await this.byTestId(`${key}-input`).fill(String(value));
    }
  }

  async runState(): Promise<string | null> {
    return this.byTestId('run-status').getAttribute('data-state');
  }

  /** Starts a run and waits until the page says it is running (or already over, for a short one or one that fails at its start). */
  async start(): Promise<void> {
    await this.byTestId('run-start').click();
    await expect(this.byTestId('run-status')).toHaveAttribute('data-state', /running|done|failed/);
  }

  async waitForEnd(timeout = 90_000): Promise<RunState> {
    await expect(this.byTestId('run-status')).toHaveAttribute('data-state', /done|cancelled|failed/, { timeout });
    return (await this.runState()) as RunState;
  }

  async progress(chain: number): Promise<ChainProgress> {
    const bar = this.byTestId(`progress-chain-${chain}`);
    const [phase, iteration, divergences] = await Promise.all([
      bar.getAttribute('data-phase'),
      bar.getAttribute('data-iteration'),
      bar.getAttribute('data-divergences'),
    ]);
    return { phase, iteration: Number(iteration), divergences: Number(divergences) };
  }

  async progressAll(chains: number): Promise<ChainProgress[]> {
    return Promise.all(Array.from({ length: chains }, (_, k) => this.progress(k + 1)));
  }

  /** Data points the chart draws now (its `data-points`), NaN when the chart is not there. */
  async chartPoints(chart: ChartName): Promise<number> {
    const element = this.byTestId(`chart-${chart}`);
    if ((await element.count()) === 0) return NaN;
    return Number(await element.getAttribute('data-points'));
  }

  /** The summary table's full-precision values: parameter → column → number. */
  async summary(): Promise<Map<string, Record<string, number>>> {
    const rows = await this.byTestId('summary-row').evaluateAll((elements) =>
      elements.map((row) => [
        (row as HTMLElement).dataset['parameter'] ?? '',
        Object.fromEntries(Array.from(row.querySelectorAll<HTMLElement>('td[data-column]')).map((cell) => [cell.dataset['column'], cell.dataset['value']])),
      ]),
    );
    return new Map(rows.map(([parameter, cells]) => [parameter as string, Object.fromEntries(Object.entries(cells as Record<string, string>).map(([k, v]) => [k, Number(v)]))]));
  }

  /** Clicks an export button and returns the text of the file the browser downloads, with its name. */
  async download(testId: string): Promise<{ name: string; text: string }> {
    const { name, bytes } = await this.downloadBytes(testId);
    return { name, text: bytes.toString('utf8') };
  }

  /** Clicks a save button and returns the bytes of the file the browser downloads (a plot's PNG), with its name. */
  async downloadBytes(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.byTestId(testId).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}
