// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Example } from '../../../runner/api';
import { useDocumentStore, useSettingsStore } from '../document/index';
import { useProjectStore } from '../project/index';
import { byTestId, click, render, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { Gallery, OpenExamplesButton, useGalleryStore } from './index';

const EIGHT_SCHOOLS: Example = {
  id: 'eight_schools',
  title: 'Eight schools, non-centred',
  source: '@model function eight_schools(J, y, σ)\nend\n',
  data: { name: 'eight_schools.json', text: '{"J": 8}', format: 'json' },
};

describe('Gallery', () => {
  let fake: WorkspaceTilde;
  let unmount: () => Promise<void> = async () => undefined;

  beforeEach(() => {
    resetWorkspace();
    useGalleryStore.setState({ open: false, examples: null, problem: null });
    fake = new WorkspaceTilde();
    fake.examples = [EIGHT_SCHOOLS];
    window.tilde = fake.api;
  });
  afterEach(async () => {
    await unmount();
  });

  async function openGallery(): Promise<HTMLElement> {
    const view = await render(
      <>
        <OpenExamplesButton />
        <Gallery />
      </>,
    );
    unmount = view.unmount;
    await click(byTestId(view.container, 'open-examples'));
    return view.container;
  }

  it('loads the chosen example’s model and data, keeping the run settings, and closes', async () => {
    useSettingsStore.getState().setAd('reversediff');
    const container = await openGallery();
    const button = byTestId(container, 'example-eight_schools');
    expect(button.textContent).toContain('Eight schools, non-centred');
    await click(button);
    expect(useDocumentStore.getState()).toMatchObject({ source: EIGHT_SCHOOLS.source, data: EIGHT_SCHOOLS.data, fileName: 'eight_schools.jl', path: null });
    expect(useSettingsStore.getState().settings.ad).toBe('reversediff');
    expect(container.querySelector('[data-testid="gallery"]')).toBeNull();
  });

  it('asks before replacing unsaved work and leaves it when the user says no', async () => {
    useDocumentStore.getState().setSource('@model function mine() end');
    useProjectStore.getState().setDirty(true);
    const confirm = vi.fn(() => false);
    window.confirm = confirm;
    const container = await openGallery();
    await click(byTestId(container, 'example-eight_schools'));
    expect(confirm).toHaveBeenCalledWith('Discard the unsaved changes to the untitled model?');
    expect(useDocumentStore.getState().source).toBe('@model function mine() end');
    expect(byTestId(container, 'gallery')).toBeTruthy();
  });

  it('says so when the examples cannot be read', async () => {
    fake.api.engine.examples = () => Promise.reject(new Error('resources/examples is missing'));
    const container = await openGallery();
    expect(byTestId(container, 'gallery').textContent).toContain('The examples could not be read: resources/examples is missing');
  });
});
