import type { Using } from '../ast.js';
import type { Parser } from './state.js';

/** The packages whose functions Tilde provides; importing them is accepted and changes nothing. */
const ALLOWED = ['Turing', 'Distributions', 'LinearAlgebra', 'StatsFuns', 'LogExpFunctions', 'Random', 'FillArrays'];
const ALLOWED_LIST = `${ALLOWED.slice(0, -1).join(', ')} and ${ALLOWED.at(-1) ?? ''}`;

/** `using A, B`, `using A: f, @m`, `import A.f`; every other package is an error naming it. */
export function parseUsing(p: Parser): Using {
  const keyword = p.next();
  const modules: Using['modules'] = [];
  for (;;) {
    const name = p.peek();
    if (name.kind !== 'ident') p.unexpected('a module name');
    p.next();
    while (p.atPunct('.') && p.peek(1).kind === 'ident') {
      p.next();
      p.next();
    }
    modules.push({ name: name.text, span: p.span(name.from) });
    if (p.atOp(':')) {
      p.next();
      parseImportedNames(p);
      break;
    }
    if (!p.atPunct(',')) break;
    p.next();
    p.skipNewlines();
  }
  for (const m of modules) {
    if (!ALLOWED.includes(m.name)) p.error(m.span, `\`${keyword.text} ${m.name}\` is not supported: only ${ALLOWED_LIST} may be imported`);
  }
  return { kind: 'using', modules, span: p.span(keyword.from) };
}

function parseImportedNames(p: Parser): void {
  for (;;) {
    p.skipNewlines();
    const t = p.peek();
    if (t.kind !== 'ident' && t.kind !== 'op' && t.kind !== 'macro') p.unexpected('a name to import');
    p.next();
    if (!p.atPunct(',')) return;
    p.next();
  }
}
