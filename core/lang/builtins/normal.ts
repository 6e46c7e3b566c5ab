import { nodeByRule, ops, type Real } from '../../ad/index.js';
import { LOG_SQRT_2PI, normccdf, norminvcdf } from '../../math/index.js';
import { MISSING } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { arity, allowKwargs, builtin, type Builtin } from './define.js';
import { scalarArg } from './scalar.js';

/**
 * StatsFuns' normal-distribution functions: `f(z)` of the standard normal and `f(μ, σ, x)` of
 * Normal(μ, σ), which is f((x − μ) / σ) with the density divided by σ.
 */

function normlogpdfStandard(z: Real): Real {
  return ops.sub(ops.mul(-0.5, ops.abs2(z)), LOG_SQRT_2PI);
}

/** Φ⁻¹(p) with dΦ⁻¹/dp = 1 / φ(Φ⁻¹(p)). */
function norminvcdfStandard(p: Real): Real {
  return nodeByRule([p], (v, d) => {
    const q = norminvcdf(v[0]!);
    d[0] = Math.exp(0.5 * q * q + LOG_SQRT_2PI);
    return q;
  });
}

/** 1 − Φ(z) computed directly, not as 1 − Φ(z), so the upper tail keeps its digits. */
function normccdfStandard(z: Real): Real {
  return nodeByRule([z], (v, d) => {
    d[0] = -Math.exp(-0.5 * v[0]! * v[0]! - LOG_SQRT_2PI);
    return normccdf(v[0]!);
  });
}

type Scale = 'none' | 'density' | 'log density';

/** `name(z)` and `name(μ, σ, x)`; a density is divided by σ (its log has log σ subtracted). */
function standardised(name: string, f: (z: Real) => Real, scale: Scale): Builtin {
  return builtin(`${name}(z) / ${name}(μ, σ, x)`, (args, kwargs) => {
    arity(name, args, 1, 3);
    allowKwargs(name, kwargs);
    if (args.length === 2) fail(`${name} takes z, or μ, σ and x (StatsFuns' order), not two arguments`);
    const xs = args.map((a) => scalarArg(name, a));
    if (xs.includes(undefined)) return MISSING;
    if (xs.length === 1) return f(xs[0]!);
    const [mu, sigma, x] = xs as [Real, Real, Real];
    const r = f(ops.div(ops.sub(x, mu), sigma));
    if (scale === 'density') return ops.div(r, sigma);
    if (scale === 'log density') return ops.sub(r, ops.log(sigma));
    return r;
  });
}

/** norminvcdf(μ, σ, p) = μ + σ Φ⁻¹(p): the argument order puts the probability last, like the others. */
const norminvcdfBuiltin: Builtin = builtin('norminvcdf(p) / norminvcdf(μ, σ, p)', (args, kwargs) => {
  arity('norminvcdf', args, 1, 3);
  allowKwargs('norminvcdf', kwargs);
  if (args.length === 2) fail('norminvcdf takes p, or μ, σ and p (StatsFuns’ order), not two arguments');
  const xs = args.map((a) => scalarArg('norminvcdf', a));
  if (xs.includes(undefined)) return MISSING;
  if (xs.length === 1) return norminvcdfStandard(xs[0]!);
  const [mu, sigma, p] = xs as [Real, Real, Real];
  return ops.add(mu, ops.mul(sigma, norminvcdfStandard(p)));
});

export const normalBuiltins: Builtin[] = [
  standardised('normpdf', (z) => ops.exp(normlogpdfStandard(z)), 'density'),
  standardised('normlogpdf', normlogpdfStandard, 'log density'),
  standardised('normcdf', ops.normcdfOp, 'none'),
  standardised('normccdf', normccdfStandard, 'none'),
  standardised('normlogcdf', ops.normlogcdfOp, 'none'),
  standardised('normlogccdf', (z) => ops.normlogcdfOp(ops.neg(z)), 'none'),
  norminvcdfBuiltin,
];
