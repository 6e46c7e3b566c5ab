const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu',
  ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'gamma', Δ: 'delta',
  Θ: 'theta', Λ: 'lambda', Π: 'pi', Σ: 'sigma', Φ: 'phi', Ψ: 'psi', Ω: 'omega', '²': '2', '³': '3',
};

/** A name as typed on a keyboard without Julia's LaTeX completion: `σ²` is `sigma2`, so `sigma` finds `σ`, not `sign`. */
function spelled(name: string): string {
  return [...name.toLowerCase()].map((ch) => GREEK[ch] ?? ch).join('');
}

/** The closest candidate by edit distance, for "did you mean …?" — or undefined when nothing is close. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  // A one-letter name is close to every other one-letter name: no suggestion beats a wrong one.
  if ([...name].length < 2) return undefined;
  let best: string | undefined;
  let bestDistance = (name.length <= 3 ? 1 : Math.max(2, Math.floor(name.length / 3))) + 1;
  const lower = spelled(name);
  for (const c of candidates) {
    const other = spelled(c);
    const d = other === lower ? 0 : editDistance(lower, other);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
