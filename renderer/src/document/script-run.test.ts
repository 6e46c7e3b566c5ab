import { describe, expect, it } from 'vitest';
import type { ScriptRun } from '../../../core/lang/index';
import { DEFAULT_SETTINGS, runsAsScript, withScriptRun } from './index';

describe("the script's sample line as the workbench's settings", () => {
  it('`initial_params = InitFromParams((; σ = 1.0, β = [0.0, 1.0]))` fills the initial values, as the field takes them', () => {
    const run: ScriptRun = { sampler: { sampler: 'nuts' }, draws: 100, init: { σ: 1, β: [0, 1] }, text: 'NUTS()', line: 5 };
    const settings = withScriptRun(DEFAULT_SETTINGS, run);
    expect(JSON.parse(settings.init!)).toEqual({ σ: 1, β: [0, 1] });
    expect(runsAsScript(settings, run)).toBe(true);
    expect(runsAsScript(DEFAULT_SETTINGS, run)).toBe(false);
  });
});
