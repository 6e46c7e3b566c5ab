import type * as A from '../ast.js';
import { JTuple, JType, ModelError, type Value } from '../../model/index.js';
import { typeVariableOf } from './locals.js';
import { closest } from './suggest.js';
import type { Scope } from './scope.js';
import type { StatementCompiler } from './statements.js';
import type { Exec, Ev, Runtime } from './types.js';

/** A function's compiled definition and how a call binds its arguments: the file's functions' and those defined inside one. */

export interface CompiledDef {
  def: A.FunctionDef;
  body: Exec;
  defaults: (Ev | undefined)[];
  kwDefaults: (Ev | undefined)[];
  /** The type variable a nameless `::Type{T} = Float64` parameter binds, per parameter. */
  typeVars: (string | undefined)[];
  /** How many positional arguments it takes, and which parameter is a splat (−1: none): asked at every call. */
  minArity: number;
  maxArity: number;
  splatAt: number;
}

export function minArity(def: A.FunctionDef): number {
  return def.params.filter((p) => p.default === undefined && !p.splat).length;
}

export function maxArity(def: A.FunctionDef): number {
  return def.params.some((p) => p.splat) ? Infinity : def.params.length;
}

/** `def` compiled by `sc`: its defaults are evaluated in the call's scope, after the parameters before them. */
export function compiledDefinition(def: A.FunctionDef, sc: StatementCompiler): CompiledDef {
  return {
    def,
    body: sc.block(def.body, true),
    defaults: def.params.map((p) => (p.default ? sc.expr.compile(p.default) : undefined)),
    kwDefaults: def.kwparams.map((p) => (p.default ? sc.expr.compile(p.default) : undefined)),
    typeVars: def.params.map(typeVariableOf),
    minArity: minArity(def),
    maxArity: maxArity(def),
    splatAt: def.params.findIndex((p) => p.splat),
  };
}

/** Julia's MethodError, as Tilde words it, for a call with `n` positional arguments. */
export function noMethod(name: string, n: number): ModelError {
  return new ModelError(`no method of \`${name}\` takes ${n} argument${n === 1 ? '' : 's'}`, undefined);
}

/** The argument parameter i takes: a splat the rest, as a tuple. */
export function positionalOf(c: CompiledDef, args: readonly Value[]): (i: number) => Value | undefined {
  const splatAt = c.splatAt;
  return (i) => (i === splatAt ? new JTuple(args.slice(i)) : args[i]);
}

/** Binds a call's arguments in a fresh scope: positional (with defaults and splat), keyword, type variables. */
export function bindArguments(c: CompiledDef, scope: Scope, rt: Runtime, positional: (i: number, p: A.Param) => Value | undefined, kwargs: Map<string, Value>): void {
  for (const t of c.def.typeParams) scope.declare(t, new JType('Float64'));
  // Plain loops, and no iterator over an empty keyword map: this runs at every call of a helper function.
  const { params, kwparams } = c.def;
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    let v = positional(i, p);
    if (v === undefined) {
      const d = c.defaults[i];
      if (!d) throw new ModelError(`the argument \`${p.name}\` of \`${c.def.name}\` has no value and no default`, p.span);
      v = d(scope, rt);
    }
    const tv = c.typeVars[i];
    if (tv) scope.declare(tv, v);
    if (p.name) scope.declare(p.name, v);
  }
  for (let i = 0; i < kwparams.length; i++) {
    const p = kwparams[i]!;
    let v = kwargs.get(p.name);
    if (v === undefined) {
      const d = c.kwDefaults[i];
      if (!d) throw new ModelError(`the keyword argument \`${p.name}\` of \`${c.def.name}\` has no value and no default`, p.span);
      v = d(scope, rt);
    }
    scope.declare(p.name, v);
  }
  if (kwargs.size === 0) return;
  for (const k of kwargs.keys()) {
    if (kwparams.some((p) => p.name === k)) continue;
    const names = kwparams.map((p) => p.name);
    const meant = closest(k, names);
    const takes = names.length === 0 ? 'it takes none' : meant ? `did you mean \`${meant}\`?` : `it takes ${names.map((n) => `\`${n}\``).join(', ')}`;
    // No span: the call that passed it gets the error, where Julia's MethodError points, not the definition.
    throw new ModelError(`\`${c.def.name}\` has no keyword argument \`${k}\`: ${takes}`, undefined);
  }
}

export function execute(c: CompiledDef, scope: Scope, rt: Runtime): Value {
  const signal = c.body(scope, rt);
  if (signal?.kind === 'return') return signal.value;
  if (signal) throw new ModelError(`\`${signal.kind}\` outside a loop`, c.def.span);
  return rt.last;
}
