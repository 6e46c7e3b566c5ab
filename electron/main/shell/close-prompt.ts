export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface ClosePrompt {
  /** For Electron's message box. */
  box: { message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number };
  /** What each button means, index for index. */
  choices: CloseChoice[];
}

/**
 * The question before a window with unsaved changes closes, with its buttons in each platform's
 * order: macOS puts Save rightmost (first in Electron's list) and Don't Save apart on the left; GNOME
 * reads Close Without Saving, Cancel, Save; Windows reads Save, Don't Save, Cancel.
 */
export function closePrompt(documentName: string, platform: string): ClosePrompt {
  const name = documentName.trim() || 'Untitled';
  const message = `Do you want to save the changes you made to “${name}”?`;
  const detail = 'Your changes will be lost if you don’t save them.';
  const layout: [string, CloseChoice][] =
    platform === 'darwin'
      ? [['Save', 'save'], ['Cancel', 'cancel'], ['Don’t Save', 'discard']]
      : platform === 'win32'
        ? [['Save', 'save'], ['Don’t Save', 'discard'], ['Cancel', 'cancel']]
        : [['Close Without Saving', 'discard'], ['Cancel', 'cancel'], ['Save', 'save']];
  const choices = layout.map(([, choice]) => choice);
  return { box: { message, detail, buttons: layout.map(([label]) => label), defaultId: choices.indexOf('save'), cancelId: choices.indexOf('cancel') }, choices };
}

/** The button the user pressed, as a decision; anything unexpected keeps the window open. */
export function closeChoice(prompt: ClosePrompt, response: number): CloseChoice {
  return prompt.choices[response] ?? 'cancel';
}
