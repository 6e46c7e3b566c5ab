import { JArray, JChar, JCholesky, JDate, JDateTime, JDict, JPeriod, JFunction, JNamedTuple, JRange, JSymbol, JTuple, JType, MISSING, NOTHING, UniformScaling, isDistribution, isReal, type Value } from '../../model/index.js';
import { DistributionType, UserType, elementTypeOfArray, isaType, typeOfElements } from './types.js';
import { structValueOf } from './user-types.js';

/**
 * `typeof(x)` and `A <: B` over the types a model meets. Numbers do not remember whether they were written `2` or
 * `2.0`: every number's type is Float64 (as `eltype` says), so that `Vector{typeof(μ)}(undef, n)` holds whatever μ is.
 */

/** Each type's parents in Julia's hierarchy (`Vector` is both an `AbstractVector` and an `Array`); `Any` tops them all. */
const PARENTS: Readonly<Record<string, readonly string[]>> = {
  Float64: ['AbstractFloat'],
  Float32: ['AbstractFloat'],
  Float16: ['AbstractFloat'],
  AbstractFloat: ['Real'],
  Int64: ['Signed'],
  Int32: ['Signed'],
  Int16: ['Signed'],
  Int8: ['Signed'],
  UInt64: ['Unsigned'],
  UInt32: ['Unsigned'],
  UInt8: ['Unsigned'],
  Signed: ['Integer'],
  Unsigned: ['Integer'],
  Bool: ['Integer'],
  Integer: ['Real'],
  Real: ['Number'],
  String: ['AbstractString'],
  Char: ['AbstractChar'],
  Dict: ['AbstractDict'],
  OrderedDict: ['AbstractDict'],
  Vector: ['AbstractVector', 'Array'],
  Matrix: ['AbstractMatrix', 'Array'],
  AbstractVector: ['AbstractArray'],
  AbstractMatrix: ['AbstractArray'],
  Array: ['AbstractArray'],
  UnitRange: ['AbstractUnitRange'],
  AbstractUnitRange: ['OrdinalRange'],
  StepRange: ['OrdinalRange'],
  OrdinalRange: ['AbstractRange'],
  StepRangeLen: ['AbstractRange'],
  AbstractRange: ['AbstractVector'],
  DataType: ['Type'],
  ContinuousUnivariateDistribution: ['UnivariateDistribution'],
  DiscreteUnivariateDistribution: ['UnivariateDistribution'],
  UnivariateDistribution: ['Distribution'],
  MultivariateDistribution: ['Distribution'],
};

function hasAncestor(name: string, ancestor: string): boolean {
  return name === ancestor || (PARENTS[name] ?? []).some((p) => hasAncestor(p, ancestor));
}

/** `B{P}` asks for exactly P (Julia's parameters are invariant); `B{<:P}` reaches here as `B{Any}`, which asks nothing. */
function paramsFit(a: JType, b: JType): boolean {
  return b.params.every((p, i) => p.name === 'Any' || (a.params[i] !== undefined && a.params[i]!.toString() === p.toString()));
}

/** Julia's `a <: b`. */
export function isSubtype(a: JType, b: JType): boolean {
  if (b.name === 'Any') return true;
  if (a.name === 'Union') return a.params.every((p) => isSubtype(p, b));
  if (b.name === 'Union') return b.params.some((p) => isSubtype(a, p));
  // A distribution's family sits under the abstract types its variate and support say.
  if (a instanceof DistributionType) return a.name === b.name || (b.params.length === 0 && isaType(a.instance, b));
  return hasAncestor(a.name, b.name) && paramsFit(a, b);
}

/** `typeof(x)`. */
export function typeOf(v: Value): JType {
  if (typeof v === 'boolean') return new JType('Bool');
  if (isReal(v)) return new JType('Float64');
  if (typeof v === 'string') return new JType('String');
  if (v instanceof JChar) return new JType('Char');
  if (v instanceof JSymbol) return new JType('Symbol');
  if (v === MISSING) return new JType('Missing');
  if (v === NOTHING) return new JType('Nothing');
  if (v instanceof JArray) {
    const element = typeOfElements(elementTypeOfArray(v));
    return v.ndims === 1 ? new JType('Vector', [element]) : v.ndims === 2 ? new JType('Matrix', [element]) : new JType('Array', [element]);
  }
  if (v instanceof JRange) {
    if (elementTypeOfArray(v) === 'float') return new JType('StepRangeLen', [new JType('Float64')]);
    return v.step === 1 ? new JType('UnitRange', [new JType('Int64')]) : new JType('StepRange', [new JType('Int64'), new JType('Int64')]);
  }
  if (v instanceof JTuple) return new JType('Tuple', v.items.map(typeOf));
  if (isDistribution(v)) return new DistributionType(v);
  const own = structValueOf(v);
  if (own !== undefined) return new UserType(own.type.name, own.type.fields);
  if (v instanceof JNamedTuple) return new JType('NamedTuple');
  if (v instanceof JDict) return new JType(v.kind, [v.keyType, v.valueType]);
  if (v instanceof JDate) return new JType('Date');
  if (v instanceof JDateTime) return new JType('DateTime');
  if (v instanceof JPeriod) return new JType(v.unit);
  if (v instanceof JFunction) return new JType('Function');
  if (v instanceof JType) return new JType('DataType');
  if (v instanceof UniformScaling) return new JType('UniformScaling');
  if (v instanceof JCholesky) return new JType('Cholesky');
  return new JType('Any');
}
