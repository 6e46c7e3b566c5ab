import type { Real } from '../../ad/index.js';
import { kernelProduct, kernelSum, scaledKernel, withScale } from '../../gp/index.js';
import { describe, isReal, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { KernelValue, TransformValue, checkArgument } from './gp-values.js';

/** KernelFunctions' algebra of kernels: `σ² * k` (ScaledKernel), `k₁ + k₂`, `k₁ * k₂` and `k ∘ t` for a transform t. */
export function kernelArith(op: string, a: Value, b: Value): Value {
  if (op === '*' && (isReal(a) || isReal(b))) {
    const variance = isReal(a) ? a : (b as Real);
    const k = isReal(a) ? b : a;
    if (!(k instanceof KernelValue)) return fail(`\`*\` is not defined for ${describe(a)} and ${describe(b)}`);
    checkArgument('ScaledKernel', 'σ²', [variance], (s) => s > 0, 'σ² > 0');
    return new KernelValue(scaledKernel(variance, k.kernel));
  }
  if ((op === '+' || op === '*') && a instanceof KernelValue && b instanceof KernelValue) {
    return new KernelValue(op === '+' ? kernelSum([a.kernel, b.kernel]) : kernelProduct([a.kernel, b.kernel]));
  }
  if (op === '∘' && a instanceof KernelValue && b instanceof TransformValue) return new KernelValue(withScale(a.kernel, b.factors));
  if (op === '∘') return fail(`\`∘\` composes a kernel with an input transform (\`k ∘ ScaleTransform(s)\`, \`k ∘ ARDTransform(v)\`); other function composition is not supported, got ${describe(a)} and ${describe(b)}`);
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}: kernels are scaled by a positive number (\`σ² * k\`), added and multiplied`);
}
