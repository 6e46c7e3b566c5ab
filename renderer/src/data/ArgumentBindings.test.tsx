// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byTestId, render } from '../testing/index';
import { ArgumentBindings } from './ArgumentBindings';

describe('ArgumentBindings', () => {
  it("shows a value without an array shape (a script's Dict) by the engine's summary, an array by its shape", async () => {
    const view = await render(
      <ArgumentBindings
        bindings={[
          { name: 'y', status: 'script', shape: [12] },
          { name: 'lookup', status: 'script', summary: 'Dict{String, Int64} with 3 entries' },
        ]}
      />,
    );
    const shapeOf = (name: string) => byTestId(view.container, `argument-${name}`).querySelectorAll('td')[2]!.textContent;
    expect(shapeOf('y')).toBe('12');
    expect(shapeOf('lookup')).toBe('Dict{String, Int64} with 3 entries');
    await view.unmount();
  });
});
