import { describe, expect, it } from 'vitest';
import { closeChoice, closePrompt, windowTitle, WindowDocument } from './index.js';

describe('the close prompt', () => {
  it('offers Save, Don’t Save and Cancel in each platform’s order, Save by default and Escape cancelling', () => {
    const expected: Record<string, string[]> = {
      darwin: ['Save', 'Cancel', 'Don’t Save'],
      win32: ['Save', 'Don’t Save', 'Cancel'],
      linux: ['Close Without Saving', 'Cancel', 'Save'],
    };
    for (const [platform, buttons] of Object.entries(expected)) {
      const prompt = closePrompt('eight_schools.tilde.json', platform);
      expect(prompt.box.buttons).toEqual(buttons);
      expect(prompt.box.buttons[prompt.box.defaultId]).toBe('Save');
      expect(prompt.box.buttons[prompt.box.cancelId]).toBe('Cancel');
      expect(prompt.box.message).toContain('“eight_schools.tilde.json”');
      expect(buttons.map((_, i) => closeChoice(prompt, i)).sort()).toEqual(['cancel', 'discard', 'save']);
    }
  });

  it('names an untitled document and treats an unknown answer as Cancel', () => {
    const prompt = closePrompt('  ', 'linux');
    expect(prompt.box.message).toContain('“Untitled”');
    expect(closeChoice(prompt, 7)).toBe('cancel');
    expect(closeChoice(prompt, -1)).toBe('cancel');
  });
});

describe('the window title', () => {
  it('names the document and marks unsaved changes, except on macOS where the close button shows them', () => {
    expect(windowTitle('model.tilde.json', false, 'linux')).toBe('model.tilde.json — Tilde');
    expect(windowTitle('model.tilde.json', true, 'win32')).toBe('● model.tilde.json — Tilde');
    expect(windowTitle('model.tilde.json', true, 'darwin')).toBe('model.tilde.json — Tilde');
    expect(windowTitle('', false, 'linux')).toBe('Tilde');
  });
});

describe('a window’s document', () => {
  it('is empty and clean until something is typed or opened', () => {
    const typedInto = new WindowDocument();
    expect(typedInto.emptyAndClean).toBe(true);
    typedInto.dirty = true;
    expect(typedInto.emptyAndClean).toBe(false);
    const opened = new WindowDocument();
    opened.markHoldsDocument();
    expect(opened.emptyAndClean).toBe(false);
  });

  it('may write only the paths its user chose', () => {
    const document = new WindowDocument();
    expect(document.mayWrite('/home/u/a.tilde.json')).toBe(false);
    document.allowWrite('/home/u/a.tilde.json');
    expect(document.mayWrite('/home/u/a.tilde.json')).toBe(true);
    expect(document.mayWrite('/home/u/b.tilde.json')).toBe(false);
    expect(document.emptyAndClean).toBe(false);
  });
});
