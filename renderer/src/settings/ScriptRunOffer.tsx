import { useCheckStore } from '../check/index';
import { runsAsScript, useSettingsStore, withScriptRun } from '../document/index';

/** What the pasted script's `sample(…)` line asks for, and a button that makes it the settings. */
export function ScriptRunOffer() {
  const run = useCheckStore((s) => s.report?.scriptRun);
  const settings = useSettingsStore((s) => s.settings);
  const replace = useSettingsStore((s) => s.replace);
  if (!run) return null;
  const inUse = runsAsScript(settings, run);
  return (
    <div className="settings-group script-run" data-testid="script-run">
      <p>
        The script samples with {run.text} <span className="hint">(line {run.line})</span>
      </p>
      {inUse ? (
        <p className="hint" data-testid="script-run-in-use">
          These are the settings below.
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="small" data-testid="script-run-use" onClick={() => replace(withScriptRun(settings, run))}>
            Use the script&apos;s settings
          </button>
        </div>
      )}
    </div>
  );
}
