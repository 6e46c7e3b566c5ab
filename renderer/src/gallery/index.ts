export { Gallery } from './Gallery';
export { OpenExamplesButton } from './OpenExamplesButton';
export { useGalleryStore } from './gallery-store';
