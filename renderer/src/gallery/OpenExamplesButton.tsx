import { useGalleryStore } from './gallery-store';

export function OpenExamplesButton() {
  const show = useGalleryStore((s) => s.show);
  return (
    <button type="button" data-testid="open-examples" onClick={() => void show()}>
      Examples…
    </button>
  );
}
