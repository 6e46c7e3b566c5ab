import type { BinaryFile, ExportFile, TildeApi } from '../../../runner/api';
import { errorMessage } from '../shared/index';
import type { ExportOutcome } from './export-run';
import type { ImageFormat } from './plot-file-name';

/**
 * Saves a plot drawn by `draw` as an image file: a save dialog in the app, a download in web mode. A plot
 * that cannot be drawn (a canvas too large for the browser) is reported as a failed save, as a refused write is.
 */
export async function savePlot(api: TildeApi, draw: () => ExportFile | BinaryFile, format: ImageFormat): Promise<ExportOutcome> {
  try {
    const where = await api.files.save(draw(), format);
    if (where === null) return { ok: true, message: 'Save cancelled.' };
    return { ok: true, message: `Saved the plot: ${where}` };
  } catch (e) {
    return { ok: false, message: `Could not save the plot as ${format.toUpperCase()}: ${errorMessage(e)}` };
  }
}
