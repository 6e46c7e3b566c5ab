import { isOptimizer, isParticleRun, settingsProblems, useSettingsStore } from '../document/index';
import { NumberField } from '../shared/index';

/** Chains, draws, warm-up and seed; an optimisation has only a seed. */
export function RunSizeFields() {
  const settings = useSettingsStore((s) => s.settings);
  const setSize = useSettingsStore((s) => s.setSize);
  const problems = settingsProblems(settings);
  const optimizing = isOptimizer(settings.sampler);
  // ADVI's warm-up is its optimisation, and its draws are independent, so thinning would only discard them.
  const variational = settings.sampler.sampler === 'advi';
  // SMC and IS: a chain is one run of as many particles as draws, which are its draws.
  const particles = isParticleRun(settings.sampler);
  return (
    <div className="settings-group field-grid">
      {!optimizing && (
        <>
          <NumberField label="Chains" testId="chains-input" min={1} step={1} value={settings.chains} problem={problems.chains} onValue={(v) => setSize('chains', v)} title="One worker process per chain" />
          <NumberField
            label={particles ? 'Particles' : 'Draws'}
            testId="draws-input"
            min={1}
            step={1}
            value={settings.draws}
            problem={problems.draws}
            onValue={(v) => setSize('draws', v)}
            title={particles ? 'Particles per chain: each chain is one run of them, and its draws are the particles resampled by weight' : 'Kept draws per chain'}
          />
          {!particles && (
            <NumberField
              label={variational ? 'Optimisation steps' : 'Warm-up'}
              testId="warmup-input"
              min={0}
              step={1}
              value={settings.warmup}
              problem={problems.warmup}
              onValue={(v) => setSize('warmup', v)}
              title={variational ? 'Gradient steps of the variational fit per chain' : 'Adaptation iterations per chain, not kept'}
            />
          )}
          {!variational && !particles && <NumberField label="Thin" testId="thin-input" min={1} step={1} value={settings.thin ?? 1} problem={problems.thin} onValue={(v) => setSize('thin', v)} title="Keep every k-th iteration: draws × thin iterations run" />}
        </>
      )}
      <NumberField label="Seed" testId="seed-input" min={0} step={1} value={settings.seed} problem={problems.seed} onValue={(v) => setSize('seed', v)} title="The same seed and settings give the same draws" />
    </div>
  );
}
