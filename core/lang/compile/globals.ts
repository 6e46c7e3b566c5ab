import type { Value } from '../../model/index.js';

/** A top-level constant: its value once its line ran, else why not (`reason`: the first failure it comes from). */
export interface LateConstant {
  value?: Value;
  problem?: string;
  reason?: string;
}

/**
 * Names visible everywhere in a file: the user's functions and models, then built-ins, distribution
 * constructors and constants. Resolved while compiling, so a misspelt name is reported before the
 * model ever runs.
 */
export class Globals {
  private readonly tables: ReadonlyMap<string, Value>[];

  /**
   * @param late Top-level constants of the file: their names are known while functions compile, their
   *   values only once evaluated (they may call the file's functions), so references read them when they run.
   */
  constructor(
    readonly user: Map<string, Value>,
    private readonly library: readonly ReadonlyMap<string, Value>[],
    readonly late = new Map<string, LateConstant>(),
    /** Why a name the file imports from a package Tilde does not load cannot be used, if it is one. */
    readonly unloadedImport: (name: string) => string | undefined = () => undefined,
  ) {
    this.tables = [user, ...library];
  }

  /** The same names and constants with `extra` after the user's: what the file's top-level lines alone may call. */
  withTopLevel(extra: ReadonlyMap<string, Value>): Globals {
    return new Globals(this.user, [extra, ...this.library], this.late, this.unloadedImport);
  }

  get(name: string): Value | undefined {
    for (const t of this.tables) {
      const v = t.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** A built-in, distribution or constant of the library, whatever the file defines under its name. */
  fromLibrary(name: string): Value | undefined {
    for (const t of this.library) {
      const v = t.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  *names(): Iterable<string> {
    for (const t of this.tables) yield* t.keys();
    yield* this.late.keys();
  }
}

/** Modules whose qualified names (`LinearAlgebra.dot`, `Distributions.Normal`) mean the plain name. */
export const KNOWN_MODULES = new Set(['Turing', 'Distributions', 'LinearAlgebra', 'StatsFuns', 'LogExpFunctions', 'Random', 'FillArrays', 'DynamicPPL', 'Bijectors', 'Base', 'SpecialFunctions', 'Statistics', 'StatsBase', 'Distances', 'DifferentialEquations', 'OrdinaryDiffEq', 'DiffEqBase', 'SciMLBase', 'AbstractGPs', 'KernelFunctions']);

/** Their submodules that pasted scripts qualify names with (`Turing.Inference.predict`, `Turing.Core.ForwardDiffAD`). */
export const KNOWN_SUBMODULES = new Set(['Inference', 'Variational', 'Essential', 'Core', 'Optimisation', 'DebugUtils']);
