import type * as A from '../ast.js';
import { diagnostic, ModelError, ModelInstance, JArray, JDate, JDateTime, JDict, JRange, JTuple, JNamedTuple, JChar, JFunction, JSymbol, JType, UniformScaling, isReal, describe, type Span, type Value } from '../../model/index.js';
import { value as realValue } from '../../ad/index.js';
import { binaryOp, unaryOp, compareOp, broadcast, broadcastBinary, constantAffine, multiplyAdd, getIndex, lastIndex, iterate, truthy, getField, COLON, scaledIdentity, toInt, type IndexValue } from '../runtime/index.js';
import { builtins, callType } from '../builtins/index.js';
import { ODESolution } from '../runtime/ode-values.js';
import { at, located, locatedIndex, test } from './errors.js';
import { closest } from './suggest.js';
import { KNOWN_MODULES, KNOWN_SUBMODULES, type Globals } from './globals.js';
import { ignoredPackage } from '../parser/usings.js';
import { unsupportedCall, unsupportedField, unsupportedName } from './unsupported-calls.js';
import { nameOf } from '../calls.js';
import type { CompileContext, Ev, Runtime } from './types.js';
import type { Scope } from './scope.js';
import { createsClosures, mentionsEnd, namesMentioned } from './walk.js';
import { floatIndexGuard, floatRangeText } from './float-range.js';
import { convertForStore } from '../runtime/assign.js';
import { dateRange } from '../runtime/dates.js';
import { TypeConstructor, elementTypeOf, namedType } from '../runtime/types.js';
import { blockValue, lambdaValue, repeatedParam } from './lambda.js';
import { collectLocals, lambdaLocals, patternNames } from './locals.js';
import { bindArguments, compiledDefinition, noMethod, positionalOf } from './arguments.js';
import { StatementCompiler } from './statements.js';
import { destructure, type Destructure } from './destructure.js';
import { SiteRandom } from './script-random.js';
import { splatKeywords } from './keyword-splats.js';

const NO_KWARGS = new Map<string, Value>();

function builtin(name: string): JFunction {
  const f = builtins.get(name);
  if (!f) throw new Error(`built-in ${name} is missing`);
  return f;
}

/** Calls a function-like value: a function, a type (`Float64(x)`, `Vector{T}(undef, n)`). */
export function callValue(f: Value, args: Value[], kwargs: Map<string, Value>): Value {
  if (f instanceof JFunction) return f.call(args, kwargs);
  if (f instanceof JType) return callType(f, args, kwargs);
  // LinearAlgebra's `I(n)`: the n×n identity as a Diagonal (λ on the diagonal for a scaled `I`).
  if (f instanceof UniformScaling && args.length === 1 && kwargs.size === 0) return scaledIdentity(toInt(args[0]!, 'I(n): n'), f.lambda, 'I(n)');
  // DifferentialEquations' `sol(t)`: the solution's dense output.
  if (f instanceof ODESolution) return f.interpolate(args, kwargs);
  // Turing's docs call a model object (`ret = model()`) to run it once from the prior for its return value.
  if (f instanceof ModelInstance) throw new ModelError(`calling a model object (\`model()\`, here \`${f.name}\`'s) runs it once from its prior for its return value in Turing, which a script's lines do not here: each draw's return value is among the run's generated quantities (\`return\`), and \`rand(model)\` draws the model's variables`, undefined);
  throw new ModelError(`${describe(f)} is not a function`, undefined);
}

export class ExpressionCompiler {
  constructor(
    private readonly cx: CompileContext,
    private readonly globals: Globals,
  ) {}

  sourceOf(e: A.Expr): string {
    return this.cx.source.slice(e.span.from, e.span.to);
  }

  /**
   * DynamicPPL's `$(e)` in a model body: `e` as the file's top level computes it. The model's names are not seen
   * there, so an expression naming one would mean the top level's, which Tilde cannot tell from the model's own.
   */
  private definitionValue(e: A.Interpolate): Ev {
    if (!this.cx.inModel) return this.error(e.span, '`$` interpolation is only allowed inside `@.`, or in a @model for a value of the file\'s top level');
    const own = [...namesMentioned([], [e.expr])].find((n) => this.cx.locals.has(n));
    if (own !== undefined) {
      return this.error(e.span, `\`$(…)\` takes its value where the model is defined (DynamicPPL interpolates it then), but \`${own}\` is a name of the model itself: write the expression without \`$\` to use the model's \`${own}\``);
    }
    return this.compile(e.expr);
  }

  private error(span: A.Expr['span'], message: string): Ev {
    this.cx.diagnostics.push(diagnostic(this.cx.source, span, message));
    return () => {
      throw new ModelError(message, span);
    };
  }

  compile(e: A.Expr): Ev {
    switch (e.kind) {
      case 'number':
      case 'bool':
      case 'string': {
        const v = e.value;
        return () => v;
      }
      case 'blockvalue':
        return this.blockValue(e);
      case 'interpolated': {
        const parts = e.parts.map((part) => this.compile(part));
        const string = builtin('string');
        return (s, rt) => at(e.span, () => string.call(parts.map((part) => part(s, rt)), new Map()));
      }
      case 'char': {
        const v = new JChar(e.value);
        return () => v;
      }
      case 'symbol': {
        const v = JSymbol.of(e.name);
        return () => v;
      }
      case 'ident':
        return this.ident(e);
      case 'call':
        return this.call(e);
      case 'binary':
        return this.binary(e);
      case 'unary': {
        const operand = this.compile(e.operand);
        const { op, span } = e;
        if (e.dotted) return (s, rt) => at(span, () => broadcast((a) => unaryOp(op, a[0]!), [operand(s, rt)]));
        return (s, rt) => {
          const a = operand(s, rt);
          try {
            return unaryOp(op, a);
          } catch (err) {
            throw located(err, span);
          }
        };
      }
      case 'compare':
        return this.compare(e);
      case 'and': {
        const l = this.compile(e.left);
        const r = this.compile(e.right);
        const span = e.left.span;
        return (s, rt) => (test(l(s, rt), span) ? r(s, rt) : false);
      }
      case 'or': {
        const l = this.compile(e.left);
        const r = this.compile(e.right);
        const span = e.left.span;
        return (s, rt) => (test(l(s, rt), span) ? true : r(s, rt));
      }
      case 'ternary': {
        const c = this.compile(e.cond);
        const t = this.compile(e.then);
        const o = this.compile(e.otherwise);
        const span = e.cond.span;
        return (s, rt) => (test(c(s, rt), span) ? t(s, rt) : o(s, rt));
      }
      case 'index':
        return this.index(e);
      case 'colon':
        return this.error(e.span, 'a bare `:` is only allowed inside an index, as in `x[:, j]`');
      case 'end':
        return (_s, rt) => {
          const top = rt.endStack[rt.endStack.length - 1];
          if (!top) throw new ModelError('`end` is only allowed inside an index, as in `x[end]`', e.span);
          return at(e.span, () => lastIndex(top.target, top.dim, top.ndims));
        };
      case 'range':
        return this.range(e);
      case 'field':
        return this.field(e);
      case 'tuple': {
        const items = e.items.map((i) => this.compile(i));
        return (s, rt) => new JTuple(items.map((i) => i(s, rt)));
      }
      case 'namedtuple': {
        const fields = e.fields.map((f): [string, Ev] => [f.name, this.compile(f.value)]);
        return (s, rt) => new JNamedTuple(new Map(fields.map(([name, value]) => [name, value(s, rt)])));
      }
      case 'array':
        return this.arrayLiteral(e);
      case 'matrix':
        return this.matrixLiteral(e);
      case 'comprehension':
        return this.comprehension(e);
      case 'adjoint': {
        const operand = this.compile(e.operand);
        const adjoint = builtin('adjoint');
        return (s, rt) => at(e.span, () => adjoint.call([operand(s, rt)], new Map()));
      }
      case 'interpolate':
        return e.atDefinition ? this.definitionValue(e) : this.compile(e.expr);
      case 'splat':
        return this.error(e.span, '`...` (splatting) is only allowed in a function call’s arguments');
      case 'curly':
        return this.curly(e);
      case 'typeassert':
        return this.compile(e.expr);
      case 'lambda':
        return this.lambda(e);
    }
  }

  private ident(e: A.Ident): Ev {
    const { name, span } = e;
    const global = this.global(name, span);
    if (this.cx.locals.has(name)) {
      // A local that shadows a global only once assigned: Julia would not allow that in one scope, but a
      // user function argument named like a built-in (`mean`) is common and must win.
      if (global === undefined) return (s) => s.get(name, span);
      return (s, rt) => (s.has(name) ? s.get(name, span) : global(s, rt));
    }
    if (global !== undefined) return global;
    const ignored = ignoredPackage(name);
    if (ignored !== undefined) return this.error(span, `\`${name}\` is a package Tilde does not load: ${ignored}`);
    const imported = this.globals.unloadedImport(name);
    if (imported !== undefined) return this.error(span, imported);
    const internal = unsupportedName(name);
    if (internal !== undefined) return this.error(span, internal);
    // R's `s <- 2` is Julia's comparison `s < -2`: the name it meant to assign is then read, undefined.
    if (/^[ \t]*<-/.test(this.cx.source.slice(span.to))) return this.error(span, `\`${name}\` is not defined: \`${name} <- …\` is R's assignment, which Julia reads as the comparison \`${name} < -…\`; write \`${name} = …\``);
    const suggestion = closest(name, [...this.cx.locals, ...this.globals.names()]);
    return this.error(span, `\`${name}\` is not defined${suggestion ? ` — did you mean \`${suggestion}\`?` : ''}`);
  }

  /**
   * A name of the file or of the library: the file's functions and models, then its top-level constants, which
   * shadow a built-in of the same name as a script's own `I = 20` or `beta = 2.0` does in Julia.
   */
  private global(name: string, span: Span): Ev | undefined {
    const own = this.globals.user.get(name);
    if (own !== undefined) return () => own;
    const late = this.globals.late.get(name);
    if (late) {
      // A model reading a constant computed from a data file (`x̄ = mean(df.weight)`): the fix is the user's to write.
      const instead = this.cx.inModel ? ` — write its value in the file, or make \`${name}\` an argument of the model and give it in the data` : '';
      return () => {
        if (late.value === undefined) throw new ModelError(`\`${name}\` is defined at the top of the file, but ${late.problem ?? 'it was not evaluated yet'}${instead}`, span);
        return late.value;
      };
    }
    const g = this.globals.get(name);
    if (g === undefined) return undefined;
    // A draw takes its numbers from where it is written (see SiteRandom).
    const placed = g instanceof SiteRandom ? g.at({ name, span }) : g;
    return () => placed;
  }

  /** A callee named by neither a local nor a global (a top-level constant may hold a function: `sq = x -> x^2`). */
  private undefinedCallee(e: A.Expr): e is A.Ident {
    return e.kind === 'ident' && !this.cx.locals.has(e.name) && this.globals.get(e.name) === undefined && !this.globals.late.has(e.name);
  }

  /**
   * Why a call of `e` cannot run at all, for a Turing function Tilde deliberately lacks or a package not
   * loaded; `DynamicPPL.getlogp(…)` is refused as `getlogp(…)` is.
   */
  private refusal(e: A.Expr): string | undefined {
    if (e.kind === 'field' && this.isModulePrefix(e.target) && this.globals.fromLibrary(e.name) === undefined) return this.refusal({ kind: 'ident', name: e.name, span: e.span });
    if (!this.undefinedCallee(e)) return undefined;
    return this.globals.unloadedImport(e.name) ?? unsupportedCall(e.name);
  }

  /** The callee of a call: a local, a global function, or a module-qualified name (`LinearAlgebra.dot`). */
  private callee(e: A.Expr): Ev {
    if (e.kind === 'field' && this.isModulePrefix(e.target) && this.globals.fromLibrary(e.name) === undefined) return this.callee({ kind: 'ident', name: e.name, span: e.span });
    if (this.undefinedCallee(e)) {
      const suggestion = closest(e.name, this.globals.names());
      return this.error(e.span, `unknown function \`${e.name}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ''}`);
    }
    return this.compile(e);
  }

  private args(args: A.Expr[]): (s: Scope, rt: Runtime) => Value[] {
    const parts = args.map((a) => (a.kind === 'splat' ? { splat: true, ev: this.compile(a.expr) } : { splat: false, ev: this.compile(a) }));
    if (parts.every((p) => !p.splat)) {
      const evs = parts.map((p) => p.ev);
      // Most calls take one to three arguments: an array literal, not a callback per argument.
      const [a, b, c] = evs;
      if (evs.length === 0) return () => [];
      if (evs.length === 1) return (s, rt) => [a!(s, rt)];
      if (evs.length === 2) return (s, rt) => [a!(s, rt), b!(s, rt)];
      if (evs.length === 3) return (s, rt) => [a!(s, rt), b!(s, rt), c!(s, rt)];
      return (s, rt) => evs.map((ev) => ev(s, rt));
    }
    return (s, rt) => {
      const out: Value[] = [];
      for (const p of parts) {
        const v = p.ev(s, rt);
        if (p.splat) for (const x of iterate(v)) out.push(x);
        else out.push(v);
      }
      return out;
    };
  }

  /**
   * DynamicPPL's `getlogjoint(__varinfo__)`, `getlogprior`, `getloglikelihood`, and the older `getlogp` (the joint,
   * as a number; DynamicPPL 0.37 made it a named tuple of the parts): what the model has accumulated where it is
   * called. DynamicPPL's demo models return it; a draw's value is what Turing's `returned(model, chain)` gives.
   */
  private accumulated(e: A.Call): Ev | undefined {
    const [arg, ...rest] = e.args;
    if (!this.cx.inModel || e.broadcast || rest.length > 0 || e.kwargs.length > 0 || arg?.kind !== 'ident' || arg.name !== '__varinfo__') return undefined;
    switch (nameOf(e)) {
      case 'getlogp':
      case 'getlogjoint':
        return (_s, rt) => rt.ctx.logjoint;
      case 'getlogprior':
        return (_s, rt) => rt.ctx.logprior;
      case 'getloglikelihood':
        return (_s, rt) => rt.ctx.loglikelihood;
      default:
        return undefined;
    }
  }

  private call(e: A.Call): Ev {
    const accumulated = this.accumulated(e);
    if (accumulated !== undefined) return accumulated;
    const refused = this.refusal(e.callee);
    // The whole call has to go, so its arguments' own refusals (`getlogp(__varinfo__)`) would only repeat it.
    if (refused !== undefined) return this.error(e.callee.span, refused);
    const callee = this.callee(e.callee);
    const args = this.args(e.args);
    const kw = e.kwargs.map((k) => ({ name: k.name, ev: this.compile(k.value) }));
    const splats = (e.kwsplats ?? []).map((x) => ({ after: x.after, span: x.expr.span, ev: this.compile(x.expr) }));
    const span = e.span;
    // No callee writes to its keyword arguments, so calls without any share one empty map.
    const kwargs = (s: Scope, rt: Runtime): Map<string, Value> => {
      if (kw.length === 0 && splats.length === 0) return NO_KWARGS;
      const m = new Map<string, Value>();
      // In the order written: a later keyword replaces an earlier one, as in Julia.
      let next = 0;
      for (const x of splats) {
        for (; next < x.after; next++) m.set(kw[next]!.name, kw[next]!.ev(s, rt));
        at(x.span, () => splatKeywords(x.ev(s, rt), m));
      }
      for (; next < kw.length; next++) m.set(kw[next]!.name, kw[next]!.ev(s, rt));
      return m;
    };
    if (e.broadcast) {
      return (s, rt) => {
        const f = callee(s, rt);
        const a = args(s, rt);
        const k = kwargs(s, rt);
        return at(span, () => broadcast((xs) => callValue(f, xs, k), a));
      };
    }
    return (s, rt) => {
      const f = callee(s, rt);
      const a = args(s, rt);
      const k = kwargs(s, rt);
      try {
        return callValue(f, a, k);
      } catch (err) {
        throw located(err, span);
      }
    };
  }

  private binary(e: A.Binary): Ev {
    if (e.dotted && e.op === '+') {
      const fused = this.affine(e);
      if (fused) return fused;
    }
    const l = this.compile(e.left);
    const r = this.compile(e.right);
    const { op, span } = e;
    if (e.dotted) return (s, rt) => at(span, () => broadcastBinary(op, l(s, rt), r(s, rt)));
    return (s, rt) => {
      const a = l(s, rt);
      const b = r(s, rt);
      try {
        return binaryOp(op, a, b);
      } catch (err) {
        throw located(err, span);
      }
    };
  }

  /**
   * `a .+ X * β` and `X * β .+ a`, the linear predictor of nearly every regression, one block of the reverse
   * tape where X is data (`constantAffine`); `a .+ b .* c` and `b .* c .+ a` one block where the two would
   * be blocks (`multiplyAdd`); else the product and the sum as written. Operands are evaluated in Julia's
   * order, and each operation's errors are located at its own span.
   */
  private affine(e: A.Binary): Ev | undefined {
    const isProduct = (x: A.Expr): x is A.Binary => x.kind === 'binary' && x.op === '*';
    const product = isProduct(e.right) ? e.right : isProduct(e.left) ? e.left : undefined;
    if (product === undefined) return undefined;
    const productFirst = product === e.left;
    const offset = this.compile(productFirst ? e.right : e.left);
    const factor = this.compile(product.left);
    const other = this.compile(product.right);
    const fuse = product.dotted ? (c: Value, x: Value, b: Value) => multiplyAdd(c, x, b) : (c: Value, x: Value, b: Value) => (x instanceof JArray ? constantAffine(c, x, b) : undefined);
    const multiplied = (x: Value, b: Value): Value => {
      try {
        return product.dotted ? broadcastBinary('*', x, b) : binaryOp('*', x, b);
      } catch (err) {
        throw located(err, product.span);
      }
    };
    return (s, rt) => {
      const a = productFirst ? undefined : offset(s, rt);
      const x = factor(s, rt);
      const b = other(s, rt);
      const c = productFirst ? offset(s, rt) : a!;
      return at(e.span, () => {
        const fused = fuse(c, x, b);
        if (fused) return fused;
        const p = multiplied(x, b);
        return productFirst ? broadcastBinary('+', p, c) : broadcastBinary('+', c, p);
      });
    };
  }

  private compare(e: A.Compare): Ev {
    const operands = e.operands.map((o) => this.compile(o));
    const { ops, dotted, span } = e;
    return (s, rt) => {
      let left = operands[0]!(s, rt);
      let result: Value = true;
      for (let i = 0; i < ops.length; i++) {
        const right = operands[i + 1]!(s, rt);
        const op = ops[i]!;
        let r: Value;
        // Hot (every `if i > 1` of a loop): no closure for the plain comparison.
        try {
          r = dotted[i] ? broadcast((a) => compareOp(op, a[0]!, a[1]!), [left, right]) : compareOp(op, left, right);
        } catch (err) {
          throw located(err, span);
        }
        if (ops.length === 1) return r;
        if (r !== true) return r === false ? false : at(span, () => broadcast((a) => truthy(a[0]!) && truthy(a[1]!), [result, r]));
        result = r;
        left = right;
      }
      return result;
    };
  }

  /** Evaluates index expressions with `end` bound to the right dimension of the target. */
  indices(indices: A.Expr[], evs: readonly (Ev | undefined)[] = this.indexValues(indices)): (target: Value, s: Scope, rt: Runtime) => IndexValue[] {
    // Only an index that mentions `end` needs to know what it indexes (`x[i]` in a loop does not).
    const bindsEnd = indices.map(mentionsEnd);
    const ndims = indices.length;
    const only = evs[0];
    if (ndims === 1 && only !== undefined && !bindsEnd[0]) {
      // `x[i]`, the index of nearly every `~` and read in a loop: no loop over dimensions to set up.
      const span = indices[0]!.span;
      return (target, s, rt) => {
        const v = only(s, rt);
        return [target instanceof JDict ? keyIndex(v) : asIndex(v, span)];
      };
    }
    return (target, s, rt) => {
      const out: IndexValue[] = new Array(ndims);
      for (let d = 0; d < ndims; d++) {
        const ev = evs[d];
        if (ev === undefined) {
          out[d] = COLON;
          continue;
        }
        if (!bindsEnd[d]) {
          const v = ev(s, rt);
          out[d] = target instanceof JDict ? keyIndex(v) : asIndex(v, indices[d]!.span);
          continue;
        }
        rt.endStack.push({ target, dim: d, ndims });
        try {
          out[d] = asIndex(ev(s, rt), indices[d]!.span);
        } finally {
          rt.endStack.pop();
        }
      }
      return out;
    };
  }

  /** What is written between the brackets, each a value (`undefined` for a bare `:`). */
  private indexValues(indices: A.Expr[]): (Ev | undefined)[] {
    return indices.map((i) => (i.kind === 'colon' ? undefined : this.compile(i)));
  }

  private index(e: A.Index): Ev {
    const global = e.target.kind === 'ident' && !this.cx.locals.has(e.target.name) ? this.globals.get(e.target.name) : undefined;
    const type = global === undefined ? undefined : namedType(global);
    const evs = this.indexValues(e.indices);
    if (type !== undefined) {
      const colon = e.indices.find((i) => i.kind === 'colon');
      if (colon) return this.error(colon.span, `\`${type.name}[:]\` is not an array: a typed array literal lists its elements`);
      const typed = typedVector(e, evs);
      return (s, rt) => typed(type, s, rt);
    }
    const target = this.compile(e.target);
    const name = e.target.kind === 'ident' ? e.target.name : undefined;
    const idx = this.indices(e.indices, evs);
    // A type known only as the code runs makes a typed literal too: `T[]` with a model's `::Type{T} = Float64`, `Vector{Float64}[]`.
    const typed = typedVector(e, evs);
    return (s, rt) => {
      const t = target(s, rt);
      if (t instanceof JType) return typed(t, s, rt);
      const i = idx(t, s, rt);
      // Hot (every `y[i]` of a loop, at every gradient): no closure.
      try {
        return getIndex(t, i);
      } catch (err) {
        throw locatedIndex(err, e.span, name);
      }
    };
  }

  private range(e: A.Range): Ev {
    const start = this.compile(e.start);
    const stop = this.compile(e.stop);
    const step = e.step ? this.compile(e.step) : undefined;
    return (s, rt) => {
      const first = start(s, rt);
      // `Date(2020, 1, 1):Day(1):Date(2020, 3, 1)`: Dates' ranges, collected.
      if (first instanceof JDate || first instanceof JDateTime) return at(e.span, () => dateRange(first, step?.(s, rt), stop(s, rt)));
      const a = rangeBound(first, 'start', e.start.span);
      const st = step ? rangeBound(step(s, rt), 'step', e.step!.span) : 1;
      const b = rangeBound(stop(s, rt), 'stop', e.stop.span);
      if (st === 0) throw new ModelError('a range step cannot be zero', e.span);
      return new JRange(a, st, b);
    };
  }

  /**
   * `LinearAlgebra` of `LinearAlgebra.dot`: a package's name the file does not use for a variable of its own, or one of its
   * submodules (`Turing.Inference` of `Turing.Inference.predict`).
   */
  private isModulePrefix(e: A.Expr): boolean {
    if (e.kind === 'field') return KNOWN_SUBMODULES.has(e.name) && this.isModulePrefix(e.target);
    return e.kind === 'ident' && KNOWN_MODULES.has(e.name) && !this.cx.locals.has(e.name);
  }

  private field(e: A.Field): Ev {
    // Base's `Iterators` module, whose functions have no plain names: `flatten` alone is not Julia's.
    if (e.target.kind === 'ident' && e.target.name === 'Iterators' && !this.cx.locals.has('Iterators')) {
      const f = this.globals.fromLibrary(`Iterators.${e.name}`);
      return f !== undefined ? () => f : this.error(e.span, `\`Iterators.${e.name}\` is not supported: of Base's Iterators Tilde has \`Iterators.flatten\``);
    }
    const internal = e.target.kind === 'ident' && !this.cx.locals.has(e.target.name) ? unsupportedField(e.target.name, e.name) : undefined;
    if (internal !== undefined) return this.error(e.span, internal);
    if (this.isModulePrefix(e.target)) {
      // The package's own name, past any of the file's that shadows it (`I = 3`, then `LinearAlgebra.I`).
      const builtin = this.globals.fromLibrary(e.name);
      if (builtin !== undefined) return () => builtin;
      return this.compile({ kind: 'ident', name: e.name, span: e.span });
    }
    const target = this.compile(e.target);
    const { name, span } = e;
    return (s, rt) => {
      const t = target(s, rt);
      try {
        return getField(t, name);
      } catch (err) {
        throw located(err, span);
      }
    };
  }

  /** Runs the `if`, `begin` or `let` as a statement and takes its value, leaving the caller's last value as it was. */
  private blockValue(e: A.BlockValue): Ev {
    const run = new StatementCompiler(this.cx, this.globals).block([e.block], true);
    return (s, rt) => {
      const callers = rt.last;
      try {
        run(s, rt);
        return rt.last;
      } finally {
        rt.last = callers;
      }
    };
  }

  private arrayLiteral(e: A.ArrayLit): Ev {
    const items = this.args(e.items);
    // Julia's `[1, 2, 3]` is a Vector{Int64}: numbers do not remember how they were written, the literal does.
    const eltype = e.items.length > 0 && e.items.every(isIntegerLiteral) ? 'int' : 'any';
    return (s, rt) => JArray.vector(items(s, rt), eltype);
  }

  private matrixLiteral(e: A.MatrixLit): Ev {
    const untyped = this.untypedMatrix(e);
    const typeExpr = e.elementType;
    if (typeExpr === undefined) return untyped;
    const type = this.compile(typeExpr);
    return (s, rt) => {
      const t = type(s, rt);
      if (!(t instanceof JType)) {
        const text = this.sourceOf(typeExpr);
        throw new ModelError(`\`${text}[…]\` with elements separated by spaces or \`;\` is a typed array literal, as in \`Float64[1 2; 3 4]\`, but \`${text}\` is ${describe(t)}, not a type; indices are separated by commas`, e.span);
      }
      return elementsAs(t, untyped(s, rt) as JArray, e.span);
    };
  }

  private untypedMatrix(e: A.MatrixLit): Ev {
    const hcat = builtin('hcat');
    const vcat = builtin('vcat');
    const rows = e.rows.map((r) => this.args(r));
    const single = e.rows.every((r) => r.length === 1);
    return (s, rt) =>
      at(e.span, () => {
        const none = new Map<string, Value>();
        // `[a; b]` concatenates vertically; `[1 2; 3 4]` builds each row with hcat, then stacks them.
        const built = rows.map((r) => {
          const items = r(s, rt);
          return single ? items[0]! : hcat.call(items, none);
        });
        return built.length === 1 && !single ? built[0]! : vcat.call(built, none);
      });
  }

  private comprehension(e: A.Comprehension): Ev {
    const later = (k: number): A.Expr[] => [...e.iterations.slice(k + 1).map((it) => it.iter), e.body, ...(e.filter ? [e.filter] : [])];
    const iters = e.iterations.map((it, k) => ({
      bind: this.binder(it.target),
      names: patternNames(it.target).length,
      iter: this.compile(it.iter),
      guard: floatIndexGuard(it.target, it.iter, [], later(k), this.cx.source),
      span: it.iter.span,
    }));
    const body = this.compile(e.body);
    const filter = e.filter ? this.compile(e.filter) : undefined;
    // As a loop does: one scope for every iteration, unless an anonymous function made in one may keep it.
    const closures = createsClosures([], later(-1));
    return (s, rt) => {
      const out: Value[] = [];
      const shape: number[] = [];
      const walk = (level: number, scope: Scope): void => {
        const it = iters[level]!;
        let count = 0;
        const values = it.iter(scope, rt);
        it.guard?.(values);
        let inner = scope.child();
        for (const x of at(it.span, () => iterate(values))) {
          if (closures) inner = scope.child();
          else inner.reset(it.names);
          it.bind(inner, x);
          count++;
          if (level + 1 < iters.length) walk(level + 1, inner);
          else if (!filter || at(e.filter!.span, () => truthy(filter(inner, rt)))) out.push(body(inner, rt));
        }
        shape[level] = count;
      };
      walk(0, s);
      // Julia: the first iteration varies fastest, like the rows of a matrix; a filter flattens to a vector.
      if (filter || iters.length === 1) return JArray.vector(out, 'any');
      // Column-major with the first iteration fastest means reordering the nested (outer-first) walk.
      const dims = shape;
      const reordered: Value[] = new Array(out.length);
      const strides = dims.map((_, d) => dims.slice(0, d).reduce((a, b) => a * b, 1));
      const idx = new Array<number>(dims.length).fill(0);
      for (let k = 0; k < out.length; k++) {
        let linear = 0;
        for (let d = 0; d < dims.length; d++) linear += idx[d]! * strides[d]!;
        reordered[linear] = out[k]!;
        for (let d = dims.length - 1; d >= 0; d--) {
          if (++idx[d]! < dims[d]!) break;
          idx[d] = 0;
        }
      }
      return new JArray(dims.slice(), reordered, 'any');
    };
  }

  /** Binds a loop, comprehension or anonymous function's variable (a name, a tuple of names, `(; a, b)`) in a fresh scope. */
  binder(target: A.Pattern): Destructure {
    const bind = destructure(target, declare);
    if (typeof bind === 'string') {
      this.cx.diagnostics.push(diagnostic(this.cx.source, target.span, bind));
      return () => undefined;
    }
    return bind;
  }

  /** The body compiles with the lambda's parameters and assigned names as locals, so they win over globals of the same name. */
  private lambda(e: A.Lambda): Ev {
    if (e.def) return this.nestedFunction(e.def);
    const repeated = repeatedParam(e);
    if (repeated) return this.error(repeated.span, `\`${repeated.name}\` is a parameter of this anonymous function more than once`);
    const cx: CompileContext = { ...this.cx, locals: new Set([...this.cx.locals, ...lambdaLocals(e)]), inAnonymousFunction: true };
    const inner = new ExpressionCompiler(cx, this.globals);
    const body = Array.isArray(e.body) ? blockValue(new StatementCompiler(cx, this.globals).block(e.body, true), e.span) : inner.compile(e.body);
    return lambdaValue(this.lambdaText(e), e.params.map((p) => inner.binder(p)), body);
  }

  /** A function defined inside another with defaults, keywords, a splat or `where`: a closure whose arguments bind as a top-level function's do. */
  private nestedFunction(def: A.FunctionDef): Ev {
    const cx: CompileContext = { ...this.cx, locals: new Set([...this.cx.locals, ...collectLocals(def)]), inAnonymousFunction: true };
    const c = compiledDefinition(def, new StatementCompiler(cx, this.globals));
    const body = blockValue(c.body, def.span);
    return (s, rt) =>
      new JFunction(def.name, (args, kwargs) => {
        if (args.length < c.minArity || args.length > c.maxArity) throw noMethod(def.name, args.length);
        const scope = s.child();
        bindArguments(c, scope, rt, positionalOf(c, args), kwargs);
        return body(scope, rt);
      }, (n) => n >= c.minArity && n <= c.maxArity);
  }

  /** How messages name an anonymous function: as written, or by its first line when it has statements (`do x … end`). */
  private lambdaText(e: A.Lambda): string {
    const text = this.sourceOf(e);
    if (!Array.isArray(e.body)) return text.replace(/\s+/g, ' ');
    const firstLine = text.split('\n', 1)[0]!.replace(/\s+/g, ' ').trim();
    return firstLine === text.trim() ? firstLine : `${firstLine} … end`;
  }

  private curly(e: A.Curly): Ev {
    const target = this.compile(e.target);
    const params = e.params.map((p) => this.typeParam(p));
    return (s, rt) => {
      const v = target(s, rt);
      // `P{Float64}(1.0)`: a type of the file's drops its parameters, as its definition's are (see parseStruct).
      if (v instanceof TypeConstructor) return v;
      const t = namedType(v);
      if (t === undefined) throw new ModelError(`${describe(v)} does not take type parameters`, e.span);
      return new JType(t.name, params.map((p) => p(s, rt)));
    };
  }

  /** A type parameter: a type name, a bound type variable, or something like `<:Real` that only constrains. */
  private typeParam(p: A.Expr): (s: Scope, rt: Runtime) => JType {
    if (p.kind === 'ident' || p.kind === 'curly') {
      const ev = p.kind === 'ident' && !this.cx.locals.has(p.name) && this.globals.get(p.name) === undefined ? () => new JType(p.name) : this.compile(p);
      return (s, rt) => namedType(ev(s, rt)) ?? new JType('Any');
    }
    return () => new JType('Any');
  }
}

const declare = (s: Scope, name: string, v: Value): void => s.declare(name, v);

/**
 * `Float64[]`, `Int[1, 2]`, `Float64[f(x) for x in xs]`: Julia's typed array literal and comprehension, of the
 * element type `type` names (`T[]` starts an empty vector to `push!` into), from the values `evs` in its brackets.
 */
function typedVector(e: A.Index, evs: readonly (Ev | undefined)[]): (type: JType, s: Scope, rt: Runtime) => JArray {
  const [only] = e.indices;
  const collected = evs[0];
  if (e.indices.length === 1 && only?.kind === 'comprehension' && collected) {
    return (type, s, rt) => elementsAs(type, collected(s, rt) as JArray, only.span);
  }
  return (type, s, rt) => {
    const eltype = elementTypeOf(type);
    const items = evs.map((ev, k) => {
      const span = e.indices[k]!.span;
      if (ev === undefined) throw new ModelError(`\`${type.toString()}[:]\` is not an array: a typed array literal lists its elements`, span);
      return at(span, () => convertForStore({ eltype }, ev(s, rt)));
    });
    return JArray.vector(items, eltype);
  };
}

/** The array's elements converted to the element type `type` names, as a typed literal stores them. */
function elementsAs(type: JType, a: JArray, span: A.Expr['span']): JArray {
  const eltype = elementTypeOf(type);
  return new JArray(a.shape.slice(), a.data.map((x) => at(span, () => convertForStore({ eltype }, x!))), eltype);
}

function rangeBound(v: Value, what: string, span: A.Expr['span']): number {
  if (!isReal(v)) throw new ModelError(`a range ${what} must be a number, got ${describe(v)}`, span);
  return realValue(v);
}

function asIndex(v: Value, span: A.Expr['span']): IndexValue {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new ModelError(`an index must be an integer, got ${v}`, span);
    return v;
  }
  if (isReal(v)) throw new ModelError('an index must be an integer, not a parameter-dependent number', span);
  if (typeof v === 'boolean') throw new ModelError('an index must be an integer, got a Bool', span);
  if (v instanceof JRange && v.float) throw new ModelError(`an index must be an integer or a range of integers, got the Float64 range ${floatRangeText(v)} (a bound is not a whole number)`, span);
  // Ranges, arrays, masks and CartesianIndex are checked by getIndex, which knows the target's shape.
  return v as IndexValue;
}

/** A Dict's key, any value: the Dict's getIndex and setIndex take it as written (`lookup["a"]`, `d[1.5]`). */
const keyIndex = (v: Value): IndexValue => v as IndexValue;

/** An Int written as such: `3`, `-1`. */
function isIntegerLiteral(e: A.Expr): boolean {
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && !e.dotted) return isIntegerLiteral(e.operand);
  return e.kind === 'number' && e.isInteger;
}
