import { describe, expect, it } from 'vitest';
import { FakeTilde } from '../run/testing/fake-tilde';
import { exportRun } from './index';

describe('exporting a run', () => {
  it('saves every file the engine gives as CSV, one per chain in the Stan layout', async () => {
    const fake = new FakeTilde();
    const outcome = await exportRun(fake.api, 3, 'draws-stan');
    expect(fake.exported).toEqual([{ id: 3, kind: 'draws-stan' }]);
    expect(fake.saved.map((f) => f.name)).toEqual(['run_1.csv', 'run_2.csv']);
    expect(outcome).toEqual({ ok: true, message: 'Saved the draws (Stan layout): /downloads/run_1.csv, /downloads/run_2.csv' });
  });

  it('gives the summary the further quantiles the table shows, and nothing else any', async () => {
    const fake = new FakeTilde();
    await exportRun(fake.api, 2, 'summary', [0.025, 0.975]);
    await exportRun(fake.api, 2, 'draws-wide', [0.025, 0.975]);
    expect(fake.exported).toEqual([{ id: 2, kind: 'summary', probs: [0.025, 0.975] }, { id: 2, kind: 'draws-wide' }]);
  });

  it('says there is nothing to export before a run, and why an export failed', async () => {
    const fake = new FakeTilde();
    expect(await exportRun(fake.api, null, 'summary')).toEqual({ ok: false, message: 'Nothing to export yet: start a run first.' });
    fake.api.runs.export = () => Promise.reject(new Error('run 9 is unknown'));
    expect(await exportRun(fake.api, 9, 'summary')).toEqual({ ok: false, message: 'Could not export the summary: run 9 is unknown' });
  });

  it('stops at a cancelled save dialog', async () => {
    const fake = new FakeTilde();
    fake.api.files.save = async () => null;
    expect(await exportRun(fake.api, 1, 'draws-wide')).toEqual({ ok: true, message: 'Export cancelled.' });
  });
});
