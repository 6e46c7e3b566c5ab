import { JArray, JChar, JCholesky, JDate, JDateTime, JDict, JFunction, JNamedTuple, JRange, JSymbol, JTuple, JType, MISSING, NOTHING, JPeriod, PERIOD_UNITS, UniformScaling, isDistribution, isReal, type ElementType, type Value } from '../../model/index.js';
import type { Distribution } from '../../dist/index.js';
import { fail } from './errors.js';
import { inferEltype } from './shape.js';
import { structValueOf } from './user-types.js';

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

/** `typeof(d)` of a distribution: its family's name (`Normal`), with the distribution to say where the family sits among Distributions.jl's abstract types. */
export class DistributionType extends JType {
  constructor(readonly instance: Distribution) {
    super(instance.family);
  }
}

/** A type the file defines (`struct Params`, `struct MyLaplace <: ContinuousUnivariateDistribution`): `typeof(p)`, `p isa Params`. */
export class UserType extends JType {
  constructor(
    name: string,
    /** What `fieldnames(T)` gives. */
    readonly fields: readonly string[],
  ) {
    super(name);
  }
}

/** The constructor of a type of the file, which its name stands for: it names the type too (`x isa Params`, `typeof(p) == Params`). */
export class TypeConstructor extends JFunction {
  constructor(
    readonly type: UserType,
    call: JFunction['call'],
    takes: (n: number) => boolean,
  ) {
    super(type.name, call, takes);
  }
}

/** The type that a value on the right of `isa` or `<:` names: a type, or `Symbol`, which is also the function that makes one. */
export function namedType(v: Value): JType | undefined {
  if (v instanceof JType) return v;
  if (v instanceof TypeConstructor) return v.type;
  if (v instanceof JFunction && FUNCTION_TYPES.has(v.name)) return new JType(v.name);
  return undefined;
}

/** Types whose name is a function here (it makes one): `Symbol`, and Dates' `Date[]`, `Vector{DateTime}`, `d isa Date`. */
const FUNCTION_TYPES: ReadonlySet<string> = new Set(['Symbol', 'Date', 'DateTime', ...PERIOD_UNITS]);

/**
 * An array of `dims` dimensions (any for undefined) whose elements are each of the element type `t` names, if it
 * names one (`Vector{Float64}`; `AbstractVector{<:Real}` reaches here as `{Any}`). A `stored` array is no range.
 */
function isArrayOfDims(v: Value, t: JType, dims: number | undefined, stored: boolean): boolean {
  const fits = (v instanceof JArray || (!stored && v instanceof JRange)) && (dims === undefined || (v instanceof JArray ? v.ndims : 1) === dims);
  const element = t.params[0];
  if (!fits || element === undefined || element.name === 'Any') return fits;
  for (let k = 0; k < v.length; k++) {
    const x = v instanceof JRange ? v.at(k) : v.data[k];
    if (x === undefined || !isaType(x, element)) return false;
  }
  return true;
}

export function isaType(v: Value, t: JType): boolean {
  const name = t.name;
  if (t instanceof DistributionType) return isDistribution(v) && v.family === name;
  if (t instanceof UserType) return structValueOf(v)?.type.name === name;
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
      return isArrayOfDims(v, t, undefined, false);
    case 'AbstractVector':
      return isArrayOfDims(v, t, 1, false);
    case 'AbstractMatrix':
      return isArrayOfDims(v, t, 2, false);
    case 'Array':
      return isArrayOfDims(v, t, undefined, true);
    case 'Vector':
      return isArrayOfDims(v, t, 1, true);
    case 'Matrix':
      return isArrayOfDims(v, t, 2, true);
    case 'Symbol':
      return v instanceof JSymbol;
    case 'AbstractRange':
    case 'OrdinalRange':
    case 'AbstractUnitRange':
    case 'StepRangeLen':
      return v instanceof JRange;
    case 'UnitRange':
      return v instanceof JRange && v.step === 1 && Number.isInteger(v.start);
    case 'StepRange':
      return v instanceof JRange && Number.isInteger(v.start) && Number.isInteger(v.step);
    case 'Cholesky':
      return v instanceof JCholesky;
    case 'Tuple':
      return v instanceof JTuple;
    case 'NamedTuple':
      return v instanceof JNamedTuple && structValueOf(v) === undefined;
    case 'Dict':
    case 'OrderedDict':
      return v instanceof JDict && v.kind === name;
    case 'AbstractDict':
      return v instanceof JDict;
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
    case 'Date':
      return v instanceof JDate;
    case 'DateTime':
      return v instanceof JDateTime;
  }
  if ((PERIOD_UNITS as readonly string[]).includes(name)) return v instanceof JPeriod && v.unit === name;
  return fail(`\`isa\` does not know the type ${t.toString()}`);
}
