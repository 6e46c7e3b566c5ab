/**
 * `files.save` and `files.open` in a browser (classic-script source): a save is a download of a Blob
 * (text, or a PNG's bytes decoded from base64) through a temporary `<a download>`, resolving to the
 * file's name; an open is a hidden file input filtered by kind, resolving to null when the user cancels
 * its dialog (the input's `cancel` event).
 */
export const FILES_SCRIPT = `
const SAVE_TYPES = { project: 'application/json', csv: 'text/csv', svg: 'image/svg+xml', png: 'image/png' };
const OPEN_ACCEPT = { project: '.tilde.json,.json', data: '.json,.csv', model: '.jl' };
const saveBlob = (file, kind) => {
  const type = SAVE_TYPES[kind] || 'text/plain';
  if (typeof file.base64 !== 'string') return new Blob([file.text], { type: type + ';charset=utf-8' });
  return new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type });
};
const saveFile = async (file, kind) => {
  const url = URL.createObjectURL(saveBlob(file, kind));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return file.name;
};
const openFile = (kind) =>
  new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = OPEN_ACCEPT[kind] || '';
    input.hidden = true;
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) return resolve(null);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    }, { once: true });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    }, { once: true });
    document.body.append(input);
    input.click();
  });
`;
