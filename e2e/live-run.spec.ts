import { test, expect, sampleExample, summariseCsv, summaryTable, type RunChoice } from './support/index.js';

// Long enough (several seconds on two cores, in the warm processes the server keeps from earlier tests' runs too)
// to look at every chain twice while it samples.
const CHOICE: RunChoice = { ad: 'reversediff', sampler: 'nuts', chains: 4, draws: 5000, warmup: 300, seed: 1 };
const COMPARED = ['rhat', 'ess_bulk', 'ess_tail'] as const;

test('a 4-chain reversediff run shows live progress and trace points, and ends with the summary tilde sample gives', async ({ workbench }, testInfo) => {
  await workbench.openExample('eight_schools');
  await workbench.choose(CHOICE);
  await workbench.start();

  // Chains share the cores (four chains on two cores run two at a time), so each chain is watched on its
  // own: while the run goes, every chain must be seen at two different iterations short of its end.
  const total = CHOICE.warmup + CHOICE.draws;
  const seen = Array.from({ length: CHOICE.chains }, () => new Set<number>());
  const looks: number[] = [];
  while ((await workbench.runState()) === 'running') {
    const progress = await workbench.progressAll(CHOICE.chains);
    progress.forEach((p, k) => p.iteration > 0 && p.iteration < total && seen[k]!.add(p.iteration));
    const tracePoints = await workbench.chartPoints('trace');
    // Two screenshots: the first look with points on the trace, then one where the trace has grown.
    if (looks.length === 0 && tracePoints > 0) {
      looks.push(tracePoints);
      await workbench.shot('running-first-look');
    } else if (looks.length === 1 && tracePoints > looks[0]! && (await workbench.runState()) === 'running') {
      looks.push(tracePoints);
      await workbench.shot('running-second-look');
    }
    await workbench.page.waitForTimeout(150);
  }
  testInfo.annotations.push({
    type: 'live progress',
    description: `iterations seen in flight per chain: ${seen.map((s) => s.size).join(', ')}; trace points at the two looks: ${looks.join(' → ')}`,
  });
  seen.forEach((iterations, k) => expect(iterations.size, `distinct iterations of chain ${k + 1} seen while it ran`).toBeGreaterThanOrEqual(2));
  expect(looks.length, 'the trace plot gained points while the run was going').toBe(2);

  expect(await workbench.waitForEnd()).toBe('done');
  await expect(workbench.byTestId('run-status')).toHaveText('Done: 4 chains · NUTS with reversediff');
  for (const p of await workbench.progressAll(CHOICE.chains)) {
    expect(p.phase).toBe('done');
    expect(p.iteration).toBe(CHOICE.warmup + CHOICE.draws);
  }
  await workbench.shot('done');

  const drawsPath = testInfo.outputPath('eight_schools.csv');
  await sampleExample('eight_schools', CHOICE, drawsPath);
  const expected = summaryTable(await summariseCsv(drawsPath));
  for (const parameter of ['μ', 'τ', 'θ̃[1]', 'θ̃[8]']) expect(expected.has(parameter), `tilde summary has ${parameter}`).toBe(true);
  // The table may still be refreshing from the last batches: wait until it holds the final draws' values.
  await expect
    .poll(async () => differences(await workbench.summary(), expected), { timeout: 20_000, message: 'summary-table cells that differ from tilde summary of tilde sample' })
    .toEqual([]);
  await workbench.byTestId('summary-table').scrollIntoViewIfNeeded();
  await workbench.shot('summary');

  // Further quantiles typed as percentages: columns beside 5 % and 95 % with tilde summary --probs's values.
  await workbench.byTestId('summary-quantiles').fill('97.5, 2.5');
  const quantiles = summaryTable(await summariseCsv(drawsPath, '--probs', '0.025,0.975'));
  const shownQuantiles = async () => [...(await workbench.summary())].filter(([p]) => quantiles.has(p) && !p.startsWith('return[')).map(([p, cells]) => [p, cells['q2.5'], cells['q97.5']]);
  const expectedQuantiles = [...quantiles].filter(([p]) => !p.startsWith('return[')).map(([p, row]) => [p, row['q2.5'], row['q97.5']]);
  await expect.poll(shownQuantiles, { timeout: 20_000, message: 'the 2.5 % and 97.5 % columns against tilde summary --probs' }).toEqual(expectedQuantiles);
  const headers = await workbench.byTestId('summary-table').locator('th').allTextContents();
  expect(headers.slice(3, 7)).toEqual(['2.5%', '5%', '95%', '97.5%']);
  await workbench.shot('quantiles');

  // Each chain's sampler: the checks, then its adapted step size, mean acceptance, leapfrog steps a draw and times.
  const perChain = workbench.byTestId('sampler-chains');
  await perChain.scrollIntoViewIfNeeded();
  expect(await perChain.locator('th').allTextContents()).toEqual(['Chain', 'Draws', 'Divergences', 'Max tree depth hits', 'E-BFMI', 'Step size', 'Mean accept stat', 'Steps / draw', 'Time']);
  const accept = await perChain.locator('td[data-column="acceptance"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(accept).toHaveLength(CHOICE.chains);
  for (const a of accept) expect(a, 'a chain’s mean acceptance statistic, adapted towards NUTS’s target 0.8').toBeGreaterThan(0.7);
  await workbench.shot('sampler-per-chain');

  // A vector picked by its name: the intervals plot draws a row for each of its eight elements (two segments and a median each).
  await workbench.byTestId('parameter-select').fill('θ̃');
  await expect(workbench.byTestId('element-select')).toHaveValue('θ̃[1]');
  await expect.poll(() => workbench.chartPoints('intervals'), { message: 'points of the intervals plot of θ̃' }).toBe(8 * (2 * 3 + 1));
  await workbench.byTestId('chart-intervals').scrollIntoViewIfNeeded();
  await workbench.shot('intervals');

  // Sortable: a click on R-hat's header orders the rows by it, a second click the other way round.
  const header = workbench.byTestId('summary-table').locator('th[data-column="rhat"]');
  const rhats = () => workbench.byTestId('summary-row').locator('td[data-column="rhat"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  await header.click();
  const once = await rhats();
  const ascending = [...once].sort((a, b) => a - b);
  expect([ascending, [...ascending].reverse()], 'R-hat column sorted after one click').toContainEqual(once);
  await header.click();
  expect(await rhats()).toEqual([...once].reverse());
});

// Eight schools centred: NUTS diverges in the funnel's neck, where τ is small.
const CENTRED = `@model function eight_schools_centred(J, y, σ)
    μ ~ Normal(0, 5)
    τ ~ truncated(Cauchy(0, 5); lower=0)
    θ ~ filldist(Normal(μ, τ), J)
    for j in 1:J
        y[j] ~ Normal(θ[j], σ[j])
    end
end
`;

test('the parallel-coordinates plot of centred eight schools draws 400 draws and every divergent one', async ({ workbench }) => {
  await workbench.openExample('eight_schools');
  await workbench.replaceSource(CENTRED);
  await workbench.choose({ ad: 'reversediff', sampler: 'nuts', chains: 2, draws: 500, warmup: 300, seed: 1 });
  await workbench.start();
  expect(await workbench.waitForEnd()).toBe('done');
  // The chains table takes the finished chains' information a moment after the run says done (a CI run read it at 0).
  const divergences = async (): Promise<number> => {
    const perChain = await workbench.byTestId('sampler-chains').locator('td[data-column="divergences"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    return perChain.reduce((a, b) => a + b, 0);
  };
  await expect.poll(divergences, { message: 'divergent transitions of the centred parameterisation (seed 1 gives some)' }).toBeGreaterThan(0);
  const divergent = await divergences();
  await expect.poll(() => workbench.chartPoints('parcoord'), { message: 'lines of the parallel-coordinates plot' }).toBe(400 + divergent);
  await workbench.byTestId('chart-parcoord').scrollIntoViewIfNeeded();
  await workbench.shot('parallel-coordinates');
});

/** Compared cells that differ; the model's parameters must all be shown, generated quantities may be left out. */
function differences(shown: Map<string, Record<string, number>>, expected: Map<string, Record<string, number>>): string[] {
  const found: string[] = [];
  for (const [parameter, row] of expected) {
    const cells = shown.get(parameter);
    if (!cells) {
      if (!parameter.startsWith('return[')) found.push(`${parameter}: no row`);
      continue;
    }
    for (const column of COMPARED) if (!Object.is(cells[column], row[column])) found.push(`${parameter} ${column}: ${cells[column]} shown, ${row[column]} from the CLI`);
  }
  return found;
}
