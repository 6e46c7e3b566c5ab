import Papa from 'papaparse';
import type { DataFile } from '../document/index';
import { formatShape } from '../shared/index';

export interface JsonEntryPreview {
  name: string;
  /** `scalar`, `8`, `3×4`, or what the value is when it is not numbers. */
  shape: string;
  /** The first values, flattened. */
  values: string;
}

export type DataPreview =
  | { format: 'json'; entries: JsonEntryPreview[] }
  | { format: 'csv'; columns: string[]; rows: string[][]; totalRows: number }
  | { format: 'json' | 'csv'; error: string };

export const PREVIEW_ROWS = 8;
const PREVIEW_VALUES = 6;

function cellText(v: unknown): string {
  if (v === null) return 'missing';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Dimensions of nested arrays, or null when rows differ in length. */
function shapeOf(v: unknown): number[] | null {
  if (!Array.isArray(v)) return [];
  if (v.length === 0) return [0];
  const inner = v.map(shapeOf);
  const first = inner[0]!;
  if (inner.some((s) => s === null || s.join() !== first.join())) return null;
  return [v.length, ...first];
}

function firstValues(flat: readonly unknown[]): string {
  return flat.slice(0, PREVIEW_VALUES).map(cellText).join(', ') + (flat.length > PREVIEW_VALUES ? ', …' : '');
}

/** Rows of unequal length, as the model gets them (Julia's `Vector{Vector}`): `2 vectors, lengths 2, 3` and `[1, 2], [3, 4, 5]`. */
function describeRagged(name: string, rows: readonly unknown[][]): JsonEntryPreview {
  const lengths = rows.map((r) => r.length);
  const listed = lengths.length <= PREVIEW_VALUES ? lengths.join(', ') : `${Math.min(...lengths)} to ${Math.max(...lengths)}`;
  const shown: string[] = [];
  let budget = PREVIEW_VALUES;
  for (const r of rows) {
    if (budget <= 0) break;
    const flat = r.flat(Infinity) as unknown[];
    shown.push(`[${flat.slice(0, budget).map(cellText).join(', ')}${flat.length > budget ? ', …' : ''}]`);
    budget -= flat.length;
  }
  return { name, shape: `${rows.length} vectors, lengths ${listed}`, values: shown.join(', ') + (shown.length < rows.length ? ', …' : '') };
}

function describe(name: string, v: unknown): JsonEntryPreview {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { name, shape: 'object', values: Object.keys(v).join(', ') };
  const shape = shapeOf(v);
  if (shape === null && Array.isArray(v) && v.every((r) => Array.isArray(r))) return describeRagged(name, v as unknown[][]);
  const flat = Array.isArray(v) ? (v.flat(Infinity) as unknown[]) : [v];
  return { name, shape: shape === null ? 'ragged' : formatShape(shape), values: firstValues(flat) };
}

/** What the data panel shows of a file: JSON entries with their shapes, or a CSV's first rows. */
export function previewData(file: DataFile): DataPreview {
  if (file.format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch (e) {
      return { format: 'json', error: `${file.name} is not valid JSON: ${(e as Error).message}` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { format: 'json', error: `${file.name} must hold an object of named values, e.g. {"y": [1, 2, 3]}` };
    }
    return { format: 'json', entries: Object.entries(parsed).map(([name, v]) => describe(name, v)) };
  }
  const result = Papa.parse<string[]>(file.text.trim(), { skipEmptyLines: true });
  const [header, ...rows] = result.data;
  if (!header) return { format: 'csv', error: `${file.name} is empty` };
  return { format: 'csv', columns: header, rows: rows.slice(0, PREVIEW_ROWS), totalRows: rows.length };
}
