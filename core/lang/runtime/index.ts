/** The run-time library of the model language: operators, broadcasting, indexing and conversions. */
export { COLON, type IndexValue } from './index-value.js';
export { CartesianIndex, RowVector, DiagonalMatrix, scaledIdentity } from './special-arrays.js';
export { binaryOp, conditionModel, unaryOp } from './arithmetic.js';
export { compareOp, isEqualKey } from './compare.js';
export { isApprox, type Tolerance } from './approx.js';
export { Pair } from './pair.js';
export { variableValues } from './variable-values.js';
export { broadcast } from './broadcast.js';
export { broadcastBinary, MIN_BLOCK } from './broadcast-arithmetic.js';
export { constantAffine } from './constant-matvec.js';
export { multiplyAdd } from './multiply-add.js';
export { dictKeyOf, getIndex, lastIndex } from './indexing.js';
export { dictFrom, dictGet, dictKey, dictSet, keyText } from './dict.js';
export { setIndex } from './assign.js';
export { iterate } from './iterate.js';
export { truthy, toReal, toInt } from './convert.js';
export { getField } from './field.js';
export { arrayOf, product, sameShape } from './shape.js';
