import { Rng } from '../rng/index.js';
import { BoundModel, benchmarkBackends, type BackendBenchmark, type BenchmarkOptions } from '../model/index.js';
import { prepare, type CheckRequest, type Outcome } from './check.js';
import { toDiagnostic } from './compile/index.js';

/** `tilde bench-ad`: every backend timed on the user's own model, at a draw from the prior. */
export function benchmarkModel(req: Pick<CheckRequest, 'source' | 'data' | 'modelName' | 'seed'>, options: BenchmarkOptions = {}): Outcome<BackendBenchmark> {
  const prepared = prepare(req);
  if (!prepared.ok) return prepared;
  const { model, args } = prepared.value;
  try {
    const { bound, prior } = BoundModel.discover(model, args, Rng.seeded(req.seed ?? 1));
    const values = new Map(prior.variables.map((v) => [v.name, Array.from(v.value)]));
    const theta = bound.evaluateAt((vn) => values.get(vn.name)).unconstrained;
    return { ok: true, value: benchmarkBackends(bound, theta, options), warnings: prepared.warnings };
  } catch (e) {
    return { ok: false, diagnostics: [...prepared.warnings, toDiagnostic(req.source, e, model.params[0]?.span ?? { from: 0, to: 0 })] };
  }
}
