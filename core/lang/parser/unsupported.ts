import type { Token } from '../token.js';

/**
 * Messages for Julia constructs outside the model language, so that pasting them names what is not
 * supported instead of reporting a puzzling "unexpected token".
 */
/** Pasted models catch a DomainError to reject the point (`catch; @addlogprob! -Inf`), which NUTS and HMC do with any error. */
const TRY =
  '`try`/`catch` is not supported: where the model throws at a point NUTS or HMC tries, they reject that point, as `catch; @addlogprob! -Inf` would; keep the `try` block\'s body and delete the rest';

const KEYWORDS: Record<string, string> = {
  // At the top level a struct is the file's type (parser/structs.ts); Julia allows it nowhere else either.
  struct: '`struct` definitions go at the top level of the file, not inside a model or function',
  // At the top level a module's definitions are the file's own (parser/program.ts); Julia allows it nowhere else.
  module: '`module` goes at the top level of the file, not inside a model or function',
  baremodule: '`baremodule` goes at the top level of the file, not inside a model or function',
  macro: '`macro` definitions are not supported',
  quote: '`quote` blocks are not supported',
  try: TRY,
  catch: TRY,
  finally: TRY,
  do: 'a `do` block must follow a call, as in `map(xs) do x … end`',
  global: '`global` is not supported: a model cannot change global variables',
  const: '`const` is only allowed at the top level of the file',
  export: '`export` is not supported',
  using: '`using` is only allowed at the top level of the file',
  import: '`import` is only allowed at the top level of the file',
  function: 'a named `function` cannot be a value: define it at the top level of the file, or write an anonymous `function (x) … end`',
};

const OPERATORS: Record<string, string> = {
  '//': 'rational numbers (`//`) are not supported: write `a / b`',
  '<|': 'the pipe operator `<|` is not supported: write `f(x)`',
  '<<': 'bit shifts are not supported',
  '>>': 'bit shifts are not supported',
  '>>>': 'bit shifts are not supported',
  '×': 'the cross product `×` is not supported',
  '..': '`..` is not an operator: ranges are written `a:b`',
};

const MODEL_INSIDE =
  '`@model` must start a function definition at the top level of the file: define the model there, with what the enclosing code chooses (another model, too) as an argument';

/** Macros whose job is out of reach for a reason of its own, said instead of the list of macros. */
const MACRO_REASONS: ReadonlyMap<string, string> = new Map([
  ['ccall', 'a model cannot call C libraries in Tilde: write the function in the model (`fabs(x)` is `abs(x)`)'],
  ['spawn', 'tasks (`@spawn`, `@async`) are not supported: a model runs on one thread (a `Threads.@threads` loop runs as the plain loop)'],
  ['async', 'tasks (`@spawn`, `@async`) are not supported: a model runs on one thread (a `Threads.@threads` loop runs as the plain loop)'],
  // The `!` forgotten: a typo, not a macro of another package.
  ['addlogprob', 'did you mean `@addlogprob!`, with its `!`?'],
]);

const SUPPORTED_MACROS = 'the only macros are @model, @addlogprob! and @. (performance annotations such as @inbounds and @views are read as what they annotate)';

/** `after` is the token that follows `t`, for two-word constructs (`abstract type`). */
export function unsupportedHint(t: Token, after: Token): string | undefined {
  switch (t.kind) {
    case 'ident':
      return (t.text === 'abstract' || t.text === 'primitive') && after.kind === 'ident' && after.text === 'type'
        ? `\`${t.text} type\` definitions are not supported in models`
        : undefined;
    case 'keyword':
      return KEYWORDS[t.text];
    case 'op':
      return OPERATORS[t.text];
    case 'macro':
      if (t.text === 'model') return MODEL_INSIDE;
      if (t.text === 'addlogprob!') return '`@addlogprob!` must start a statement';
      return t.text === '.' ? undefined : `\`@${t.text}\` is not supported: ${MACRO_REASONS.get(t.text) ?? SUPPORTED_MACROS}`;
    default:
      return undefined;
  }
}
