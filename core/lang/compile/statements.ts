import type * as A from '../ast.js';
import { diagnostic, DataFrame, ModelError, JArray, JDict, JRange, NOTHING, describe, type Value } from '../../model/index.js';
import { binaryOp, broadcastBinary, setIndex, getIndex, iterate, dictGet, dictKeyOf, dictSet } from '../runtime/index.js';
import { at, atIndex, located, test } from './errors.js';
import { ExpressionCompiler } from './expressions.js';
import { TildeCompiler } from './tilde.js';
import type { Globals } from './globals.js';
import type { CompileContext, Exec, Runtime, Signal } from './types.js';
import type { Scope } from './scope.js';
import { floatIndexGuard } from './float-range.js';
import { countLoopNote } from './count-loop.js';
import { createsClosures } from './walk.js';
import { destructure } from './destructure.js';
import { addLogProbValue } from './addlogprob.js';
import { setFrameField, setFrameIndex } from '../dataframes/index.js';

/**
 * Julia would loop forever; a `while` outside a model that has not ended after this many iterations is
 * stopped with its place, so a script's pasted `while true` (whose lines run before any model, in every
 * check) is an error, not a hang. Far beyond any loop that ends: at the interpreter's speed, seconds.
 * A model's own loops are left to the run's cancel and silence timeout, which stop a runaway chain.
 */
const WHILE_LIMIT = 10_000_000;

/** The container behind `x[i] = …`, copied first when it is bound data, so the user's data never changes. */
export function writableArray(s: Scope, name: string, span: A.Expr['span']): JArray {
  return writableValue(s, name, s.get(name, span), span);
}

function writableValue(s: Scope, name: string, v: Value, span: A.Expr['span']): JArray {
  if (!(v instanceof JArray)) throw new ModelError(`cannot assign into \`${name}\`: it is ${describe(v)}, not an array`, span);
  if (!v.frozen) return v;
  const copy = v.copy();
  s.assign(name, copy);
  return copy;
}

export class StatementCompiler {
  readonly expr: ExpressionCompiler;
  private readonly tilde: TildeCompiler;

  constructor(
    private readonly cx: CompileContext,
    globals: Globals,
  ) {
    this.expr = new ExpressionCompiler(cx, globals);
    this.tilde = new TildeCompiler(this.expr, cx);
  }

  /**
   * Statements run in order until one signals. `valued` for a function's body (and the branches in its tail
   * position): its last statement also leaves its value in `rt.last`, Julia's implicit return value.
   */
  block(stmts: A.Stmt[], valued = false): Exec {
    if (valued && stmts.length === 0) return nothing;
    const execs = stmts.map((st, k) => (valued && k === stmts.length - 1 ? this.valued(st) : this.stmt(st)));
    return (s, rt) => {
      for (const ex of execs) {
        const signal = ex(s, rt);
        if (signal) return signal;
      }
      return undefined;
    };
  }

  stmt(st: A.Stmt): Exec {
    switch (st.kind) {
      case 'expr': {
        const ev = this.expr.compile(st.expr);
        if (readsAsRAssignment(this.cx.source, st.expr)) {
          const message = "R's `<-` is no assignment in Julia: this line compares (`x < -…`) and discards the result; write `=`";
          this.cx.diagnostics.push(diagnostic(this.cx.source, st.expr.span, message, 'warning'));
        }
        return (s, rt) => {
          rt.last = ev(s, rt);
          return undefined;
        };
      }
      case 'assign':
        return this.assign(st);
      case 'tilde':
        if (!this.cx.inModel) return this.invalid(st, '`~` statements are only allowed inside an `@model` function');
        if (this.cx.inAnonymousFunction) return this.invalid(st, insideFunction('~'));
        return this.tilde.compile(st);
      case 'deterministic':
        if (!this.cx.inModel) return this.invalid(st, '`:=` is only allowed inside an `@model` function');
        if (this.cx.inAnonymousFunction) return this.invalid(st, insideFunction(':='));
        return this.tilde.deterministic(st);
      case 'addlogprob': {
        if (!this.cx.inModel) return this.invalid(st, '`@addlogprob!` is only allowed inside an `@model` function');
        const ev = this.expr.compile(st.expr);
        return (s, rt) => {
          addLogProbValue(rt.ctx, ev(s, rt), st.span);
          return undefined;
        };
      }
      case 'for':
        return this.forLoop(st);
      case 'while': {
        const cond = this.expr.compile(st.cond);
        const body = this.block(st.body);
        const limit = this.cx.inModel ? Infinity : WHILE_LIMIT;
        return (s, rt) => {
          let iterations = 0;
          while (test(cond(s, rt), st.cond.span)) {
            if (++iterations > limit) throw new ModelError(`this \`while\` loop ran ${'10⁷'} times without its condition turning false: does it ever end?`, st.cond.span);
            const signal = body(s.child(), rt);
            if (signal?.kind === 'break') break;
            if (signal?.kind === 'return') return signal;
          }
          return undefined;
        };
      }
      case 'if':
        return this.ifStmt(st, false);
      case 'block':
        return this.blockStmt(st, false);
      case 'return': {
        const ev = st.value ? this.expr.compile(st.value) : undefined;
        return (s, rt): Signal => ({ kind: 'return', value: ev ? ev(s, rt) : NOTHING });
      }
      case 'break':
        return () => ({ kind: 'break' });
      case 'continue':
        return () => ({ kind: 'continue' });
      case 'local':
        return this.localStmt(st, false);
    }
  }

  /**
   * The last statement of a body, which gives the body's value: an expression or assignment its own, an
   * `if` or `begin` its own last statement's, a loop `nothing`, and so does `@addlogprob!`. `x ~ D` and
   * `x := e` give x, as DynamicPPL makes them: a submodel ending in `z ~ Normal()` returns z to its parent.
   */
  private valued(st: A.Stmt): Exec {
    switch (st.kind) {
      case 'expr':
      case 'return':
      case 'break':
      case 'continue':
        return this.stmt(st);
      case 'assign':
        return this.assign(st, false, true);
      case 'if':
        return this.ifStmt(st, true);
      case 'block':
        return this.blockStmt(st, true);
      case 'local':
        if (st.init) return this.localStmt(st, true);
        break;
      case 'tilde':
      case 'deterministic': {
        const ex = this.stmt(st);
        const left = this.expr.compile(st.kind === 'tilde' ? st.lhs : st.target);
        return (s, rt) => {
          const signal = ex(s, rt);
          rt.last = left(s, rt);
          return signal;
        };
      }
    }
    const ex = this.stmt(st);
    return (s, rt) => {
      const signal = ex(s, rt);
      rt.last = NOTHING;
      return signal;
    };
  }

  private ifStmt(st: A.If, valued: boolean): Exec {
    const branches = st.branches.map((b) => ({ cond: this.expr.compile(b.cond), span: b.cond.span, body: this.block(b.body, valued) }));
    const otherwise = st.otherwise ? this.block(st.otherwise, valued) : valued ? nothing : undefined;
    return (s, rt) => {
      for (const b of branches) if (test(b.cond(s, rt), b.span)) return b.body(s, rt);
      return otherwise ? otherwise(s, rt) : undefined;
    };
  }

  private blockStmt(st: A.Block, valued: boolean): Exec {
    const bindings = st.bindings.map((b) => this.assign(b, true));
    const body = this.block(st.body, valued);
    if (!st.scoped) return body;
    return (s, rt) => {
      const inner = s.child();
      for (const b of bindings) b(inner, rt);
      return body(inner, rt);
    };
  }

  private localStmt(st: A.Local, valued: boolean): Exec {
    const names = st.names.map((n) => n.name);
    const init = st.init ? this.assign(st.init, true, valued) : undefined;
    return (s, rt) => {
      for (const n of names) s.declare(n, undefined);
      return init ? init(s, rt) : undefined;
    };
  }

  private invalid(st: A.Stmt, message: string): Exec {
    this.cx.diagnostics.push(diagnostic(this.cx.source, st.span, message));
    return () => {
      throw new ModelError(message, st.span);
    };
  }

  private forLoop(st: A.For): Exec {
    for (const it of st.iterations) {
      const note = countLoopNote(it, this.cx.source);
      if (note !== undefined) this.cx.diagnostics.push(diagnostic(this.cx.source, it.iter.span, note, 'warning'));
    }
    const iters = st.iterations.map((it, k) => {
      const names = namesBound(it.target);
      const guard = floatIndexGuard(it.target, it.iter, st.body, st.iterations.slice(k + 1).map((later) => later.iter), this.cx.source);
      return { bind: this.expr.binder(it.target), names, iter: this.expr.compile(it.iter), guard, span: it.iter.span };
    });
    const body = this.block(st.body);
    // A closure created in an iteration keeps that iteration's scope: each gets its own, as in Julia.
    const closures = createsClosures([st]);
    const run = (level: number, s: Scope, rt: Runtime): Signal | undefined => {
      const it = iters[level]!;
      let inner = s.child();
      const values = it.iter(s, rt);
      it.guard?.(values);
      for (const x of at(it.span, () => iterate(values))) {
        if (closures) inner = s.child();
        else inner.reset(it.names);
        it.bind(inner, x);
        const signal = level + 1 < iters.length ? run(level + 1, inner, rt) : body(inner, rt);
        if (signal?.kind === 'break') return level + 1 < iters.length ? signal : undefined;
        if (signal?.kind === 'return') return signal;
      }
      return undefined;
    };
    return (s, rt) => {
      const signal = run(0, s, rt);
      return signal?.kind === 'return' ? signal : undefined;
    };
  }

  /**
   * `a = e`, `a += e`, `a .= e`, `x[i] = e`, `n, d = size(X)`, `(; a, b) = nt`; `declare` for `let`/`local`
   * bindings; `valued` when its value (the right side's, or the updated one) is the value of a function's body.
   */
  assign(st: A.Assign, declare = false, valued = false): Exec {
    const rhs = this.expr.compile(st.value);
    const { op, target, span } = st;
    const combine = (old: Value, v: Value): Value => {
      if (op === '') return v;
      if (op === '.') return v;
      if (op.startsWith('.')) return broadcastBinary(op.slice(1), old, v);
      return binaryOp(op, old, v);
    };
    if (target.kind === 'ident') {
      const name = target.name;
      if (op === '.' || op.startsWith('.')) {
        // `a .= e` writes into the existing array.
        return (s, rt) => {
          const v = rhs(s, rt);
          const arr = at(span, () => {
            const arr = writableArray(s, name, target.span);
            setIndex(arr, [fullRange(arr)], combine(arr, v), true);
            return arr;
          });
          if (valued) rt.last = arr;
          return undefined;
        };
      }
      if (name === '_') {
        return (s, rt) => {
          const v = rhs(s, rt);
          if (valued) rt.last = v;
          return undefined;
        };
      }
      return (s, rt) => {
        const v = rhs(s, rt);
        let next = v;
        // `lp += …` in a loop: no closure.
        if (op !== '') {
          try {
            next = combine(s.get(name, target.span), v);
          } catch (e) {
            throw located(e, span);
          }
        }
        if (declare) s.declare(name, next);
        else s.assign(name, next);
        if (valued) rt.last = next;
        return undefined;
      };
    }
    if (target.kind === 'index') {
      if (target.target.kind === 'index') return this.nestedIndexAssign(st, target, combine, valued);
      if (target.target.kind !== 'ident') return this.invalid(st, 'assignment into an index must name the array directly, as in `x[i] = …`');
      const name = target.target.name;
      const idx = this.expr.indices(target.indices);
      const rootSpan = target.target.span;
      const dotted = op === '.' || op.startsWith('.');
      return (s, rt) => {
        const v = rhs(s, rt);
        const written = s.get(name, rootSpan);
        // `df[!, :y] = …`, as a script adds a column to its data frame before the model.
        if (written instanceof DataFrame) {
          at(span, () => {
            const i = idx(written, s, rt);
            setFrameIndex(written, i, op === '' || op === '.' ? v : combine(getIndex(written, i), v), dotted);
          });
          if (valued) rt.last = v;
          return undefined;
        }
        // `lookup[c] = i`, `counts[k] += 1`: a Dict stores under any key; model data is copied first, as an array is.
        if (written instanceof JDict) {
          const d = written.frozen ? written.copy() : written;
          if (d !== written) s.assign(name, d);
          const next = atIndex(span, name, () => {
            const k = dictKeyOf(idx(d, s, rt));
            const stored = op === '' || op === '.' ? v : combine(dictGet(d, k), v);
            dictSet(d, k, stored);
            return stored;
          });
          if (valued) rt.last = next;
          return undefined;
        }
        const arr = writableValue(s, name, written, rootSpan);
        const i = idx(arr, s, rt);
        // Hot (every `μ[i] = …` of a loop): no closure.
        let next: Value;
        try {
          next = op === '' || op === '.' ? v : combine(getIndex(arr, i), v);
          setIndex(arr, i, next, dotted);
        } catch (e) {
          throw located(e, span);
        }
        if (valued) rt.last = next;
        return undefined;
      };
    }
    if (target.kind === 'tuple' || target.kind === 'namedtuple') {
      const bind = op === '' ? destructure(target, declare ? declareName : assignName) : 'destructuring takes `=`, not an updating operator';
      if (typeof bind === 'string') return this.invalid(st, bind);
      return (s, rt) => {
        const v = rhs(s, rt);
        bind(s, v);
        if (valued) rt.last = v;
        return undefined;
      };
    }
    if (target.kind === 'field') {
      const written = this.cx.source.slice(target.span.from, target.span.to);
      const refused = `assigning to a field (\`${written} = …\`) is not supported: a struct's fields, a \`mutable struct\`'s too, are only read in Tilde (make a new one, \`p = Params(…)\`); only a data frame's column is assigned so (\`df.${target.name} = …\`), in the file's top-level lines`;
      const frame = target.target;
      if (this.cx.inModel || frame.kind !== 'ident' || (op !== '' && op !== '.')) return this.invalid(st, refused);
      // `df.log_gdp = log.(df.rgdppc_2000)`: how every Statistical Rethinking script adds a column before its model.
      return (s, rt) => {
        const df = s.get(frame.name, frame.span);
        if (!(df instanceof DataFrame)) throw new ModelError(refused, span);
        const v = rhs(s, rt);
        at(span, () => setFrameField(df, target.name, v, op === '.'));
        if (valued) rt.last = v;
        return undefined;
      };
    }
    return this.invalid(st, 'only names, indexed arrays and tuples of names can be assigned to');
  }

  /**
   * `β[j][k] = …` into a vector of vectors (`β = Vector{Vector}(undef, J)`), as Julia's `setindex!(β[j], v, k)`: the
   * inner array is written in place, a data array copied first (and the copy stored in its container) as a name's is.
   */
  private nestedIndexAssign(st: A.Assign, target: A.Index, combine: (old: Value, v: Value) => Value, valued: boolean): Exec {
    const { op, span } = st;
    const rhs = this.expr.compile(st.value);
    const container = this.writableContainer(target.target);
    if (typeof container === 'string') return this.invalid(st, container);
    const idx = this.expr.indices(target.indices);
    const dotted = op === '.' || op.startsWith('.');
    return (s, rt) => {
      const v = rhs(s, rt);
      const next = at(span, () => {
        const arr = container(s, rt);
        const i = idx(arr, s, rt);
        const written = op === '' || op === '.' ? v : combine(getIndex(arr, i), v);
        setIndex(arr, i, written, dotted);
        return written;
      });
      if (valued) rt.last = next;
      return undefined;
    };
  }

  /** The array `x[i]` (or `x[i][j]` …) names, ready to be written into; a reason when the expression names none. */
  private writableContainer(e: A.Expr): ((s: Scope, rt: Runtime) => JArray) | string {
    if (e.kind === 'ident') return (s) => writableArray(s, e.name, e.span);
    if (e.kind !== 'index') return 'assignment into an index must name the array directly, as in `x[i] = …` or `x[i][k] = …`';
    const outer = this.writableContainer(e.target);
    if (typeof outer === 'string') return outer;
    const idx = this.expr.indices(e.indices);
    const written = this.cx.source.slice(e.span.from, e.span.to);
    return (s, rt) => {
      const parent = outer(s, rt);
      const i = idx(parent, s, rt);
      const inner = getIndex(parent, i);
      if (!(inner instanceof JArray)) throw new ModelError(`cannot assign into \`${written}\`: it is ${describe(inner)}, not an array`, e.span);
      if (!inner.frozen) return inner;
      const copy = inner.copy();
      setIndex(parent, i, copy, false);
      return copy;
    };
  }
}

/** A body whose value is `nothing`: empty, or a branch not taken. */
const nothing: Exec = (_s, rt) => {
  rt.last = NOTHING;
  return undefined;
};

const declareName = (s: Scope, name: string, v: Value): void => s.declare(name, v);
const assignName = (s: Scope, name: string, v: Value): void => s.assign(name, v);

function fullRange(arr: JArray): JRange {
  return new JRange(1, 1, arr.length);
}

/** How many names a loop's target binds: `i` one, `(k, v)` two. */
function namesBound(target: A.Pattern): number {
  if (target.kind === 'ident') return 1;
  if (target.kind === 'tuple') return target.items.reduce((n, item) => n + namesBound(item as A.Pattern), 0);
  return 0;
}

/** `s <- 2` on a line of its own: Julia's `s < -2`, whose value nothing uses, where an R user meant `s = 2`. */
function readsAsRAssignment(source: string, e: A.Expr): boolean {
  if (e.kind !== 'compare' || e.ops.length !== 1 || e.ops[0] !== '<') return false;
  const [left, right] = e.operands;
  return right?.kind === 'unary' && right.op === '-' && left !== undefined && source.slice(left.span.to, right.span.from + 1).trim() === '<-';
}

/** A `~` or `:=` in a function the model defines (named, anonymous or a `do` block), which Turing runs but Tilde does not. */
function insideFunction(op: string): string {
  return `\`${op}\` cannot appear inside a function defined in the model (named, anonymous or a \`do\` block): write its lines in the model's body, a \`for\` loop where it maps over values, or make the function an \`@model\` of its own, called as \`x ~ to_submodel(f())\``;
}
