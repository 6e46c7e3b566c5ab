import { useDocumentStore } from '../document/index';
import { errorMessage, showError } from '../shared/index';
import { tilde } from '../tilde';
import { dataFileFrom } from './data-file';

/** Asks for a JSON or CSV file and makes it the model's data. */
export async function loadDataFile(): Promise<void> {
  try {
    const file = await tilde().files.open('data');
    if (file) useDocumentStore.getState().setData(dataFileFrom(file.name, file.text));
  } catch (e) {
    showError(`The data file could not be opened: ${errorMessage(e)}`);
  }
}

/** A file dropped on the data panel. */
export async function loadDroppedData(file: File): Promise<void> {
  try {
    useDocumentStore.getState().setData(dataFileFrom(file.name, await file.text()));
  } catch (e) {
    showError(`${file.name} could not be read: ${errorMessage(e)}`);
  }
}
