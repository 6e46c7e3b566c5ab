import { useId, useState } from 'react';
import { useRunStore } from '../run/index';
import { pickerOptions, resolveParameter } from './parameter-names';

const NONE: readonly string[] = [];

/**
 * Picks the plotted variable by name (`θ[2]`) or base name (`θ`, then one of its elements from a list),
 * and the pair plot's second variable.
 */
export function ParameterPicker() {
  const variables = useRunStore((s) => s.draws?.variables ?? NONE);
  const selected = useRunStore((s) => s.selected);
  const pairWith = useRunStore((s) => s.pairWith);
  const select = useRunStore((s) => s.select);
  const selectPair = useRunStore((s) => s.selectPair);
  const [typed, setTyped] = useState<string | null>(null);
  const listId = useId();
  const query = typed ?? selected ?? '';
  const matches = resolveParameter(variables, query);
  const onQuery = (value: string) => {
    setTyped(value);
    const found = resolveParameter(variables, value);
    if (found.length > 0 && (selected === null || !found.includes(selected))) select(found[0]!);
  };
  const disabled = variables.length === 0;
  return (
    <div className="parameter-picker">
      <label>
        Parameter{' '}
        <input
          data-testid="parameter-select"
          list={listId}
          value={query}
          disabled={disabled}
          placeholder={disabled ? 'no draws yet' : 'name, e.g. θ or θ[1]'}
          aria-invalid={query !== '' && matches.length === 0}
          onChange={(e) => onQuery(e.target.value)}
          onFocus={(e) => e.target.select()}
        />
      </label>
      <datalist id={listId}>
        {pickerOptions(variables).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {matches.length > 1 && (
        <select data-testid="element-select" aria-label="Element" value={selected ?? ''} onChange={(e) => select(e.target.value)}>
          {matches.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {!disabled && query !== '' && matches.length === 0 && <span className="picker-error">No variable is called ‘{query}’</span>}
      <label>
        Pair with{' '}
        <select data-testid="pair-select" value={pairWith ?? ''} disabled={disabled} onChange={(e) => selectPair(e.target.value)}>
          {variables.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
