export { maximize, type MaximizeOptions, type MaximizeResult } from './lbfgs.js';
export { standardErrors, type StandardErrors } from './hessian.js';
export type { Objective } from './objective.js';
