import type * as A from '../ast.js';
import { diagnostic, lineColumn, ModelError, JArray, JDict, MISSING, Submodel, ModelInstance, isDistribution, describe, fromFlat, toFlat, withPrefix, type GivenVariables, type Value, type VarName } from '../../model/index.js';
import { arraydist, filldist, type Distribution } from '../../dist/index.js';
import { getIndex, setIndex, iterate, sameShape, type IndexValue } from '../runtime/index.js';
import { at, located, locatedIndex } from './errors.js';
import type { ExpressionCompiler } from './expressions.js';
import { writableArray } from './statements.js';
import { checkObservation } from './observation.js';
import { cellAsColumn } from './walk.js';
import type { CompileContext, Exec, Runtime, Ev } from './types.js';
import type { Scope } from './scope.js';

function allMissing(v: Value): boolean {
  return v instanceof JArray && v.length > 0 && v.data.every((x) => x === MISSING);
}

function containsMissing(v: Value): boolean {
  if (v === MISSING) return true;
  if (v instanceof JArray) return v.data.some((x) => x === MISSING || (x instanceof JArray && containsMissing(x)));
  return false;
}

/** `μ ~ α .+ X * β` where `μ = …` was meant: the right side is a value computed from others. */
const COMPUTED = ' (`~` draws a random variable from a distribution; a value computed from others is assigned with `=`)';

function asDistribution(v: Value, span: A.Expr['span']): Distribution {
  if (isDistribution(v)) return v;
  // `α ~ [Normal(0, σ)]` declared a vector of independent draws in Turing before filldist existed; old scripts still have it.
  if (v instanceof JArray && v.length > 0 && v.data.every((d) => isDistribution(d))) {
    const vector = `a ${v.shape.length === 1 ? 'vector' : 'array'} of ${v.length} distribution${v.length === 1 ? '' : 's'}`;
    throw new ModelError(
      `the right-hand side of \`~\` is ${vector}, not a distribution (\`x ~ [Normal(0, σ)]\` is the syntax of old Turing versions): write \`x ~ filldist(Normal(0, σ), n)\` for n independent draws of one distribution, or \`x ~ arraydist(ds)\` for one draw of each`,
      span,
    );
  }
  throw new ModelError(`the right-hand side of \`~\` must be a distribution, got ${describe(v)}${COMPUTED}`, span);
}

/** Prints an evaluated index as DynamicPPL does in a variable name: `3`, `4:5`, `:`, `[1, 2]`. */
function indexText(i: IndexValue): string {
  if (typeof i === 'number') return String(i);
  if (typeof i === 'symbol') return ':';
  return formatIndexValue(i);
}

function formatIndexValue(i: Exclude<IndexValue, number | symbol>): string {
  if ('start' in i && 'step' in i) return i.step === 1 ? `${i.start}:${i.last}` : `${i.start}:${i.step}:${i.last}`;
  if (i instanceof JArray) return `[${i.data.map(String).join(', ')}]`;
  if ('indices' in i) return `CartesianIndex(${i.indices.join(', ')})`;
  return String(i);
}

/**
 * Element names by variable name and shape: a loop of `y[i] ~ …` over missing data asks for them at every
 * element (a run of the model was quadratic in the missing values, 4,000 took 0.9 s), and particle Gibbs
 * runs a model with `s = zeros(Int, N)` thousands of times a sweep, each with a new container of one shape.
 */
const namesMade = new Map<string, JArray>();
/** Models have a handful of such variables; more means shapes that keep changing, and the oldest go. */
const NAMES_KEPT = 256;
/** The names last given to each container, found without building the key at every element of a loop. */
const namesOfContainer = new WeakMap<JArray, { name: string; names: JArray }>();

/** For every element of `container`, its name in chains: `x[3]` for vectors, `x[2, 1]` for matrices. */
function nameArray(name: string, container: JArray): JArray {
  const last = namesOfContainer.get(container);
  if (last && last.name === name && sameShape(last.names.shape, container.shape)) return last.names;
  const key = `${name}|${container.shape.join(',')}`;
  let names = namesMade.get(key);
  if (!names) {
    names = makeNames(name, container);
    if (namesMade.size >= NAMES_KEPT) namesMade.delete(namesMade.keys().next().value!);
    namesMade.set(key, names);
  }
  namesOfContainer.set(container, { name, names });
  return names;
}

function makeNames(name: string, container: JArray): JArray {
  const shape = container.shape;
  const names: string[] = new Array(container.length);
  const idx = new Array<number>(shape.length).fill(1);
  for (let k = 0; k < names.length; k++) {
    names[k] = `${name}[${idx.join(', ')}]`;
    for (let d = 0; d < shape.length; d++) {
      if (idx[d]! < shape[d]!) {
        idx[d]!++;
        break;
      }
      idx[d] = 1;
    }
  }
  return new JArray(shape.slice(), names);
}

/** `name[i]` as DynamicPPL prints an indexed variable: `x[3]`, `x[2, 1]`, `y[:, 2]`. */
function indexedName(name: string, i: readonly IndexValue[]): string {
  return `${name}[${i.map(indexText).join(', ')}]`;
}

/** One integer per dimension: the element's name in `nameArray` is then the one `indexedName` would build. */
function wholeIndex(container: JArray, i: readonly IndexValue[]): boolean {
  if (i.length !== container.shape.length) return false;
  for (const k of i) if (typeof k !== 'number') return false;
  return true;
}

/** `target[i]` of a `~`'s left side, an index out of bounds naming the array (see `locatedIndex`). Hot: no closure. */
function elementAt(target: Value, i: IndexValue[], span: A.Expr['span'], name: string): Value {
  try {
    return getIndex(target, i);
  } catch (e) {
    throw locatedIndex(e, span, name);
  }
}

/** Writes what a `~` drew or was given into the model's `name[i]`, errors at the statement. Hot: no closure. */
function store(s: Scope, name: string, span: A.Expr['span'], i: IndexValue[], v: Value, statement: A.Expr['span']): void {
  try {
    setIndex(writableArray(s, name, span), i, v, false);
  } catch (e) {
    throw located(e, statement);
  }
}

/**
 * The names of what `name[i]` selects: the container's own (`x[2:3]` is `x[2]`, `x[3]`), or, where one element of a
 * vector of vectors holds an array (`y[m] .~ Exponential(τ)`, the Imperial College COVID model's imputed cases),
 * that array's, `y[m][1]`, `y[m][2]` …, as DynamicPPL names them.
 */
function elementNames(name: string, container: JArray, i: IndexValue[], selected: Value, span: A.Expr['span']): Value {
  const slot = at(span, () => getIndex(nameArray(name, container), i));
  return typeof slot === 'string' && selected instanceof JArray ? nameArray(slot, selected) : slot;
}

function namesOf(selected: Value): string[] {
  return selected instanceof JArray ? (selected.data as string[]) : [selected as string];
}

/**
 * DynamicPPL observes with Distributions' `loglikelihood`, which takes data with more dimensions than
 * one draw as independent draws: `y ~ Normal(μ, σ)` with a vector or matrix `y`, `x ~ MvNormal(μ, Σ)`
 * (or a `MixtureModel` of them) with one observation per column of a matrix `x`. Their product, then.
 */
function repeatedDraws(d: Distribution, x: Value): Distribution | undefined {
  if (!(x instanceof JArray)) return undefined;
  if (d.variate === 'univariate') return x.ndims === 1 ? filldist(d, x.shape[0]!) : x.ndims === 2 ? filldist(d, x.shape[0]!, x.shape[1]!) : undefined;
  if (d.shape.length === 1 && x.ndims === 2 && x.shape[0] === d.shape[0]) return filldist(d, x.shape[1]!);
  return undefined;
}

/** `s` of `s.a` or `s.p[1].q[:, 1]`: the variable at the root of a chain of fields and indices. */
function chainRoot(e: A.Expr): A.Ident | undefined {
  let t = e;
  while (t.kind === 'field' || t.kind === 'index') t = t.target;
  return t.kind === 'ident' && t !== e ? t : undefined;
}

/**
 * DynamicPPL observes only what is, or is inside, a model argument: on anything else `~` draws a random variable
 * (DynamicPPL's demo_nested_colons draws `s.params[1].subparams[:, 1, :]`). Tilde draws into names and their elements
 * only, and observing the value the model holds there instead would be another posterior without a word.
 */
function notArgument(text: string, root: A.Ident): ModelError {
  return new ModelError(
    `\`${text}\` is not inside an argument of the model (\`${root.name}\` is not one), so DynamicPPL makes it a random variable; Tilde draws random variables into a name or its elements only: draw one (\`v ~ …\`) and build \`${root.name}\` from it, or pass \`${root.name}\` as an argument to observe it`,
    root.span,
  );
}

/**
 * What a submodel's variables are given: the model object's own conditions and fixes, and those of the
 * model around it that name them — `x.a` for `x ~ to_submodel(inner())`'s `a`, the same name when unprefixed.
 */
function submodelGiven(rt: Runtime, name: string, sub: Submodel): GivenVariables | undefined {
  // The common case, run at every evaluation: nothing given, nothing to build.
  if (rt.conditioned === undefined && rt.fixed === undefined && sub.instance.conditions.size === 0 && sub.instance.fixes.size === 0) return undefined;
  const fromOuter = (values: ReadonlyMap<string, Value> | undefined): [string, Value][] => {
    if (values === undefined) return [];
    if (!sub.autoPrefix) return [...values];
    const prefix = `${name}.`;
    return [...values].flatMap(([key, v]): [string, Value][] => (key.startsWith(prefix) ? [[key.slice(prefix.length), v]] : []));
  };
  return { conditioned: new Map([...fromOuter(rt.conditioned), ...sub.instance.conditions]), fixed: new Map([...fromOuter(rt.fixed), ...sub.instance.fixes]) };
}

/**
 * Lowers `lhs ~ rhs` into `assume` or `observe` by DynamicPPL's rules: a literal left side is
 * observed; a model argument (or element) that is not `missing` is observed; anything else is a
 * random variable whose value the context supplies and the model then holds.
 */
export class TildeCompiler {
  constructor(
    private readonly expr: ExpressionCompiler,
    private readonly cx: CompileContext,
  ) {}

  compile(st: A.Tilde): Exec {
    const rhs = this.expr.compile(st.rhs);
    const lhs = st.lhs;
    const assignedAt = lhs.kind === 'ident' ? this.cx.assignedLocals?.get(lhs.name) : undefined;
    // Only a value assigned before the `~` is one the user may mean to observe; `Rho ~ LKJ(3, 4.0)` then `Rho = (Rho' + Rho) / 2` is plain Julia.
    if (lhs.kind === 'ident' && assignedAt !== undefined && assignedAt < st.span.from) {
      // DynamicPPL's rule, which Turing follows too, but what a Stan user translating "transformed data" means is the opposite.
      const message = `\`${lhs.name}\` is assigned in the model and is not one of its arguments, so \`~\` makes it a parameter and discards the value assigned: to observe that value, compute it outside the model and pass it as an argument, or write \`@addlogprob! logpdf(…, ${lhs.name})\``;
      this.cx.diagnostics.push(diagnostic(this.cx.source, lhs.span, message, 'warning'));
    }
    const copy = lhs.kind === 'index' && lhs.target.kind === 'ident' ? this.cx.argumentCopies?.get(lhs.target.name) : undefined;
    if (copy !== undefined && lhs.kind === 'index' && copy.at < st.span.from) {
      const name = this.expr.sourceOf(lhs.target);
      const line = lineColumn(this.cx.source, copy.at).line;
      const message = `\`${name}\` is a copy of the argument \`${copy.argument}\` made in the model (line ${line}), not an argument, so \`~\` makes its elements parameters, not observations (DynamicPPL's rule): to observe the data, write \`${copy.argument}[…] ~ …\``;
      this.cx.diagnostics.push(diagnostic(this.cx.source, lhs.target.span, message, 'warning'));
    }
    if (lhs.kind === 'ident') return st.dotted ? this.dottedIdent(st, lhs, rhs) : this.ident(st, lhs, rhs);
    const cell = st.dotted ? lhs : cellAsColumn(lhs);
    const field = cell.kind === 'index' ? cell.target : cell;
    if ((!st.dotted || cell === field) && field.kind === 'field' && field.target.kind === 'ident') return this.field(st, cell, field, field.target, rhs);
    if (lhs.kind === 'index' && lhs.target.kind === 'ident') return this.indexed(st, lhs, lhs.target, rhs);
    if (!st.dotted && lhs.kind === 'index' && lhs.target.kind === 'index' && lhs.target.target.kind === 'ident') return this.nested(st, lhs, lhs.target, lhs.target.target, rhs);
    // Literals and any other expression are observations (`1.5 ~ Normal(m, 1)`).
    const value = this.expr.compile(lhs);
    const text = this.expr.sourceOf(lhs);
    const root = chainRoot(lhs);
    return (s, rt) => {
      if (root !== undefined && !rt.argNames.has(root.name) && rt.conditioned?.get(root.name) === undefined) throw notArgument(text, root);
      const d = rhs(s, rt);
      const x = value(s, rt);
      if (st.dotted) this.observeEach(rt, d, x, text, st);
      else this.observe(rt, asDistribution(d, st.rhs.span), x, text, st.span);
      return undefined;
    };
  }

  private observe(rt: Runtime, d: Distribution, x: Value, unprefixed: string | (() => string), span: A.Expr['span']): void {
    // A submodel's observations are named as DynamicPPL names them (`a.y[1]`), so that two instances' differ.
    const what = rt.prefix === '' ? unprefixed : () => withPrefix(rt.prefix, { name: typeof unprefixed === 'string' ? unprefixed : unprefixed() }).name;
    // The common case, a number observed from a univariate family, needs no conversion, and names only when a count is wrong.
    if (typeof x === 'number' && d.variate === 'univariate') {
      const flat = [x];
      try {
        if (d.discrete) checkObservation(d, flat, typeof what === 'function' ? what : () => what);
        rt.ctx.observe(d, flat, span, what);
        return;
      } catch (e) {
        throw located(e, span);
      }
    }
    const name = typeof what === 'function' ? what : () => what;
    try {
      const whole = repeatedDraws(d, x) ?? d;
      const flat = toFlat(whole, x, () => `\`${name()}\``);
      checkObservation(d, flat, name);
      rt.ctx.observe(whole, flat, span, name);
    } catch (e) {
      throw located(e, span);
    }
  }

  private assume(rt: Runtime, vn: VarName, d: Distribution, span: A.Expr['span']): Value {
    // Hot (every `~` of a parameter, at every evaluation): no closure.
    try {
      return fromFlat(d, rt.ctx.assume(withPrefix(rt.prefix, vn), d, span));
    } catch (e) {
      throw located(e, span);
    }
  }

  private ident(st: A.Tilde, lhs: A.Ident, rhs: Ev): Exec {
    const name = lhs.name;
    return (s, rt) => {
      const r = rhs(s, rt);
      if (r instanceof Submodel || r instanceof ModelInstance) {
        const sub = r instanceof Submodel ? r : new Submodel(r, true);
        const prefix = sub.autoPrefix ? (rt.prefix ? `${rt.prefix}.${name}` : name) : rt.prefix;
        s.assign(name, at(st.span, () => sub.instance.run(rt.ctx, prefix, submodelGiven(rt, name, sub))));
        return undefined;
      }
      const d = asDistribution(r, st.rhs.span);
      const fixed = rt.fixed?.get(name);
      if (fixed !== undefined && !containsMissing(fixed)) {
        s.assign(name, fixed);
        return undefined;
      }
      // Observed: the value the data conditions it with, or the argument's own value.
      const conditioned = rt.conditioned?.get(name);
      const given = conditioned ?? (rt.argNames.has(name) ? s.peek(name) : undefined);
      // All of it missing (`fill(missing, n)`, data of nulls) is the whole variable to draw, as `missing` itself.
      if (given !== undefined && given !== MISSING && !allMissing(given)) {
        if (containsMissing(given)) {
          throw new ModelError(`${conditioned === undefined ? '' : "the data's "}\`${name}\` holds missing values: write its elements as \`${name}[i] ~ …\` in a loop so that the missing ones are sampled`, lhs.span);
        }
        this.observe(rt, d, given, name, st.span);
        if (conditioned !== undefined) s.assign(name, given);
        return undefined;
      }
      s.assign(name, this.assume(rt, { name }, d, st.span));
      return undefined;
    };
  }

  private indexed(st: A.Tilde, lhs: A.Index, root: A.Ident, rhs: Ev): Exec {
    const name = root.name;
    const idx = this.expr.indices(lhs.indices);
    if (st.dotted) {
      return (s, rt) => {
        const d = rhs(s, rt);
        const container = s.get(name, root.span);
        const i = idx(container, s, rt);
        this.dotted(s, rt, st, name, container, i, d);
        return undefined;
      };
    }
    return (s, rt) => {
      const r = rhs(s, rt);
      const container = s.get(name, root.span);
      if (!(container instanceof JArray)) throw new ModelError(notAnArray(name, container), root.span);
      const i = idx(container, s, rt);
      if (r instanceof Submodel || r instanceof ModelInstance) {
        // `x[i] ~ to_submodel(inner(…))`: its variables are `x[i].a`, as DynamicPPL prefixes them, and x[i] its return value.
        const sub = r instanceof Submodel ? r : new Submodel(r, true);
        const here = indexedName(name, i);
        const prefix = sub.autoPrefix ? (rt.prefix ? `${rt.prefix}.${here}` : here) : rt.prefix;
        store(s, name, root.span, i, at(st.span, () => sub.instance.run(rt.ctx, prefix, submodelGiven(rt, here, sub))), st.span);
        return undefined;
      }
      const d = asDistribution(r, st.rhs.span);
      const fixed = rt.fixed?.get(name);
      const fixedHere = fixed === undefined ? undefined : at(lhs.span, () => getIndex(fixed, i));
      if (fixedHere !== undefined && !containsMissing(fixedHere)) {
        store(s, name, root.span, i, fixedHere, st.span);
        return undefined;
      }
      // Observed: the element of the data that conditions `y`, or of the argument itself.
      const source = rt.conditioned?.get(name) ?? (rt.argNames.has(name) ? container : undefined);
      if (source !== undefined) {
        const given = elementAt(source, i, lhs.span, name);
        // As in DynamicPPL, a slice is observed whole: only an element that is `missing` is drawn, or (as for a
        // whole variable) an element that is a vector all missing, ragged data's `y[g]` as `predict` makes it.
        const drawn = given === MISSING || (allMissing(given) && wholeIndex(container, i));
        if (!drawn && containsMissing(given)) {
          // One vector of ragged data is an element of its own: its elements are `y[g][i]`.
          const elements = wholeIndex(container, i) ? `${this.expr.sourceOf(lhs)}[i]` : `${name}[i]`;
          throw new ModelError(`\`${indexedName(name, i)}\` holds missing values, and a slice of data is observed as a whole (only an element that is itself \`missing\` is sampled): write its elements as \`${elements} ~ …\` in a loop so that the missing ones are sampled`, lhs.span);
        }
        if (!drawn) {
          // Named only when needed: an observation of a number from a continuous family never is.
          this.observe(rt, d, given, () => indexedName(name, i), st.span);
          if (source !== container) store(s, name, root.span, i, given, st.span);
          return undefined;
        }
      }
      const slot = elementAt(nameArray(name, container), i, lhs.span, name);
      // One slot holding a vector-valued draw (the HMM tutorial's `T[i] ~ Dirichlet(…)`) names its elements
      // `T[1][1]`, `T[1][2]` … as DynamicPPL does; a slice (`y[:, i] ~ MvNormal(…)`) names the positions it covers.
      // A scalar slot of a whole index is the name already (`s[3]`), kept from run to run.
      const vn: VarName = slot instanceof JArray ? { name: indexedName(name, i), elements: namesOf(slot) } : { name: wholeIndex(container, i) ? (slot as string) : indexedName(name, i) };
      store(s, name, root.span, i, this.assume(rt, vn, d, st.span), st.span);
      return undefined;
    };
  }

  /**
   * `y[g][i] ~ …`, an element of one of a vector of vectors (ragged data): observed where the argument holds a
   * value, drawn and written into `y[g]` where it is `missing` (`predict` of ragged data) or `y` is no argument,
   * as DynamicPPL does for the name `y[g][i]`.
   */
  private nested(st: A.Tilde, lhs: A.Index, row: A.Index, root: A.Ident, rhs: Ev): Exec {
    const name = root.name;
    const rowIdx = this.expr.indices(row.indices);
    const idx = this.expr.indices(lhs.indices);
    return (s, rt) => {
      const d = asDistribution(rhs(s, rt), st.rhs.span);
      const container = s.get(name, root.span);
      const g = rowIdx(container, s, rt);
      const source = rt.conditioned?.get(name) ?? (rt.argNames.has(name) ? container : undefined);
      const vector = elementAt(source ?? container, g, row.span, name);
      const i = idx(vector, s, rt);
      const given = source === undefined ? MISSING : elementAt(vector, i, lhs.span, indexedName(name, g));
      if (given !== MISSING) {
        this.observe(rt, d, given, () => indexedName(indexedName(name, g), i), st.span);
        return undefined;
      }
      const drawn = this.assume(rt, { name: indexedName(indexedName(name, g), i) }, d, st.span);
      try {
        const outer = writableArray(s, name, root.span);
        const current = getIndex(outer, g);
        if (!(current instanceof JArray)) throw new ModelError(`\`${indexedName(name, g)}\` is ${describe(current)}; \`${name}[…][…] ~ …\` needs a vector of arrays`, row.span);
        const inner = current.frozen ? current.copy() : current;
        if (inner !== current) setIndex(outer, g, inner, false);
        setIndex(inner, i, drawn, false);
      } catch (e) {
        throw located(e, st.span);
      }
      return undefined;
    };
  }

  /**
   * `df.y[i] ~ …` and `df.y ~ …` of a table (or named tuple) the model is given: observed, as DynamicPPL observes what
   * is inside an argument, and drawn where it holds `missing` (Turing's `predict` of `df.y`), named `df.y[i]`. The draw
   * is not written into the table: the model's arguments are shared by each of its runs.
   */
  private field(st: A.Tilde, lhs: A.Expr, field: A.Field, root: A.Ident, rhs: Ev): Exec {
    const name = `${root.name}.${field.name}`;
    const column = this.expr.compile(field);
    const idx = lhs.kind === 'index' ? this.expr.indices(lhs.indices) : undefined;
    const text = this.expr.sourceOf(lhs);
    if (st.dotted) return this.dottedField(st, column, name, root, rhs, text);
    return (s, rt) => {
      if (!rt.argNames.has(root.name) && rt.conditioned?.get(root.name) === undefined) throw notArgument(text, root);
      const d = asDistribution(rhs(s, rt), st.rhs.span);
      const container = column(s, rt);
      const i = idx?.(container, s, rt);
      const given = i === undefined ? container : elementAt(container, i, lhs.span, name);
      const vn = i === undefined ? name : indexedName(name, i);
      if (given === MISSING || (i === undefined && allMissing(given))) this.assume(rt, { name: vn }, d, st.span);
      else this.observe(rt, d, given, vn, st.span);
      return undefined;
    };
  }

  /** `df.y .~ Normal.(μ, σ)`: `df.y[i] ~ …` for each element, as `.~` is (Turing ≥ 0.37). */
  private dottedField(st: A.Tilde, column: Ev, name: string, root: A.Ident, rhs: Ev, text: string): Exec {
    return (s, rt) => {
      if (!rt.argNames.has(root.name) && rt.conditioned?.get(root.name) === undefined) throw notArgument(text, root);
      const r = rhs(s, rt);
      const container = column(s, rt);
      if (!(container instanceof JArray)) throw new ModelError(`\`${name}\` is ${describe(container)}; \`.~\` needs an array on the left`, st.lhs.span);
      const items = container.data as Value[];
      const dists = this.distributionsFor(r, items.length, st);
      const nameOf = (k: number): string => `${name}[${k + 1}]`;
      if (items.every((x) => typeof x === 'number')) this.observeTogether(rt, dists, items as number[], nameOf, st);
      else items.forEach((x, k) => (x === MISSING ? this.assume(rt, { name: nameOf(k) }, dists(k), st.span) : this.observe(rt, dists(k), x, () => nameOf(k), st.span)));
      return undefined;
    };
  }

  private dottedIdent(st: A.Tilde, lhs: A.Ident, rhs: Ev): Exec {
    const name = lhs.name;
    return (s, rt) => {
      const d = rhs(s, rt);
      const container = s.peek(name);
      if (container === undefined || container === MISSING) {
        throw new ModelError(`\`${name} .~ …\` needs \`${name}\` to be an array already, so that its size is known`, lhs.span);
      }
      this.dotted(s, rt, st, name, container, undefined, d);
      return undefined;
    };
  }

  /**
   * `x .~ D` is `x[i] ~ D` for every element (Turing ≥ 0.37); `x .~ ds` with an array of univariate
   * distributions pairs them elementwise. Observed and missing elements may mix.
   */
  private dotted(s: Scope, rt: Runtime, st: A.Tilde, name: string, container: Value, i: IndexValue[] | undefined, rhs: Value): void {
    if (!(container instanceof JArray)) throw new ModelError(`\`${name}\` is ${describe(container)}; \`.~\` needs an array on the left`, st.lhs.span);
    const fixed = rt.fixed?.get(name);
    if (fixed instanceof JArray && sameShape(fixed.shape, container.shape) && !containsMissing(fixed)) {
      const values = i ? at(st.lhs.span, () => getIndex(fixed, i)) : fixed;
      at(st.span, () => {
        const target = writableArray(s, name, st.lhs.span);
        if (i) setIndex(target, i, values, values instanceof JArray);
        else fixed.data.forEach((v, k) => (target.data[k] = v));
      });
      return;
    }
    // Data that conditions `y` gives the elements, whatever the model has put in its own `y` meanwhile (as for `y[i] ~ D`).
    const given = rt.conditioned?.get(name);
    const conditioned = given !== undefined && given !== MISSING;
    const source = conditioned ? given : container;
    if (source !== container && !(source instanceof JArray && sameShape(source.shape, container.shape))) {
      throw new ModelError(`the data's \`${name}\` is ${describe(source)}, the model's \`${name}\` ${describe(container)}: \`${name} .~ …\` needs them to have the same size`, st.lhs.span);
    }
    const selected = i ? at(st.lhs.span, () => getIndex(source, i)) : source;
    const elements = selected instanceof JArray ? selected.data : [selected];
    // Names are needed only for parameters and error messages: building them per observation is waste.
    let names: string[] | undefined;
    const nameOf = (k: number): string => (names ??= namesOf(i ? elementNames(name, container, i, selected, st.lhs.span) : nameArray(name, container)))[k]!;
    const dists = this.distributionsFor(rhs, elements.length, st);
    const observed = conditioned || rt.argNames.has(name);
    let assumed: Value[] | undefined;
    if (observed && elements.length > 0 && elements.every((x) => typeof x === 'number')) {
      this.observeTogether(rt, dists, elements as number[], nameOf, st);
    } else {
      for (let k = 0; k < elements.length; k++) {
        const x = elements[k];
        const d = dists(k);
        if (observed && x !== undefined && x !== MISSING) {
          this.observe(rt, d, x, () => nameOf(k), st.span);
          continue;
        }
        assumed ??= elements.map((e) => e ?? MISSING);
        assumed[k] = this.assume(rt, { name: nameOf(k) }, d, st.span);
      }
    }
    // The model's `y` then holds what was drawn, and the data's values where they condition it.
    const updated = assumed ?? (source !== container ? elements : undefined);
    if (!updated) return;
    at(st.span, () => {
      const target = writableArray(s, name, st.lhs.span);
      // One element holding an array (a vector of vectors' `y[m]`) takes the new array; a slice takes its elements.
      if (i) setIndex(target, i, selected instanceof JArray ? new JArray(selected.shape.slice(), updated) : updated[0]!, selected instanceof JArray && !wholeIndex(container, i));
      else updated.forEach((v, k) => (target.data[k] = v));
    });
  }

  /**
   * Fully observed numbers are one observation of their product distribution, so a vectorised
   * statement (`y .~ Normal(μ, σ)`, `y .~ BernoulliLogit.(η)`) adds one node, not one per element.
   */
  private observeTogether(rt: Runtime, dists: (k: number) => Distribution, xs: number[], nameOf: (k: number) => string, st: A.Tilde): void {
    const ds: Distribution[] = new Array(xs.length);
    for (let k = 0; k < xs.length; k++) ds[k] = dists(k);
    // One try for the statement and nothing made per element: only a discrete family's observations are checked.
    try {
      for (let k = 0; k < xs.length; k++) if (ds[k]!.discrete) checkObservation(ds[k]!, [xs[k]!], () => nameOf(k));
    } catch (e) {
      throw located(e, st.span);
    }
    if (rt.ctx.observesElementwise) {
      ds.forEach((d, k) => this.observe(rt, d, xs[k]!, () => nameOf(k), st.span));
      return;
    }
    const first = ds[0]!;
    try {
      rt.ctx.observe(ds.every((d) => d === first) ? filldist(first, ds.length) : arraydist(ds), xs);
    } catch (e) {
      throw located(e, st.span);
    }
  }

  private distributionsFor(rhs: Value, n: number, st: A.Tilde): (k: number) => Distribution {
    if (isDistribution(rhs)) {
      if (rhs.variate !== 'univariate') {
        // DynamicPPL's own demo models wrote `x .~ MvNormal(m, Σ)` for a matrix x until 0.35 made it an error.
        const [x, d] = [this.expr.sourceOf(st.lhs), this.expr.sourceOf(st.rhs)];
        const columns = rhs.shape.length === 1 ? `; before DynamicPPL 0.35 it meant one draw per column: \`${x} ~ filldist(${d}, size(${x}, 2))\`, or \`${x} ~ ${d}\` to observe the columns of data` : '';
        throw new ModelError(`\`.~\` needs a univariate distribution on the right, got ${rhs.family}: use \`~ filldist(…)\`, \`arraydist(…)\` or \`product_distribution(…)\` for arrays${columns}`, st.rhs.span);
      }
      return () => rhs;
    }
    if (rhs instanceof JArray) {
      if (rhs.length !== n) throw new ModelError(`\`.~\` pairs ${n} elements with ${rhs.length} distributions`, st.span);
      const ds = rhs.data.map((d) => asDistribution(d as Value, st.rhs.span));
      return (k) => ds[k]!;
    }
    throw new ModelError(`the right-hand side of \`.~\` must be a distribution, got ${describe(rhs)}${COMPUTED.replace('`~`', '`.~`')}`, st.rhs.span);
  }

  /** Observes each element of a literal left side: `[1.0, 2.0] .~ Normal(m, 1)`. */
  private observeEach(rt: Runtime, rhs: Value, x: Value, text: string, st: A.Tilde): void {
    const items = [...at(st.lhs.span, () => iterate(x))];
    const dists = this.distributionsFor(rhs, items.length, st);
    items.forEach((item, k) => this.observe(rt, dists(k), item, `${text}[${k + 1}]`, st.span));
  }

  /** `name := expr` records a quantity in the chains and binds it like an assignment. */
  deterministic(st: A.Deterministic): Exec {
    const target = st.target;
    const value = this.expr.compile(st.value);
    if (target.kind === 'ident') {
      return (s, rt) => {
        const v = value(s, rt);
        s.assign(target.name, v);
        rt.ctx.deterministic(withPrefix(rt.prefix, { name: target.name }).name, v);
        return undefined;
      };
    }
    const root = target.target;
    if (root.kind !== 'ident') throw new ModelError('`:=` assigns to a name or an indexed name', target.span);
    const idx = this.expr.indices(target.indices);
    return (s, rt) => {
      const v = value(s, rt);
      const container = writableArray(s, root.name, root.span);
      const i = idx(container, s, rt);
      at(st.span, () => setIndex(container, i, v, false));
      rt.ctx.deterministic(withPrefix(rt.prefix, { name: indexedName(root.name, i) }).name, v);
      return undefined;
    };
  }
}

/** Why `name[…] ~ …` cannot observe into `container`: a Dict's entries are no random variables Turing's VarNames name. */
function notAnArray(name: string, container: Value): string {
  if (container instanceof JDict) return `\`${name}\` is ${describe(container)}: \`${name}[…] ~ …\` observes into an array, not a Dict; give the model the observed values as a vector (\`y = [${name}[k] for k in ks]\`) and write \`y[i] ~ …\``;
  return `\`${name}\` is ${describe(container)}; \`${name}[…] ~ …\` needs an array (e.g. \`${name} = Vector{Float64}(undef, n)\`)`;
}
