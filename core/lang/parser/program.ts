import type { Assign, Expr, FunctionDef, Program } from '../ast.js';
import { isSampleCall, nameOf, seedOf } from '../calls.js';
import { scriptToolNote } from '../script-tools.js';
import { diagnostic, type Diagnostic, type Span } from '../../model/index.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { endsStatement, expectStatementEnd } from './blocks.js';
import { moduleOfName, oneLineDefinitionAhead, parseFunction, parseOneLineDefinition } from './definitions.js';
import { isTransparentMacro, peekMacro, takeMacro } from './macros.js';
import type { Parser } from './state.js';
import { parseStatement } from './statements.js';
import { addStruct, parseStruct } from './structs.js';
import { openerAt } from './structure.js';
import { parseUsing } from './usings.js';

const IGNORED = 'top-level statements are not run: Tilde samples the model itself, with the data you give it (a call of the model in them can supply the data you leave out)';

/**
 * A file: definitions and `using` lines. Users paste whole tutorial scripts, so any other
 * statement (`plot(chain)`) is skipped with one warning per run of them.
 */
export function parseProgram(p: Parser): Program {
  const program: Program = { definitions: [], structs: [], usings: [], globals: [], expressions: [], mutations: [], unread: [] };
  parseItems(p, program, () => p.peek().kind === 'eof');
  return program;
}

/** Top-level items up to `done`, with one warning per run of statements skipped. */
function parseItems(p: Parser, program: Program, done: () => boolean): void {
  let warning: Diagnostic | undefined;
  for (p.skipSeparators(); !done(); p.skipSeparators()) {
    const ignored = parseTopLevel(p, program);
    if (!ignored) {
      warning = undefined;
    } else if (warning) {
      warning.to = ignored.to;
    } else {
      warning = diagnostic(p.source, ignored, IGNORED, 'warning');
      p.diagnostics.push(warning);
    }
  }
}

/**
 * A top-level `begin … end` opens no scope in Julia: its lines are the file's own (constants, loops, even
 * `@model` definitions), as in the Pluto notebooks that wrap each cell of several lines in one.
 */
function parseTopLevelBlock(p: Parser, program: Program): undefined {
  p.attempt(() =>
    p.nest(() => {
      const open = p.next();
      parseItems(p, program, () => p.atKeyword('end') || p.peek().kind === 'eof');
      if (p.atKeyword('end')) p.next();
      else p.missingEnd({ token: open, what: 'the `begin` block' });
    }),
  );
  return undefined;
}

/**
 * Research code wraps its file in `module TuringPBPK … end`: the definitions inside are the file's own, as a top-level
 * `begin` block's are, and its `export` lines only name what a `using` of the module would see.
 */
function parseTopLevelModule(p: Parser, program: Program): undefined {
  p.attempt(() =>
    p.nest(() => {
      const open = p.next();
      if (p.peek().kind === 'ident') p.next();
      else p.fail(p.peek(), `unexpected ${p.describe(p.peek())} — expected the module's name`);
      parseItems(p, program, () => p.atKeyword('end') || p.peek().kind === 'eof');
      if (p.atKeyword('end')) p.next();
      else p.missingEnd({ token: open, what: 'the `module`' });
    }),
  );
  return undefined;
}

/** Parses one top-level item; returns the span of a statement it skipped. */
function parseTopLevel(p: Parser, program: Program): Span | undefined {
  const t = p.peek();
  // A plain function's errors wait for the compiler (see `Program.unread`); a model's are always the user's.
  const define = (parse: () => FunctionDef, name?: Token): undefined => {
    const reported = p.diagnostics.length;
    const defined = p.attempt(() => {
      const def = parse();
      expectStatementEnd(p);
      return def;
    });
    if (name === undefined || !holdBack(p, program, reported, name)) {
      if (defined) program.definitions.push(defined);
    }
    return undefined;
  };
  const macro = peekMacro(p);
  if (macro && isTransparentMacro(macro, true)) {
    takeMacro(p, macro);
    return parseTopLevel(p, program);
  }
  // Base's `@kwdef struct` (Parameters.jl's `@with_kw`): fields with defaults, made by keyword (`Params(a = 2.0)`).
  if (macro && KEYWORD_STRUCTS.has(macro.token.text) && isStruct(p, p.peek(macro.length))) {
    takeMacro(p, macro);
    const def = p.attempt(() => parseStruct(p, true));
    if (def) addStruct(p, program.structs, def);
    return undefined;
  }
  if (macro?.token.text === 'model') {
    return define(() => {
      takeMacro(p, macro);
      if (oneLineDefinitionAhead(p)) return parseOneLineDefinition(p, 'model', t);
      if (!p.atKeyword('function')) {
        // `@model fuction f(x)`: say so, and read the definition anyway, so that its body and `end` cause no more errors.
        const typo = p.peek();
        if (typo.kind === 'ident' && isKeyword(p.peek(1), 'begin')) p.fail(typo, oldModelSyntax(typo.text));
        const message = `unexpected ${p.describe(typo)} — expected \`function\` after \`@model\``;
        if (typo.kind === 'newline' || typo.kind === 'eof') p.fail(typo, message);
        p.error(typo, message);
        if (typo.kind !== 'ident' || p.peek(1).kind !== 'ident') return parseFunction(p, 'model', t);
      }
      p.next();
      return parseFunction(p, 'model', t);
    });
  }
  if (isKeyword(t, 'function')) {
    return define(() => {
      p.next();
      return parseFunction(p, 'function', t);
    }, p.peek(1 + (p.peek(1).kind === 'ident' && isPunct(p.peek(2), '.') ? 2 : 0)));
  }
  if (oneLineDefinitionAhead(p)) return define(() => parseOneLineDefinition(p, 'function', t), p.peek(moduleOfName(p)));
  if (isKeyword(t, 'begin')) return parseTopLevelBlock(p, program);
  if (isKeyword(t, 'module', 'baremodule')) return parseTopLevelModule(p, program);
  if (isKeyword(t, 'export')) {
    while (!endsStatement(p.peek())) p.next();
    return undefined;
  }
  // `const prior_sd = 10.0`: a global that keeps its type, which changes nothing here; the constant is the assignment.
  if (isKeyword(t, 'const')) {
    p.next();
    return parseTopLevel(p, program);
  }
  if (isKeyword(t, 'using', 'import')) {
    p.attempt(() => {
      program.usings.push(parseUsing(p));
      expectStatementEnd(p);
    });
    return undefined;
  }
  if (isKeyword(t, 'end', 'else', 'elseif', 'catch', 'finally')) {
    p.next();
    p.error(t, `unexpected \`${t.text}\`: no block is open here`);
    return undefined;
  }
  if (isRejectedDefinition(p, t)) {
    if (isStruct(p, t)) {
      const def = p.attempt(() => parseStruct(p));
      if (def) addStruct(p, program.structs, def);
    } else p.attempt(() => parseStatement(p));
    return undefined;
  }
  if (t.kind === 'string' && endsStatement(p.peek(1))) {
    // A docstring.
    p.next();
    return undefined;
  }
  return skipStatement(p, program);
}

/**
 * Moves the errors reported since `reported` out of the file's diagnostics into `Program.unread` under `name`, when
 * there are any: the definition is then not the file's (a call of it fails with why).
 */
function holdBack(p: Parser, program: Program, reported: number, name: Token): boolean {
  if (name.kind !== 'ident') return false;
  const own = p.diagnostics.slice(reported);
  const errors = own.filter((d) => d.severity === 'error');
  // A function that defines a model inside (a factory) is where the user's model is: its errors are theirs.
  if (errors.length === 0 || modelInside(p, name.from) !== undefined) return false;
  p.diagnostics.length = reported;
  p.diagnostics.push(...own.filter((d) => d.severity !== 'error'));
  program.unread.push({ name: name.text, nameSpan: { from: name.from, to: name.to }, errors });
  return true;
}

/** `struct`, `module`, `macro` and type definitions are errors even at the top level: a model may depend on them. */
function isRejectedDefinition(p: Parser, t: Token): boolean {
  if (isKeyword(t, 'struct', 'macro')) return true;
  if (t.kind === 'ident' && t.text === 'mutable') return isKeyword(p.peek(1), 'struct');
  return t.kind === 'ident' && openerAt(p.tokens, p.pos);
}

const KEYWORD_STRUCTS: ReadonlySet<string> = new Set(['kwdef', 'with_kw']);

/** `struct Params`, `mutable struct Params`, `struct CustomUniform <: ContinuousUnivariateDistribution`: a type of the file's. */
function isStruct(p: Parser, t: Token): boolean {
  return isKeyword(t, 'struct') || (t.kind === 'ident' && t.text === 'mutable' && isKeyword(p.peek(1), 'struct'));
}

/** `push!(y, v)`, `fill!(x, 0)`: a call that changes its argument, as a script's data-making lines do (not `Random.seed!`). */
function callsMutatingFunction(e: Expr): boolean {
  const name = nameOf(e);
  return e.kind === 'call' && !e.broadcast && name !== undefined && name.endsWith('!') && name !== 'seed!';
}

/**
 * A top-level statement: a plain `name = expr` (or `x, y = expr`) is kept for the compiler to try as a constant, a
 * `sample(…)` line for the run settings it gives (the compiler says what it makes of it), and a loop, a write
 * into an array or a `!` call for what it does to the constants; anything else is parsed only to find where it
 * ends (its own errors do not matter since it never runs).
 */
function skipStatement(p: Parser, program: Program): Span | undefined {
  const from = p.peek().from;
  let kept = false;
  let broken: string | undefined;
  let tool: { note: string; span: Span } | undefined;
  // `model = condition(m(), @varname(x[1]) => 1)` that does not parse would still be a constant the script uses: say why.
  const assigns = p.peek().kind === 'ident' && isOp(p.peek(1), '=');
  p.quietly(() => {
    const reported = p.diagnostics.length;
    const parsed = p.attempt(() => {
      const st = parseStatement(p);
      expectStatementEnd(p);
      tool = st.kind === 'expr' ? toolCall(st.expr, program) : undefined;
      if (tool !== undefined) return true;
      const error = p.diagnostics.slice(reported).find((d) => d.severity === 'error')?.message;
      if (error !== undefined) {
        // Kept with a part skipped (a loop whose body has a line Tilde cannot read), it would run without that part.
        const wouldRun = st.kind === 'for' || st.kind === 'while' || st.kind === 'assign' || (st.kind === 'expr' && callsMutatingFunction(st.expr));
        if (wouldRun) broken = error;
        return true;
      }
      if (st.kind === 'assign' && st.op === '' && (st.target.kind === 'ident' || st.target.kind === 'tuple' || st.target.kind === 'namedtuple')) {
        keepConstant(program, st);
        kept = true;
      } else if (st.kind === 'expr') {
        program.expressions.push(st.expr);
        kept = isSampleCall(st.expr) || seedOf(st.expr) !== undefined;
        if (callsMutatingFunction(st.expr)) {
          program.mutations.push(st);
          kept = true;
        }
      } else if (st.kind === 'for' || st.kind === 'while' || st.kind === 'assign') {
        program.mutations.push(st);
        kept = true;
      }
      return true;
    });
    if (parsed === undefined && assigns) broken = p.diagnostics.slice(reported).find((d) => d.severity === 'error')?.message;
  });
  const foreign = foreignModel(p, from);
  if (foreign !== undefined) {
    p.diagnostics.push(diagnostic(p.source, p.span(from), `\`${foreign}.@model\` defines a model of ${foreign}, another probabilistic language: Tilde reads Turing's \`@model\`, and does not run this line`, 'warning'));
    return undefined;
  }
  const nested = modelInside(p, from);
  if (nested !== undefined) {
    const block = p.tokens.find((t) => t.from === from)?.text ?? 'statement';
    p.error(nested, `\`@model\` inside a top-level \`${block}\` block is not read: Tilde reads models written at the top of the file or inside \`begin … end\`; move the definition, and the lines it reads, out of the \`${block}\``);
  }
  if (broken !== undefined) {
    p.diagnostics.push(diagnostic(p.source, p.span(from), `this top-level statement is not run: ${broken}`, 'warning'));
    return undefined;
  }
  if (tool !== undefined) {
    p.diagnostics.push(diagnostic(p.source, tool.span, tool.note, 'warning'));
    return undefined;
  }
  return kept ? undefined : p.span(from);
}

/**
 * `a = b = c` (or `a = (b = c)`) makes two constants, as in Julia: `b = c`, then `a = b`. The inner line takes the
 * whole line's place, so that it runs first (top-level lines run in the order of their places) and its messages point there.
 */
function keepConstant(program: Program, st: Assign): void {
  const v = st.value;
  const inner = v.kind === 'blockvalue' && v.block.kind === 'block' && !v.block.scoped && v.block.body.length === 1 ? v.block.body[0] : undefined;
  if (inner?.kind !== 'assign' || inner.op !== '' || inner.target.kind !== 'ident') {
    program.globals.push(st);
    return;
  }
  keepConstant(program, { ...inner, span: st.span });
  program.globals.push({ ...st, value: inner.target });
}

/** `@model gauss1 begin … end`, pasted from a 2017 issue: the model read its data from globals then. */
function oldModelSyntax(name: string): string {
  return `\`@model ${name} begin … end\` is the model syntax of Turing's first versions (2017), since removed: write \`@model function ${name}(data…) … end\`, with the data its body reads as arguments`;
}

/** The modules whose `@model` is Turing's: `Turing.@model`, `DynamicPPL.@model`. */
const TURING_MODULES: ReadonlySet<string> = new Set(['Turing', 'DynamicPPL']);

/**
 * The module of another language's `@model` in the statement skipped from offset `from`: ArviZ's quickstart defines
 * the same model with `Soss.@model (J, σ) begin … end` beside Turing's.
 */
function foreignModel(p: Parser, from: number): string | undefined {
  const to = p.span(from).to;
  const at = p.tokens.findIndex((t) => t.from >= from && t.to <= to && t.kind === 'macro' && t.text === 'model');
  const [module, dot] = at >= 2 ? [p.tokens[at - 2]!, p.tokens[at - 1]!] : [];
  return module?.kind === 'ident' && module.from >= from && dot !== undefined && isPunct(dot, '.') && !TURING_MODULES.has(module.text) ? module.text : undefined;
}

/** The first `@model` of the statement skipped from offset `from` (a Pluto cell's `let … end` defining one). */
function modelInside(p: Parser, from: number): Token | undefined {
  const to = p.span(from).to;
  return p.tokens.find((t) => t.from >= from && t.to <= to && t.kind === 'macro' && t.text === 'model');
}

/** A line such as `predict(model, chain)` or `DynamicPPL.check_model(m)`: a Turing function Tilde does outside the script, unless the file defines its own. */
function toolCall(e: Expr, program: Program): { note: string; span: Span } | undefined {
  const name = e.kind === 'call' && !isSampleCall(e) ? nameOf(e) : undefined;
  if (name === undefined || program.definitions.some((d) => d.name === name)) return undefined;
  const note = scriptToolNote(name);
  return note === undefined ? undefined : { note, span: e.span };
}
