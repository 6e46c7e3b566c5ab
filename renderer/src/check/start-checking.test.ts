import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocumentStore } from '../document/index';
import { resetWorkspace, WorkspaceTilde } from '../testing/index';
import { CHECK_DELAY_MS, checkedErrors, startChecking } from './index';

const TWO = '@model function a(x)\n    m ~ Normal(0, 1)\nend\n@model function b()\n    m ~ Normal(0, 1)\nend\n';

describe('startChecking', () => {
  let stop: () => void;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('checks again when another model of the file is chosen: the errors of the one before would refuse its run', async () => {
    resetWorkspace();
    const fake = new WorkspaceTilde();
    // `a` lacks its data; `b` needs none.
    const missing = { from: 23, to: 24, line: 1, column: 24, severity: 'error' as const, message: 'no data for the model argument `x`, and it has no default value' };
    fake.report = (request) => ({ ok: request.modelName === 'b', diagnostics: request.modelName === 'b' ? [] : [missing], models: ['a', 'b'], arguments: [], parameters: [] });
    stop = startChecking(fake.api);
    useDocumentStore.getState().setSource(TWO);
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(checkedErrors(TWO)).toEqual([missing]);
    useDocumentStore.getState().setModelName('b');
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    expect(fake.checked.map((r) => r.modelName)).toEqual([undefined, 'b']);
    expect(checkedErrors(TWO)).toEqual([]);
  });
});
