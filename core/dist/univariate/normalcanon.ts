import { ops, type Real } from '../../ad/index.js';
import { checkFinite, checkPositive } from './check.js';
import { standardNormal } from './normal.js';
import { LocationScaleFamily } from './standard.js';

/** NormalCanon(η, λ): the normal in canonical form, precision λ and potential η, i.e. Normal(η/λ, 1/√λ). */
export function NormalCanon(η: Real = 0, λ: Real = 1): LocationScaleFamily {
  const ηv = checkFinite('NormalCanon', 'η', η);
  const λv = checkPositive('NormalCanon', 'λ', λ, 'precision λ');
  return new LocationScaleFamily('NormalCanon', ops.div(η, λ), ops.pow(λ, -0.5), [ηv / λv, 1 / Math.sqrt(λv)], standardNormal);
}
