import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { test, expect, REPOSITORY } from './support/index.js';

/**
 * The Electron executable `npm ci` installed, or null. Read from electron's path.txt rather than by
 * importing the package, which would try to download a missing binary.
 */
function electronExecutable(): string | null {
  const packageDir = join(REPOSITORY, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executable = electronExecutable();

test.describe('the Electron app', () => {
  test.skip(executable === null, 'no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): the shell is built and type-checked only; web mode covers the workbench');

  test('opens a window with the workbench and window.tilde from the preload', async () => {
    const app = await electron.launch({ executablePath: executable!, args: [join(REPOSITORY, 'out/main/index.js')], cwd: REPOSITORY });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('editor')).toBeVisible({ timeout: 30_000 });
      expect(await page.evaluate(() => [typeof window.tilde?.engine.check, typeof window.tilde?.runs.start, window.tilde?.platform])).toEqual(['function', 'function', process.platform]);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require), 'no Node integration in the renderer').toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
