/**
 * `npm run bench`: every section prints its figures as ratios against a baseline measured in the same
 * run (timings on these machines drift between runs, ratios much less).
 */
const sections: { name: string; run: () => Promise<void> }[] = [
  { name: 'csv', run: async () => (await import('./csv.js')).run() },
  { name: 'ad', run: async () => (await import('./ad.js')).run() },
  { name: 'gradients', run: async () => (await import('./stan-baseline.js')).run() },
  { name: 'sampling', run: async () => (await import('./sampling.js')).run() },
  { name: 'diamonds', run: async () => (await import('./diamonds.js')).run() },
  { name: 'streaming', run: async () => (await import('./streaming.js')).run() },
  { name: 'summary', run: async () => (await import('./summary.js')).run() },
];

const only = process.argv[2];
for (const section of sections) {
  if (only && section.name !== only) continue;
  console.log(`\n## ${section.name}\n`);
  await section.run();
}
export {};
