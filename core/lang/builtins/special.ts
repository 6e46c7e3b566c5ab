import { ops } from '../../ad/index.js';
import { type Builtin } from './define.js';
import { binary, unary } from './scalar.js';

/** Special functions and the StatsFuns / LogExpFunctions helpers, each one AD node. */
export const specialBuiltins: Builtin[] = [
  unary('logistic(x)', ops.logisticOp),
  unary('invlogit(x)', ops.logisticOp),
  unary('logit(p)', ops.logitOp),
  unary('log1pexp(x)', ops.log1pexpOp),
  unary('log1mexp(x)', ops.log1mexpOp),
  binary('logaddexp(x, y)', (x, y) => ops.logsumexpOf([x, y])),
  unary('loggamma(x)', ops.lgammaOp),
  unary('lgamma(x)', ops.lgammaOp),
  unary('gamma(x)', ops.gammaOp),
  unary('digamma(x)', ops.digammaOp),
  unary('trigamma(x)', ops.trigammaOp),
  binary('lbeta(a, b)', ops.lbetaOp),
  binary('beta(a, b)', (a, b) => ops.exp(ops.lbetaOp(a, b))),
  unary('erf(x)', ops.erfOp),
  unary('erfc(x)', ops.erfcOp),
  unary('normcdf(x)', ops.normcdfOp),
  unary('normlogcdf(x)', ops.normlogcdfOp),
];
