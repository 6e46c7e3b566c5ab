import type { Real } from '../../ad/index.js';
import { DistributionArgumentError } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolvePD, type PDMat } from './pdmat.js';

/**
 * A location vector and its matrix argument (μ and Σ, or h and J), checked to agree in size. Without a
 * location it is zero, as in Julia's `MvNormal(Σ)`; `σ² * I` takes its size from the location.
 */
export function resolveLocation(
  family: string,
  locName: string,
  loc: readonly Real[] | undefined,
  matName: string,
  spec: CovarianceSpec,
): { loc: readonly Real[]; mat: PDMat } {
  const mat = resolvePD(spec, family, matName, loc?.length);
  if (loc === undefined) return { loc: new Array<number>(mat.dim).fill(0), mat };
  if (loc.length !== mat.dim) {
    throw new DistributionArgumentError(family, locName, `${locName} has length ${loc.length} but ${matName} is ${mat.dim}×${mat.dim}`);
  }
  return { loc, mat };
}
