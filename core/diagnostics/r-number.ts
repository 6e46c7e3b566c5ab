/**
 * A double as R's `as.character` writes it (what `paste0` puts in posterior's quantile names): 15 significant
 * digits, in fixed notation unless scientific notation is narrower (R's formatReal with scipen = 0), with an
 * exponent of at least two digits: 0.001 stays `0.001`, 1e-05 is `1e-05`, 1e5 is `1e+05`.
 */
export function rNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const [mantissa, exponentText] = Number(x.toPrecision(15)).toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  const fixedWidth = exponent >= 0 ? Math.max(exponent + 1, digits.length) + (digits.length > exponent + 1 ? 1 : 0) : 2 - exponent - 1 + digits.length;
  const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
  const scientific = `${mantissa.replace('-', '')}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
  if (fixedWidth <= scientific.length) return sign + fixed(digits, exponent);
  return sign + scientific;
}

function fixed(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}
