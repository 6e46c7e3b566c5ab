import { JArray, JChar, JFunction, JNamedTuple, JRange, JTuple, JType, MISSING, NOTHING, UniformScaling, isDistribution, isReal, type ElementType, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { inferEltype } from './shape.js';

/**
 * Julia types as far as a model can observe them. Numbers do not remember whether they were written
 * `2` or `2.0`, so `Float64` accepts every number and `Int` every integral one.
 */

const FLOAT_TYPES = new Set(['Float64', 'Float32', 'Float16', 'AbstractFloat', 'Real', 'Number']);
const INT_TYPES = new Set(['Int', 'Int64', 'Int32', 'Int16', 'Int8', 'UInt', 'UInt64', 'UInt32', 'UInt8', 'Integer', 'Signed', 'Unsigned']);

/** What a container of element type `t` may hold (`Vector{Float64}` → 'float'). */
export function elementTypeOf(t: JType | undefined): ElementType {
  if (t === undefined) return 'any';
  if (FLOAT_TYPES.has(t.name)) return 'float';
  if (INT_TYPES.has(t.name)) return 'int';
  if (t.name === 'Bool') return 'bool';
  return 'any';
}

/** The Julia type that an element type stands for (`eltype(x)`). */
export function typeOfElements(e: ElementType): JType {
  return new JType(e === 'float' ? 'Float64' : e === 'int' ? 'Int64' : e === 'bool' ? 'Bool' : 'Any');
}

/** The element type an array holds (its tag, or what its elements are when untagged); a range of integers holds Ints. */
export function elementTypeOfArray(x: JArray | JRange): ElementType {
  if (x instanceof JRange) return Number.isInteger(x.start) && Number.isInteger(x.step) ? 'int' : 'float';
  return x.eltype === 'any' ? inferEltype(x.data) : x.eltype;
}

function isArrayOfDims(v: Value, dims: number | undefined, stored: boolean): boolean {
  if (v instanceof JArray) return dims === undefined || v.ndims === dims;
  return !stored && v instanceof JRange && (dims === undefined || dims === 1);
}

export function isaType(v: Value, t: JType): boolean {
  const name = t.name;
  if (FLOAT_TYPES.has(name)) return isReal(v) || (typeof v === 'boolean' && (name === 'Real' || name === 'Number'));
  if (INT_TYPES.has(name)) return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'boolean' && name === 'Integer');
  switch (name) {
    case 'Any':
      return true;
    case 'Bool':
      return typeof v === 'boolean';
    case 'Missing':
      return v === MISSING;
    case 'Nothing':
      return v === NOTHING;
    case 'String':
    case 'AbstractString':
      return typeof v === 'string';
    case 'Char':
    case 'AbstractChar':
      return v instanceof JChar;
    case 'AbstractArray':
      return isArrayOfDims(v, undefined, false);
    case 'AbstractVector':
      return isArrayOfDims(v, 1, false);
    case 'AbstractMatrix':
      return isArrayOfDims(v, 2, false);
    case 'Array':
      return isArrayOfDims(v, undefined, true);
    case 'Vector':
      return isArrayOfDims(v, 1, true);
    case 'Matrix':
      return isArrayOfDims(v, 2, true);
    case 'AbstractRange':
    case 'UnitRange':
    case 'StepRange':
      return v instanceof JRange;
    case 'Tuple':
      return v instanceof JTuple;
    case 'NamedTuple':
      return v instanceof JNamedTuple;
    case 'Function':
      return v instanceof JFunction;
    case 'Type':
    case 'DataType':
      return v instanceof JType;
    case 'UniformScaling':
      return v instanceof UniformScaling;
    case 'Union':
      return t.params.some((p) => isaType(v, p));
    case 'Distribution':
      return isDistribution(v);
    case 'UnivariateDistribution':
    case 'ContinuousUnivariateDistribution':
    case 'DiscreteUnivariateDistribution':
      return isDistribution(v) && v.variate === 'univariate' && (name === 'UnivariateDistribution' || v.discrete === (name === 'DiscreteUnivariateDistribution'));
    case 'MultivariateDistribution':
      return isDistribution(v) && v.variate === 'multivariate';
  }
  return fail(`\`isa\` does not know the type ${t.toString()}`);
}
