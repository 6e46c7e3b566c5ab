import type * as A from '../ast.js';
import { JArray, JNamedTuple, describe, type Value } from '../../model/index.js';
import { value, isAD } from '../../ad/index.js';
import { nameOf } from '../calls.js';
import { resolved, type ScriptScope } from './script-sampler.js';

/** Initial values by parameter name, as `tilde sample --init` and the workbench's field take them. */
export type InitialParams = Record<string, number | number[] | number[][]>;

/** What a `sample(…)` line's `initial_params` gives the run: values, or a note on why it gives none. */
export interface ReadInitial {
  init?: InitialParams;
  note?: string;
}

/** The note for a start Tilde does not take from the line, saying why and how to give one it does. */
const notRead = (key: string, why: string): ReadInitial => ({
  note:
    `Tilde does not read \`${key}\` (${why}): each chain starts at a random point of (−2, 2) on the unconstrained scale, as Turing does by default; ` +
    'to start elsewhere, write `InitFromParams((; σ = 1.0, β = [0.0, 1.0]))` as Turing 0.41 does, or give the values by name to `tilde sample --init \'{"σ": 1, "β": [0, 1]}\'`; ' +
    'where none of those has a finite log density (data outside a support the prior puts far away), bound the prior there (`truncated(…; lower = …)`) or reparameterise',
});

/**
 * Turing 0.41's strategies: `InitFromParams(p[, fallback])` (p a named tuple), `InitFromUniform()`,
 * `InitFromPrior()`, one for every chain (`fill(s, n)`), or the named tuple itself, which Turing still
 * wraps in `InitFromParams`. A vector of values, read by DynamicPPL's internal order before 0.41, is refused there.
 */
export function readInitialParams(e: A.Expr, key: string, scope: ScriptScope): ReadInitial {
  const at = resolved(e, scope);
  const fn = at.kind === 'call' ? nameOf(at) : undefined;
  if (at.kind === 'call' && fn === 'fill' && at.args.length === 2) return readInitialParams(at.args[0]!, key, scope);
  if (at.kind === 'array' && at.items.length > 0 && at.items.every((item) => isStrategy(resolved(item, scope)))) {
    const texts = new Set(at.items.map((item) => scope.source.slice(item.span.from, item.span.to)));
    if (texts.size === 1) return readInitialParams(at.items[0]!, key, scope);
    return notRead(key, 'a strategy per chain');
  }
  if (at.kind === 'call' && fn !== undefined && isStrategy(at)) {
    if (fn.endsWith('InitFromUniform')) {
      return at.args.length === 0 ? {} : notRead(key, "`InitFromUniform`'s bounds");
    }
    if (fn.endsWith('InitFromPrior')) return notRead(key, '`InitFromPrior()` draws the start from the prior');
    const params = at.args[0];
    return params === undefined ? notRead(key, '`InitFromParams` without values') : valuesOf(params, key, scope);
  }
  return valuesOf(at, key, scope);
}

function isStrategy(e: A.Expr): boolean {
  const fn = e.kind === 'call' ? nameOf(e) : undefined;
  return fn !== undefined && /(^|\.)InitFrom(Params|Prior|Uniform)$/.test(fn);
}

function valuesOf(e: A.Expr, key: string, scope: ScriptScope): ReadInitial {
  const result = scope.evaluate(e);
  if ('problem' in result) return notRead(key, result.problem);
  const v = result.value;
  if (v instanceof JArray) return notRead(key, "Turing 0.41 and later refuse a vector of values, whose order was DynamicPPL's internals");
  if (!(v instanceof JNamedTuple)) return notRead(key, `it is ${describe(v)}, not values by name`);
  const init: InitialParams = {};
  for (const [name, x] of v.entries) {
    const plain = plainValue(x);
    if (plain === undefined) return notRead(key, `the value of \`${name}\` is ${describe(x)}, not numbers`);
    init[name] = plain;
  }
  return { init };
}

function plainNumber(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  return isAD(v) ? value(v) : undefined;
}

/** A number, a vector, or a matrix by rows (as the `--init` JSON writes one). */
function plainValue(v: Value): number | number[] | number[][] | undefined {
  const n = plainNumber(v);
  if (n !== undefined) return n;
  if (!(v instanceof JArray) || v.ndims > 2) return undefined;
  const data = v.data.map(plainNumber);
  if (data.some((x) => x === undefined)) return undefined;
  const numbers = data as number[];
  if (v.ndims === 1) return numbers;
  const [rows, cols] = v.shape as [number, number];
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => numbers[i + j * rows]!));
}
