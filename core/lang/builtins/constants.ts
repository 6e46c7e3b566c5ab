import { JType, MISSING, NOTHING, UniformScaling, type Value } from '../../model/index.js';
import { UNDEF } from './construct.js';

/** Names that are values rather than functions: numbers, `missing`/`nothing`, `I`, `undef`, and the types. */

const TYPE_NAMES = [
  'Float64', 'Float32', 'Int64', 'Int32', 'Integer', 'Real', 'Number', 'AbstractFloat', 'Bool', 'Any',
  'Vector', 'Matrix', 'Array', 'AbstractVector', 'AbstractMatrix', 'AbstractArray',
  'Signed', 'Unsigned', 'AbstractRange', 'OrdinalRange', 'AbstractUnitRange', 'UnitRange', 'StepRange', 'StepRangeLen',
  'Dict', 'OrderedDict', 'AbstractDict', 'Missing', 'Nothing', 'String', 'AbstractString', 'Char', 'AbstractChar', 'Tuple', 'NamedTuple', 'Function', 'Type', 'DataType', 'Union',
  'Distribution', 'UnivariateDistribution', 'MultivariateDistribution', 'ContinuousUnivariateDistribution', 'DiscreteUnivariateDistribution',
  // StatsBase's data transforms, which `standardize` takes first.
  'ZScoreTransform', 'UnitRangeTransform',
];

export const constantEntries: [string, Value][] = [
  ['Inf', Infinity],
  ['NaN', NaN],
  ['π', Math.PI],
  ['pi', Math.PI],
  ['ℯ', Math.E],
  ['missing', MISSING],
  ['nothing', NOTHING],
  ['I', new UniformScaling(1)],
  ['undef', UNDEF],
  // `Int` is `Int64` in Julia, and prints so.
  ['Int', new JType('Int64')],
  ...TYPE_NAMES.map((n): [string, Value] => [n, new JType(n)]),
];
