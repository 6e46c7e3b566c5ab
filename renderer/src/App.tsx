/** The workbench shell; the editor, selectors, plots and diagnostics arrive with the workbench issue. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Tilde</h1>
      <p>A workbench for Bayesian models written in Turing.jl&apos;s modelling language.</p>
    </main>
  );
}
