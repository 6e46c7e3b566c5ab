import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  /** NaN when the field is empty or unreadable, so validation can say so. */
  onValue(value: number): void;
  testId?: string;
  problem?: string | undefined;
  min?: number;
  max?: number;
  step?: number | 'any';
  title?: string;
}

/** A number input that keeps what the user is typing (e.g. `0.`) while the store holds the number it reads as. */
export function NumberField({ label, value, onValue, testId, problem, min, max, step, title }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    // Follow changes made elsewhere (an opened project) without fighting the user's own typing.
    setText((current) => (readNumber(current) === value || (Number.isNaN(value) && Number.isNaN(readNumber(current))) ? current : String(value)));
  }, [value]);
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`} title={title}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        data-testid={testId}
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onValue(readNumber(e.target.value));
        }}
      />
      {problem && <span className="field-problem">{problem}</span>}
    </div>
  );
}

function readNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
