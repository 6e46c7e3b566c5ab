import type * as A from '../ast.js';
import { diagnostic, type Diagnostic } from '../../model/index.js';
import { SUBSTITUTED_SOLVERS } from '../builtins/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/**
 * A warning at each call of a DifferentialEquations method Tilde runs as Tsit5 (`Vern7()`): the solution meets
 * the same tolerances, but the user asked for another method and should know which one ran.
 */
export function substitutedSolverNotes(source: string, program: A.Program): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const visit = (e: A.Expr): void => {
    if (e.kind === 'call' && e.callee.kind === 'ident' && SUBSTITUTED_SOLVERS.includes(e.callee.name)) {
      const message = `\`${e.callee.name}()\` runs as \`Tsit5()\` here (Tilde's explicit methods are Tsit5, DP5, BS3, RK4, Midpoint and Euler): the solution meets the same abstol and reltol`;
      notes.push(diagnostic(source, e.span, message, 'warning'));
    }
    forEachChild(e, visit);
  };
  for (const def of program.definitions) forEachStatementExpr(def.body, visit);
  forEachStatementExpr([...program.globals, ...program.mutations], visit);
  program.expressions.forEach(visit);
  return notes;
}
