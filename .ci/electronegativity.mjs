#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security checker, 1.10.3) over the Electron shell, offline.
 * Prints every finding and exits 1 when one is of HIGH severity (or when a file could not be parsed,
 * since an unparsed file is an unchecked one).
 *
 * Why a wrapper instead of `electronegativity -i …`: the command line always goes to the network
 * before it checks anything. It downloads its translations (src/locales/i18n.js fetches
 * `${i18nSource}/${LANG}.json`, whatever the flags) and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads
 * Electron's release list from GitHub (`-e` does not stop it; on a machine without GitHub it prints
 * "No connectivity?" and silently checks nothing). This script uses the same library modules the
 * command line does (loader → parser → atomic checks → global checks, as dist/runner.js), with the
 * English messages the package ships and the Electron version installed here.
 *
 * Check left out, and why:
 * - AvailableSecurityFixesGlobalCheck: its only input is GitHub's live list of Electron releases, which
 *   a build machine without internet cannot have. Electron is pinned in package.json; keeping it
 *   current with its security releases is part of upgrading dependencies, not of checking our code.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const requireHere = createRequire(import.meta.url);
const toolRoot = dirname(dirname(requireHere.resolve('@doyensec/electronegativity')));
const requireTool = createRequire(join(toolRoot, 'package.json'));

const EXCLUDED_GLOBAL_CHECKS = ['availablesecurityfixesglobalcheck'];
/**
 * By default the Electron shell's sources (main process and preload) and the renderer's page (its CSP
 * meta tag): sources, so the check needs no build and points at lines we wrote. Other paths (a built
 * out/main, say) may be given as arguments.
 */
const inputs = (process.argv.length > 2 ? process.argv.slice(2) : ['electron', 'renderer/index.html']).map((p) => resolve(repo, p));

// The messages the checks print, from the package's own locale files, registered as the global `__` the checks call.
const i18n = requireTool('i18n');
i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(toolRoot, 'dist', 'locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
i18n.setLocale('en-US');

const { LoaderDirectory, LoaderFile } = requireTool('./dist/loader');
const { Parser } = requireTool('./dist/parser');
const { Finder, GlobalChecks, severity } = requireTool('./dist/finder');

const electronVersion = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const started = performance.now();
const parser = new Parser(false, true);
const finder = new Finder([], [], undefined);
const globalChecks = new GlobalChecks([], EXCLUDED_GLOBAL_CHECKS, undefined);

const issues = [];
const unparsed = [];
let files = 0;
for (const input of inputs) {
  if (!existsSync(input)) {
    unparsed.push({ file: relative(repo, input), message: 'does not exist' });
    continue;
  }
  const loader = statSync(input).isDirectory() ? new LoaderDirectory() : new LoaderFile();
  await loader.load(input);
  for (const file of loader.list_files) {
    files++;
    try {
      const [type, data, content, warnings] = parser.parse(file, loader.load_buffer(file));
      if (data === null) continue;
      for (const warning of warnings ?? []) console.warn(`electronegativity: ${relative(repo, file)}: ${warning.message}`);
      issues.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (error) {
      unparsed.push({ file: relative(repo, file), message: error.message });
    }
  }
}

// The second pass weighs the findings together (a CSP found anywhere, a permission handler, navigation limits…).
const findings = (await globalChecks.getResults(issues, true)).filter((i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled));
findings.sort((a, b) => b.severity.value - a.severity.value || a.id.localeCompare(b.id));

for (const f of findings) {
  const where = f.file === 'N/A' ? '(whole app)' : `${relative(repo, f.file)}:${f.location.line}:${f.location.column}`;
  const review = f.manualReview ? ', review required' : '';
  console.log(`${f.severity.name.padEnd(13)} ${f.confidence.name.padEnd(9)} ${f.id}  ${where}${review}\n${' '.repeat(24)}${String(f.description).replace(/\s+/g, ' ')} ${f.shortenedURL}`);
}
for (const u of unparsed) console.log(`UNPARSED      ${u.file}: ${u.message}`);

const high = findings.filter((f) => f.severity.value >= severity.HIGH.value);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `electronegativity: ${files} files, Electron ${electronVersion}, ${finder._enabled_checks.length} atomic and ${globalChecks._enabled_checks.length} global checks, ` +
    `${findings.length} findings (${high.length} HIGH), ${unparsed.length} unparsed, ${seconds} s`,
);
process.exit(high.length > 0 || unparsed.length > 0 ? 1 : 0);
