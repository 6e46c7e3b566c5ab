import type * as A from '../ast.js';
import { JFunction, JType, ModelError, describe, diagnostic, type Diagnostic, type Value } from '../../model/index.js';
import { StructInstance, UserDistribution, UserMultivariate, structValueOf, type PlainStruct, type StructType } from '../runtime/index.js';
import { TypeConstructor, UserType, isaType } from '../runtime/types.js';
import { annotation } from './dispatch.js';

/**
 * The file's distribution types (`struct MyLaplace{T} <: ContinuousUnivariateDistribution`) and their methods. Julia
 * adds a method such as `Distributions.logpdf(d::MyLaplace, x::Real)` to the package's function: a call whose
 * arguments fit no method of the file goes on to Tilde's own function of that name.
 */

/** The distribution type of the file that a parameter is annotated with (`d::MyLaplace`, `d::MyLaplace{T}`). */
function structOf(p: A.Param, structs: ReadonlySet<string>): string | undefined {
  const e = p.type?.kind === 'curly' ? p.type.target : p.type;
  return e?.kind === 'ident' && structs.has(e.name) ? e.name : undefined;
}

/** A method of one of the file's distribution types: a parameter is annotated with one. */
export function isMethodOf(def: A.FunctionDef, structs: ReadonlySet<string>, name?: string): boolean {
  return def.params.some((p) => {
    const s = structOf(p, structs);
    return s !== undefined && (name === undefined || s === name);
  });
}

/** Per parameter, what its annotation asks of the argument: a distribution type of the file, a type Tilde knows, nothing. */
type Check = string | JType | undefined;

const signatures = new WeakMap<A.FunctionDef, Check[]>();

/** Worked out once per definition: a method runs at every observation of every log-density evaluation. */
function signatureOf(def: A.FunctionDef, structs: ReadonlySet<string>): Check[] {
  let checks = signatures.get(def);
  if (!checks) signatures.set(def, (checks = def.params.map((p) => (p.splat ? undefined : (structOf(p, structs) ?? annotation(p))))));
  return checks;
}

/** −1 when an annotation refuses its argument (`d::MyLaplace` a Normal, `x::Real` a vector), else how many accept theirs. */
function score(def: A.FunctionDef, args: readonly Value[], structs: ReadonlySet<string>): number {
  const checks = signatureOf(def, structs);
  let n = 0;
  for (let i = 0; i < checks.length; i++) {
    const t = checks[i];
    const v = args[i];
    if (t === undefined || v === undefined) continue;
    if (typeof t === 'string' ? structValueOf(v)?.type.name !== t : !isaType(v, t)) return -1;
    n++;
  }
  return n;
}

/** Whether a method takes the arguments: values of the types its struct annotations name, and what its other annotations accept. */
export function takesArguments(def: A.FunctionDef, args: readonly Value[], structs: ReadonlySet<string>): boolean {
  return score(def, args, structs) >= 0;
}

/** Of the methods that take the arguments, the most specific; of equal ones the last defined, which replaces the others in Julia. */
export function chooseMethod<T extends { def: A.FunctionDef }>(candidates: readonly T[], args: readonly Value[], structs: ReadonlySet<string>): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const n = score(c.def, args, structs);
    if (n >= bestScore) [best, bestScore] = [c, n];
  }
  return best;
}

const SUPPORTED = /^(Continuous|Discrete)?(Uni|Multi)variateDistribution$/;

/** Why Tilde cannot have a type of this supertype, if it cannot: a plain struct has none. */
export function unsupportedSupertype(def: A.StructDef): string | undefined {
  if (def.supertype === '' || SUPPORTED.test(def.supertype)) return undefined;
  if (!def.supertype.endsWith('Distribution')) {
    return `\`struct ${def.name} <: ${def.supertype}\`: Tilde has the file's plain structs and distribution types, not abstract types of its own; leave out \`<: ${def.supertype}\` (a method annotated \`::${def.supertype}\` then takes any value)`;
  }
  return `\`struct ${def.name} <: ${def.supertype}\`: Tilde has the file's univariate and vector distribution types (\`<: ContinuousUnivariateDistribution\`, \`<: DiscreteUnivariateDistribution\`, \`<: ContinuousMultivariateDistribution\`) only. Write its log density as a plain function and add it with \`@addlogprob!\`: draw the parameter from a built-in that is flat on its support (\`x ~ filldist(Flat(), n, m)\`), then \`@addlogprob! my_logpdf(x, θ)\``;
}

/** The default constructor of a distribution type, `MyLaplace(μ, b)`: one argument a field, in order. */
export function structConstructor(def: A.StructDef, definitions: readonly A.FunctionDef[], methods: Pick<StructType, 'method' | 'drawing' | 'transformSupport'>): JFunction {
  const own = new Set([def.name]);
  const drawable = definitions.some((d) => (d.name === 'rand' || d.name === '_rand!') && isMethodOf(d, own));
  const multivariate = def.supertype.includes('Multivariate');
  const type: StructType = { ...methods, name: def.name, discrete: def.supertype.startsWith('Discrete'), multivariate, fields: def.fields.map((f) => f.name), drawable };
  return fieldsConstructor(type, (args) => (multivariate ? new UserMultivariate(type, args) : new UserDistribution(type, args)));
}

/** The default constructor of a plain struct, `Params(a, b)`: a data holder, read by field; `byKeyword`: `@kwdef`'s too. */
export function plainStructConstructor(def: A.StructDef, byKeyword?: (kwargs: ReadonlyMap<string, Value>) => Value[]): JFunction {
  const type = { name: def.name, fields: def.fields.map((f) => f.name) };
  const numeric = def.fields.flatMap((f, i): [number, JType][] => (f.type !== undefined && holdsNumbers(new JType(f.type)) ? [[i, new JType(f.type)]] : []));
  return fieldsConstructor(
    type,
    (args) => {
      for (const [i, t] of numeric) {
        const v = args[i]!;
        const field = def.fields[i]!;
        // Julia converts the argument to the field's type (a Bool too), and throws where it cannot: kept, 1.5 in an Int field would be a silently other number.
        if (typeof v === 'boolean' || isaType(v, t)) continue;
        const why = typeof v === 'number' ? `${v} is not an integer (Julia throws InexactError): pass an integer, or declare the field \`::Float64\`` : `it was given ${describe(v)}, which Julia cannot convert to one`;
        throw new ModelError(`\`${def.name}\`'s field \`${field.name}\` is declared \`::${t.name}\`, and ${why}`, undefined);
      }
      return new StructInstance(type, args);
    },
    byKeyword,
  );
}

/** A number type (`Float64`, `Real`, `Int`, `UInt8`): one that has 1; an unknown name (a type parameter `T`) is none. */
function holdsNumbers(t: JType): boolean {
  try {
    return isaType(1, t);
  } catch {
    return false;
  }
}

/** Julia's default constructor: one argument a field, in order; with `byKeyword`, also `@kwdef`'s `T(; fields…)`. */
function fieldsConstructor(type: PlainStruct, make: (args: Value[]) => Value, byKeyword?: (kwargs: ReadonlyMap<string, Value>) => Value[]): JFunction {
  const n = type.fields.length;
  return new TypeConstructor(
    new UserType(type.name, type.fields),
    (args, kwargs) => {
      if (byKeyword !== undefined && args.length === 0) return make(byKeyword(kwargs));
      if (kwargs.size > 0) throw new ModelError(`${type.name} takes no keyword arguments: its fields go by position, \`${type.name}(${type.fields.join(', ')})\``, undefined);
      if (args.length !== n) throw new ModelError(`\`${type.name}(${type.fields.join(', ')})\` takes ${n} argument${n === 1 ? '' : 's'}, one a field; got ${args.length}`, undefined);
      return make(args);
    },
    (k) => k === n || (byKeyword !== undefined && k === 0),
  );
}

/**
 * The file without the methods it adds to a package's function for a type that is none of its distribution types
 * (`Base.length(x::Foo) = …`, `Base.show(io::IO, m::MyModel)`): Julia runs them for that type only, which Tilde does not
 * have, so they are left out with a warning, where they would otherwise replace Tilde's own function for every value.
 */
export function withoutForeignMethods(source: string, program: A.Program, diagnostics: Diagnostic[]): A.Program {
  const structs = new Set(program.structs.map((s) => s.name));
  const foreign = program.definitions.filter((d) => d.module !== undefined && !isMethodOf(d, structs));
  if (foreign.length === 0) return program;
  for (const d of foreign) {
    diagnostics.push(diagnostic(source, d.nameSpan, `\`${d.module}.${d.name}\` here adds a method for a type that is not one of the file's own: Tilde ignores it, and its own \`${d.name}\` serves every value`, 'warning'));
  }
  return { ...program, definitions: program.definitions.filter((d) => !foreign.includes(d)) };
}
