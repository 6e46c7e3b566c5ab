import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/** Renders into a fresh element of the (happy-dom) document; `unmount` removes it again. */
export async function render(node: ReactNode): Promise<{ container: HTMLElement; unmount(): Promise<void> }> {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    async unmount() {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

export function byTestId(container: ParentNode, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}
