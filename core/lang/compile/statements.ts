import type * as A from '../ast.js';
import { diagnostic, ModelError, JArray, JRange, NOTHING, describe, type Value } from '../../model/index.js';
import { binaryOp, broadcastBinary, setIndex, getIndex, iterate, toReal } from '../runtime/index.js';
import { at, test } from './errors.js';
import { ExpressionCompiler } from './expressions.js';
import { TildeCompiler } from './tilde.js';
import type { Globals } from './globals.js';
import type { CompileContext, Exec, Runtime, Signal } from './types.js';
import type { Scope } from './scope.js';
import { createsClosures } from './walk.js';

/** The container behind `x[i] = …`, copied first when it is bound data, so the user's data never changes. */
export function writableArray(s: Scope, name: string, span: A.Expr['span']): JArray {
  const v = s.get(name, span);
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
    this.tilde = new TildeCompiler(this.expr);
  }

  block(stmts: A.Stmt[]): Exec {
    const execs = stmts.map((st) => this.stmt(st));
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
        return (s, rt) => {
          rt.last = ev(s, rt);
          return undefined;
        };
      }
      case 'assign':
        return this.assign(st);
      case 'tilde':
        if (!this.cx.inModel) return this.invalid(st, '`~` statements are only allowed inside an `@model` function');
        return this.tilde.compile(st);
      case 'deterministic':
        if (!this.cx.inModel) return this.invalid(st, '`:=` is only allowed inside an `@model` function');
        return this.tilde.deterministic(st);
      case 'addlogprob': {
        if (!this.cx.inModel) return this.invalid(st, '`@addlogprob!` is only allowed inside an `@model` function');
        const ev = this.expr.compile(st.expr);
        return (s, rt) => {
          const v = ev(s, rt);
          rt.ctx.addLogProb(at(st.span, () => toReal(v, '@addlogprob!')));
          return undefined;
        };
      }
      case 'for':
        return this.forLoop(st);
      case 'while': {
        const cond = this.expr.compile(st.cond);
        const body = this.block(st.body);
        return (s, rt) => {
          while (test(cond(s, rt), st.cond.span)) {
            const signal = body(s.child(), rt);
            if (signal?.kind === 'break') break;
            if (signal?.kind === 'return') return signal;
          }
          return undefined;
        };
      }
      case 'if': {
        const branches = st.branches.map((b) => ({ cond: this.expr.compile(b.cond), span: b.cond.span, body: this.block(b.body) }));
        const otherwise = st.otherwise ? this.block(st.otherwise) : undefined;
        return (s, rt) => {
          for (const b of branches) if (test(b.cond(s, rt), b.span)) return b.body(s, rt);
          return otherwise ? otherwise(s, rt) : undefined;
        };
      }
      case 'block': {
        const bindings = st.bindings.map((b) => this.assign(b, true));
        const body = this.block(st.body);
        if (!st.scoped) return body;
        return (s, rt) => {
          const inner = s.child();
          for (const b of bindings) b(inner, rt);
          return body(inner, rt);
        };
      }
      case 'return': {
        const ev = st.value ? this.expr.compile(st.value) : undefined;
        return (s, rt): Signal => ({ kind: 'return', value: ev ? ev(s, rt) : NOTHING });
      }
      case 'break':
        return () => ({ kind: 'break' });
      case 'continue':
        return () => ({ kind: 'continue' });
      case 'local': {
        const names = st.names.map((n) => n.name);
        const init = st.init ? this.assign(st.init, true) : undefined;
        return (s, rt) => {
          for (const n of names) s.declare(n, undefined);
          return init ? init(s, rt) : undefined;
        };
      }
    }
  }

  private invalid(st: A.Stmt, message: string): Exec {
    this.cx.diagnostics.push(diagnostic(this.cx.source, st.span, message));
    return () => {
      throw new ModelError(message, st.span);
    };
  }

  private forLoop(st: A.For): Exec {
    const iters = st.iterations.map((it) => ({ bind: this.expr.binder(it.target), names: namesBound(it.target), iter: this.expr.compile(it.iter), span: it.iter.span }));
    const body = this.block(st.body);
    // A closure created in an iteration keeps that iteration's scope: each gets its own, as in Julia.
    const closures = createsClosures([st]);
    const run = (level: number, s: Scope, rt: Runtime): Signal | undefined => {
      const it = iters[level]!;
      let inner = s.child();
      for (const x of at(it.span, () => iterate(it.iter(s, rt)))) {
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

  /** `a = e`, `a += e`, `a .= e`, `x[i] = e`, `n, d = size(X)`; `declare` for `let`/`local` bindings. */
  assign(st: A.Assign, declare = false): Exec {
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
          at(span, () => {
            const arr = writableArray(s, name, target.span);
            setIndex(arr, [fullRange(arr)], combine(arr, v), true);
          });
          return undefined;
        };
      }
      return (s, rt) => {
        const v = rhs(s, rt);
        const next = op === '' ? v : at(span, () => combine(s.get(name, target.span), v));
        if (declare) s.declare(name, next);
        else s.assign(name, next);
        return undefined;
      };
    }
    if (target.kind === 'index') {
      if (target.target.kind !== 'ident') return this.invalid(st, 'assignment into an index must name the array directly, as in `x[i] = …`');
      const name = target.target.name;
      const idx = this.expr.indices(target.indices);
      const rootSpan = target.target.span;
      const dotted = op === '.' || op.startsWith('.');
      return (s, rt) => {
        const v = rhs(s, rt);
        const arr = writableArray(s, name, rootSpan);
        const i = idx(arr, s, rt);
        at(span, () => {
          const next = op === '' || op === '.' ? v : combine(getIndex(arr, i), v);
          setIndex(arr, i, next, dotted);
        });
        return undefined;
      };
    }
    if (target.kind === 'tuple') {
      const names = target.items.map((item) => (item.kind === 'ident' ? item.name : undefined));
      if (names.some((n) => n === undefined) || op !== '') return this.invalid(st, 'destructuring assigns to plain names only, as in `n, d = size(X)`');
      return (s, rt) => {
        const v = rhs(s, rt);
        const items = [...at(span, () => iterate(v))];
        if (items.length < names.length) throw new ModelError(`cannot unpack ${describe(v)} into ${names.length} names`, span);
        names.forEach((n, k) => (declare ? s.declare(n!, items[k]!) : s.assign(n!, items[k]!)));
        return undefined;
      };
    }
    return this.invalid(st, 'only names, indexed arrays and tuples of names can be assigned to');
  }
}

function fullRange(arr: JArray): JRange {
  return new JRange(1, 1, arr.length);
}

/** How many names a loop's target binds: `i` one, `(k, v)` two. */
function namesBound(target: A.Pattern): number {
  if (target.kind === 'ident') return 1;
  if (target.kind === 'tuple') return target.items.reduce((n, item) => n + namesBound(item as A.Pattern), 0);
  return 0;
}
