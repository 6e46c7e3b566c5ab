import { describe, expect, it } from 'vitest';
import type { BinaryFile, ExportFile, SaveKind } from '../../../runner/api';
import { FakeTilde } from '../run/testing/fake-tilde';
import { imageOption, intervalsSubject, isEmptyChart, plotFileName, savePlot, svgImage, traceOption } from './index';
import { chainColour } from './palette';

const wave = (n: number, offset: number) => Float64Array.from({ length: n }, (_, i) => offset + Math.sin(i / 3));

function trace() {
  const option = traceOption({ parameter: 'μ', chains: [wave(60, 0), wave(60, 2)], divergent: [[4], []], maxPoints: 500 });
  if (isEmptyChart(option)) throw new Error('a trace of two chains is not empty');
  return option;
}

describe('a plot’s file name', () => {
  it('is the plot, then what it shows, with the image’s suffix', () => {
    expect(plotFileName(['trace', 'mu'], 'png')).toBe('trace-mu.png');
    expect(plotFileName(['pair', 'θ[1]', 'τ'], 'svg')).toBe('pair-θ[1]-τ.svg');
    expect(plotFileName(['intervals', 'Σ[1, 2]'], 'png')).toBe('intervals-Σ[1,_2].png');
  });

  it('leaves out what is missing and keeps no character a file system refuses', () => {
    expect(plotFileName(['energy'], 'svg')).toBe('energy.svg');
    expect(plotFileName(['trace', null, undefined, ' '], 'png')).toBe('trace.png');
    expect(plotFileName(['posterior-predictive', 'df.y/x:1*?'], 'png')).toBe('posterior-predictive-df.y_x_1_.png');
    expect(plotFileName([], 'png')).toBe('plot.png');
  });

  it('names an intervals plot after the array it shows, or the scalars', () => {
    expect(intervalsSubject(['θ̃[1]', 'θ̃[2]', 'θ̃[3]'])).toBe('θ̃');
    expect(intervalsSubject(['Σ[1, 1]', 'Σ[2, 1]'])).toBe('Σ');
    expect(intervalsSubject(['μ', 'τ'])).toBe('scalars');
    expect(intervalsSubject(['lp'])).toBe('lp');
    expect(intervalsSubject([])).toBeNull();
  });
});

describe('a plot’s image', () => {
  it('is drawn at once on white, with the chains the legend hides hidden, without the tooltip a file cannot show', () => {
    const shown = { ...trace(), animation: true };
    const option = imageOption(shown, { 'Chain 2': false });
    expect(option).toMatchObject({ animation: false, backgroundColor: '#fff', legend: { data: ['Chain 1', 'Chain 2', 'Divergent'], selected: { 'Chain 2': false } } });
    expect(option).not.toHaveProperty('tooltip');
    expect(option.series).toBe(shown.series);
    expect(imageOption(shown).legend).toBe(shown.legend);
  });

  it('as SVG shows the title, axes, chains and divergences on screen, and not a chain the legend hides', () => {
    const size = { width: 640, height: 240 };
    const both = svgImage({ option: trace(), parts: ['trace', 'μ'], ...size });
    expect(both).toMatch(/^<svg width="640" height="240"/);
    expect(both).toMatch(/<rect width="640" height="240" x="0" y="0" fill="#fff"/);
    for (const text of ['Trace of μ', 'Draw', 'Chain 1', 'Chain 2', 'Divergent']) expect(both).toContain(`>${text}</text>`);
    expect(both).toContain(`stroke="${chainColour(1)}"`);
    const one = svgImage({ option: trace(), legendSelected: { 'Chain 1': true, 'Chain 2': false, Divergent: true }, parts: ['trace', 'μ'], ...size });
    expect(one).toContain(`stroke="${chainColour(0)}"`);
    expect(one).not.toContain(chainColour(1));
  });
});

describe('saving a plot', () => {
  function recording(fake: FakeTilde, answer: (file: ExportFile | BinaryFile) => Promise<string | null>) {
    const saves: { file: ExportFile | BinaryFile; kind: SaveKind }[] = [];
    fake.api.files.save = async (file, kind) => {
      saves.push({ file, kind });
      return answer(file);
    };
    return saves;
  }

  it('saves the drawn file as its format and says where it went', async () => {
    const fake = new FakeTilde();
    const saves = recording(fake, async (file) => `/papers/${file.name}`);
    const outcome = await savePlot(fake.api, () => ({ name: 'trace-mu.png', base64: 'iVBORw0KGgo=' }), 'png');
    expect(saves).toEqual([{ file: { name: 'trace-mu.png', base64: 'iVBORw0KGgo=' }, kind: 'png' }]);
    expect(outcome).toEqual({ ok: true, message: 'Saved the plot: /papers/trace-mu.png' });
  });

  it('says when the dialog was cancelled, and why drawing or writing failed', async () => {
    const fake = new FakeTilde();
    recording(fake, async () => null);
    expect(await savePlot(fake.api, () => ({ name: 'rank-mu.svg', text: '<svg/>' }), 'svg')).toEqual({ ok: true, message: 'Save cancelled.' });
    const saves = recording(fake, () => Promise.reject(new Error('EACCES: permission denied, open /papers/rank-mu.svg')));
    expect(await savePlot(fake.api, () => ({ name: 'rank-mu.svg', text: '<svg/>' }), 'svg')).toEqual({ ok: false, message: 'Could not save the plot as SVG: EACCES: permission denied, open /papers/rank-mu.svg' });
    const tooLarge = () => {
      throw new Error('the canvas is too large');
    };
    expect(await savePlot(fake.api, tooLarge, 'png')).toEqual({ ok: false, message: 'Could not save the plot as PNG: the canvas is too large' });
    expect(saves).toHaveLength(1);
  });
});
