import { describe, expect, it } from 'vitest';
import { parse } from './index.js';

/** `[line, column, message]` of every error, in source order. */
function errors(source: string): [number, number, string][] {
  const { program, diagnostics } = parse(source);
  const found = diagnostics.filter((d) => d.severity === 'error').map((d): [number, number, string] => [d.line, d.column, d.message]);
  expect(program === undefined).toBe(found.length > 0);
  return found;
}

const model = (body: string) => `@model function m(x)\n${body}\nend\n`;
const MACROS = 'the only macros are @model, @addlogprob! and @. (performance annotations such as @inbounds and @views are read as what they annotate)';
const ALLOWED = 'only Turing, Distributions, LinearAlgebra, StatsFuns, LogExpFunctions, Random, FillArrays, DynamicPPL, Bijectors, Statistics, StatsBase, SpecialFunctions, PDMats, LazyArrays, NNlib, Distances, DifferentialEquations, OrdinaryDiffEq, DiffEqBase, SciMLBase, UnPack, SimpleUnPack, Parameters, AbstractGPs, KernelFunctions, Dates and OrderedCollections may be imported';

describe('unsupported constructs name themselves', () => {
  it.each<[string, string, [number, number, string][]]>([
    ['struct inside a model', model('struct Point\n    x::Float64\nend'), [[2, 1, '`struct` definitions go at the top level of the file, not inside a model or function']]],
    ['abstract type', 'abstract type Shape end', [[1, 1, '`abstract type` definitions are not supported in models']]],
    ['module inside a model', model('module M\nend'), [[2, 1, '`module` goes at the top level of the file, not inside a model or function']]],
    ['macro definitions', 'macro m(x)\n  x\nend', [[1, 1, '`macro` definitions are not supported']]],
    ['other macros', model('@time y = 1'), [[2, 1, `\`@time\` is not supported: ${MACROS}`]]],
    ['macros before a block', model('@time for i in 1:3\n    x[i] ~ Normal()\nend'), [[2, 1, `\`@time\` is not supported: ${MACROS}`]]],
    ['`@addlogprob` without its `!`', model('@addlogprob -0.5 * x^2'), [[2, 1, '`@addlogprob` is not supported: did you mean `@addlogprob!`, with its `!`?']]],
    ['NamedTupleTools\' `@namedtuple` of an expression, not names', model('return @namedtuple(x + 1)'), [[2, 20, '`@namedtuple` takes names: `@namedtuple(a, b)` is `(; a, b)`']]],
    ['a C call (ADTests\' call_C)', model('x_abs = @ccall libc_name.fabs(x::Cdouble)::Cdouble'), [[2, 9, '`@ccall` is not supported: a model cannot call C libraries in Tilde: write the function in the model (`fabs(x)` is `abs(x)`)']]],
    ['a named `function` as a value', model('f = function g(v)\n    v\nend'), [[2, 5, 'a named `function` cannot be a value: define it at the top level of the file, or write an anonymous `function (x) … end`']]],
    ['an anonymous `function` alone at the top level', 'function (v)\n    v\nend', [[1, 10, 'an anonymous `function (x) … end` alone at the top level of the file does nothing: give the function a name']]],
    ['`do` after something other than a call', model('y = x do v\n    v^2\nend'), [[2, 7, 'a `do` block must follow a call, as in `map(xs) do x … end`']]],
    [
      '`do` after a dot call, which Julia does not parse either',
      model('y = f.(xs) do v\n    v^2\nend'),
      [[2, 12, '`f.(xs) do x … end`: Julia has no `do` block for a dot call (it is a syntax error there too): write `map(xs) do x … end`, or `f.(x -> …, xs)`']],
    ],
    ['a `do` parameter that is not a name', model('y = map(x) do v + 1\n    v^2\nend'), [[2, 15, 'the parameters of a `do` block must be names or tuples of names, as in `do x` or `do (i, x)`']]],
    ['`try`', model('try\n    y = 1\ncatch\nend'), [[2, 1, "`try`/`catch` is not supported: where the model throws at a point NUTS or HMC tries, they reject that point, as `catch; @addlogprob! -Inf` would; keep the `try` block's body and delete the rest"]]],
    ['`global`', model('global g = 1'), [[2, 1, '`global` is not supported: a model cannot change global variables']]],
    ['`const` in a function', model('const c = 1'), [[2, 1, '`const` is only allowed at the top level of the file']]],
    ['`using` in a function', model('using Turing'), [[2, 1, '`using` is only allowed at the top level of the file']]],
    ['rationals', model('y = 1 // 2'), [[2, 7, 'rational numbers (`//`) are not supported: write `a / b`']]],
    ['quoted expressions', model('y = eval(:(a + 1))'), [[2, 10, 'quoted expressions (`:(…)`, `:end`) are not supported; a Symbol is written `:name`']]],
    ['`@.` on a loop', model('@. for i in x\n    i\nend'), [[2, 4, 'unexpected `for` — expected an expression, an assignment or a `~` statement after `@.`']]],
    ['`@model` inside a model', model('@model function inner()\nend'), [[2, 1, '`@model` must start a function definition at the top level of the file: define the model there, with what the enclosing code chooses (another model, too) as an argument']]],
    ['`~` in parentheses used as a value', model('t = (x ~ Normal(); 1)'), [[2, 6, '`~` inside parentheses used as a value is not supported: write it as a statement of its own']]],
    ['a repeated named tuple field', model('t = (; a, b = 2, a = 3)'), [[2, 18, 'the field name `a` is repeated in this named tuple']]],
    ['a named tuple field that is not a name', model('t = (x[1] = 1, b = 2)'), [[2, 6, 'a named tuple field name must be a plain name, not `x[1]`']]],
    ['a named tuple element without a name', model('t = (a = 1, 2)'), [[2, 13, '`2` cannot be an element of a named tuple: write `name = value`, a name, or `x.name`']]],
    ['destructuring by field name with a value', model('(; a, b = 1) = x'), [[2, 1, 'destructuring by field name takes plain names, as in `(; a, b) = x`']]],
    ['a slurp before the last name', model('a, rest..., b = x'), [[2, 4, 'only the last name of a destructuring can take the rest, as in `a, rest... = x`']]],
    ['splatting into a named tuple', model('t = (; a = 1, x...)'), [[2, 15, 'splatting into a named tuple (`(; a = 1, x...)`) is not supported: write its fields out']]],
    ['nested comprehension clauses', model('y = [i for i in 1:3 for j in 1:i]'), [[2, 21, 'nested `for` clauses in a comprehension are not supported: write `for i in a, j in b`']]],
    ['a keyword argument that is neither named nor splatted', model('y = f(x; 1 + 2)'), [[2, 10, 'a keyword argument after `;` is `name = value`, `name`, or `collection...`']]],
    ['a repeated keyword argument', model('y = f(x; a = 1, a = 2)'), [[2, 17, 'the keyword argument `a` is given twice: give it once']]],
    [
      '`~` or `return` inside an `if` used as a value',
      model('y = if x > 0\n    z ~ Normal()\nelse\n    return 2\nend'),
      [
        [3, 5, '`~` inside an `if` used as a value is not supported: write the `if` as a statement, assigning the value in it'],
        [5, 5, '`return` inside an `if` used as a value is not supported: write the `if` as a statement, assigning the value in it'],
      ],
    ],
  ])('%s', (_, source, expected) => {
    expect(errors(source)).toEqual(expected);
  });

  it('`using` lines name each package a model could need and Tilde lacks; tooling around the model is a warning', () => {
    const source = 'using Turing, StatsPlots, Flux\nimport Plots\nusing LinearAlgebra: dot, I\nimport LinearAlgebra.norm\nusing Turing: @addlogprob!\nusing Zygote, PDMats, Statistics\nusing RDatasets, Measures, KernelDensity, Printf\nusing MLUtils: splitobs\nusing JLD2, Memoization, NLSolversBase, FlexiChains\nusing NNlib: softmax';
    expect(errors(source)).toEqual([[1, 27, "`using Flux` is not supported: Tilde has no neural-network library: write the network's layers in the model (`h = tanh.(W1 * x .+ b1)`), its weights drawn with `~` (`W1 ~ filldist(Normal(0, σ), 3, 2)`)"]]);
    expect(errors('using Turing, Foo')).toEqual([[1, 15, `\`using Foo\` is not supported: ${ALLOWED} (tooling such as StatsPlots or MCMCChains is ignored); if the model calls nothing of Foo, delete the line`]]);
    expect(parse('using DifferentiationInterface').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', '`using DifferentiationInterface` is ignored: the AD backend is chosen in the workbench or with --ad']]);
    // An occupancy-model repository's `using Turing, DynamicHMC` before a NUTS() sample line was an error.
    expect(parse('using Turing, DynamicHMC').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', '`using DynamicHMC` is ignored: the sampler is chosen in the workbench or with --sampler (NUTS, HMC, MH, Gibbs…)']]);
    // Turing's PG tests mark a model with keyword arguments for Libtask.
    expect(parse('using Libtask: @might_produce').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', "`using Libtask` is ignored: Tilde's PG needs no tasks: `@might_produce` lines are not needed"]]);
    // Storopoli's scripts compare models with ParetoSmooth: the line says where Tilde does it (it once said Tilde did not).
    expect(parse('using ParetoSmooth').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringMatching(/^`using ParetoSmooth` is ignored: Tilde does PSIS-LOO as R's loo does, .*`--waic` for loo's waic/)]]);
    // AbstractGPs and KernelFunctions are Tilde's own now; Stheno's GPs point to them.
    expect(errors('using AbstractGPs, KernelFunctions, Lux').map((e) => e[2])).toEqual([expect.stringMatching(/^`using Lux` is not supported/)]);
    expect(errors('using Stheno')[0]?.[2]).toMatch(/^`using Stheno` is not supported: Tilde's Gaussian processes are AbstractGPs' exact ones: write the GP with `using AbstractGPs`/);
    expect(errors('using HiddenMarkovModels')[0]?.[2]).toMatch(/^`using HiddenMarkovModels` is not supported: Tilde has no hidden-Markov-model library: write the forward algorithm in the model/);
    // A lecture notebook's frequentist comparison cell (lf28/BayesianModelling) stopped the whole notebook.
    expect(parse('using GLM').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringMatching(/^`using GLM` is ignored: its frequentist fits \(`lm`, `glm`\) are not run here/)]]);
    // sir-julia's function-map recipe imports a module from the file it includes; `.` was 'expected a module name'.
    expect(errors('include("generalized_binomial.jl")\nimport .GeneralizedBinomialExt: GeneralizedBinomial')).toEqual([
      [2, 8, '`import .GeneralizedBinomialExt` loads a module the script defines or includes, which Tilde does not read: paste here the definitions the model uses from it'],
    ]);
    // A cognitive-diagnosis script fetches its data from R's CDM package with RCall.
    expect(parse('using RCall').diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', '`using RCall` is ignored: data comes from the data panel or --data (export it from R as CSV or JSON)']]);
    // SciML's docs load OrdinaryDiffEq's sublibraries; the stiff ones say what the whole package's stiff methods say.
    expect(errors('using OrdinaryDiffEqTsit5, OrdinaryDiffEqDefault, OrdinaryDiffEqLowOrderRK')).toEqual([]);
    expect(errors('using OrdinaryDiffEqRosenbrock')[0]?.[2]).toMatch(/^`using OrdinaryDiffEqRosenbrock` is not supported: Tilde's `solve` has explicit Runge–Kutta methods only/);
    // Makowski's CognitiveModels book loads it beside Turing: the error says how to write its two simplest distributions.
    expect(errors('using Turing, SequentialSamplingModels')[0]?.[2]).toMatch(/is not supported: Tilde has no sequential-sampling-model library .* `LocationScale\(τ, 1, LogNormal\(μ, σ\)\)`/);
    const warnings = parse(source)
      .diagnostics.filter((d) => d.severity === 'warning')
      .map((d) => [d.line, d.column, d.message]);
    expect(warnings).toEqual([
      [1, 15, '`using StatsPlots` is ignored: the workbench draws the plots'],
      [2, 8, '`import Plots` is ignored: the workbench draws the plots'],
      [6, 7, '`using Zygote` is ignored: the AD backend is chosen in the workbench or with --ad, and Zygote is not one of them (removed, as in Turing): use forwarddiff or reversediff'],
      [7, 18, '`using Measures` is ignored: the workbench draws the plots'],
      [7, 28, '`using KernelDensity` is ignored: the workbench draws the densities'],
      [7, 43, '`using Printf` is ignored: what a script prints (`@printf`) is not shown here: the workbench reports the run'],
      [9, 7, '`using JLD2` is ignored: data comes from the data panel or --data'],
      [9, 13, '`using Memoization` is ignored: the AD backend is chosen in the workbench or with --ad (reversediff:compile caches the tape)'],
      [9, 26, '`using NLSolversBase` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      [9, 41, '`using FlexiChains` is ignored: the workbench summarises the chains'],
    ]);
  });

  it('`using Base.Threads` (for `@threads :static for …`) is Julia\'s own module: accepted without a word', () => {
    const source = 'using Base.Threads\nimport Base: exp\n@model function m(x)\n    a ~ Normal()\n    @threads :static for i in eachindex(x)\n        x[i] ~ Normal(a)\n    end\nend\n';
    expect(parse(source).diagnostics).toEqual([]);
  });

  it("Storopoli's book preamble (HTTP, CairoMakie…) is warnings, Chain a note (its `@chain` runs on the script's table); DifferentialEquations is loaded (Tilde has its solve), a stiff-solver package is an error", () => {
    const source = 'using DataFrames, CSV, HTTP\nusing CairoMakie, AlgebraOfGraphics\nusing Chain\nusing CategoricalArrays\nusing DifferentialEquations, Sundials';
    expect(errors(source)).toEqual([
      [5, 30, "`using Sundials` is not supported: Tilde's `solve` has explicit Runge–Kutta methods only (Tsit5, DP5, BS3, RK4, Midpoint, Euler), no stiff (implicit) solver: for a non-stiff problem use `Tsit5()`; a stiff one needs tight steps from an explicit method (`Tsit5()` with a larger `maxiters`)"],
    ]);
    const warnings = parse(source)
      .diagnostics.filter((d) => d.severity === 'warning')
      .map((d) => [d.line, d.column, d.message.replace(/: .*/, '')]);
    expect(warnings).toEqual([
      [1, 24, '`using HTTP` is ignored'],
      [2, 7, '`using CairoMakie` is ignored'],
      [2, 19, '`using AlgebraOfGraphics` is ignored'],
    ]);
    expect(parse(source).diagnostics.find((d) => d.line === 3)).toMatchObject({ severity: 'info', message: "`using Chain` loads nothing here: a script's `@chain df begin … end` passes its table through the steps, in its top-level lines" });
  });

  it("a top-level line Tilde cannot read keeps the block it opens (`@chain q begin … end`): its `end` is no stray `end`", () => {
    const source = 'using Turing\n@chain quantile(chain) begin\n    DataFrame\n    select(_, :parameters, names(_, r"%") .=> ByRow(exp); renamecols=false)\nend\n' + model('x ~ Normal()');
    expect(errors(source)).toEqual([]);
    expect(parse(source).program?.definitions.map((d) => d.name)).toEqual(['m']);
  });

  it('a non-standard string literal in a model names itself (`L"…"` in a script line is skipped with the line)', () => {
    expect(errors('f(L"\\phi")\n' + model('x ~ Normal()\ns = b"x$"'))).toEqual([[4, 5, '`b"…"` is a non-standard string literal (Julia\'s `@b_str` macro), which Tilde does not read: a model uses strings only as arguments that ignore them']]);
  });

  it("Statistical Rethinking's script and Pluto preambles (Pkg, DrWatson, Markdown, BSplines…) are warnings, not errors", () => {
    const source = 'using Markdown\nusing InteractiveUtils\nusing Pkg, DrWatson\nusing Turing\nusing BSplines: BSplineBasis, basismatrix';
    expect(errors(source)).toEqual([]);
    const warnings = parse(source)
      .diagnostics.filter((d) => d.severity === 'warning')
      .map((d) => [d.line, d.column, d.message]);
    expect(warnings).toEqual([
      [1, 7, '`using Markdown` is ignored: notebook text is not shown here'],
      [2, 7, '`using InteractiveUtils` is ignored: notebook helpers are not needed here'],
      [3, 7, '`using Pkg` is ignored: packages are not installed or activated here: the model runs as it is'],
      [3, 12, '`using DrWatson` is ignored: packages are not installed or activated here: the model runs as it is'],
      [5, 7, '`using BSplines` is ignored: a spline basis matrix is data: compute it outside and give it in the data panel or --data'],
    ]);
  });

  it('a model defined inside a top-level `let` block (a Pluto cell) is an error naming the block and what to do', () => {
    const source = 'let\n    y = [-1.0, 1.0]\n    @model function m(y)\n        α ~ Normal(0, 1000)\n        y ~ Normal(α, 1)\n    end\n    global chain = sample(m(y), NUTS(), 1000)\nend';
    expect(errors(source)).toEqual([[3, 5, '`@model` inside a top-level `let` block is not read: Tilde reads models written at the top of the file or inside `begin … end`; move the definition, and the lines it reads, out of the `let`']]);
  });
});

describe('syntax errors point at the problem', () => {
  it.each<[string, string, [number, number, string][]]>([
    ['an operand is missing', model('y = (1 + )'), [[2, 10, 'unexpected `)` — expected an expression']]],
    ['an unterminated string', model('println("abc)\ny = 1'), [[2, 9, 'unterminated string literal']]],
    ['an unterminated comment', model('#= never closed'), [[2, 1, 'unterminated comment: `#=` has no matching `=#`']]],
    ['an unknown character', model('y = a ⊗ b'), [[2, 7, 'unexpected character `⊗`']]],
    ['a typographic quote', model('f(“a”)'), [[2, 3, 'typographic quote `“`: use a straight `"` or `\'`'], [2, 5, 'typographic quote `”`: use a straight `"` or `\'`']]],
    ['an unclosed call', model('y = f(a, b\nz = 2'), [[2, 6, 'missing `)` for the `(` opened on line 2']]],
    ['an unclosed array', model('y = [1, 2\nz = 2'), [[2, 5, 'missing `]` for the `[` opened on line 2']]],
    ['an index that runs into its `~`', model('x[1 ~ Normal()'), [[2, 2, 'missing `]` for the `[` opened on line 2']]],
    ['an unclosed call before `end`', model('for i in 1:3\n    x[i] ~ Normal(0,\nend'), [[3, 18, 'missing `)` for the `(` opened on line 3']]],
    ['two statements on a line', model('y = 1 z = 2'), [[2, 7, 'unexpected `z` — expected a new line or `;` before the next statement']]],
    ['a bad left side of `~`', model('f(x) ~ Normal()'), [[2, 1, 'the left side of `~` must be a variable, an indexed variable or a literal']]],
    ['a bad left side of `:=`', model('x + 1 := 2'), [[2, 1, 'the left side of `:=` must be a name or an indexed name']]],
    ['a bad left side of `=`', model('x + 1 = 2'), [[2, 1, 'cannot assign to this: the left side of `=` must be a name, an indexed name, a tuple of names or `(; a, b)`']]],
    ['a bad loop header', model('for i 1:3\nend'), [[2, 7, 'unexpected `1` — expected `in`, `=` or `∈` after the loop variable']]],
    ['mixed array separators', model('y = [1 2, 3]'), [[2, 9, 'an array literal separates its elements either with commas or with spaces and `;`, not both']]],
    ['`else` outside `if`', model('for i in x\nelse\nend'), [[3, 1, 'unexpected `else` inside the `for` loop']]],
    ['a stray `end`', model('y = 1') + 'end\n', [[4, 1, 'unexpected `end`: no block is open here']]],
    ['a misspelled `function`', '@model fuction f(x)\n    x ~ Normal()\nend', [[1, 8, 'unexpected `fuction` — expected `function` after `@model`']]],
    ['2017\'s `@model name begin … end`, once for the whole model', '@model gauss1 begin\n    mu ~ Normal(0, 1)\n    x ~ Normal(mu, 1)\nend', [[1, 8, "`@model gauss1 begin … end` is the model syntax of Turing's first versions (2017), since removed: write `@model function gauss1(data…) … end`, with the data its body reads as arguments"]]],
  ])('%s', (_, source, expected) => {
    expect(errors(source)).toEqual(expected);
  });

  it('a missing `end` is blamed on the block whose indentation says so', () => {
    const source = '@model function m(x)\n    s ~ Exponential()\n    for i in eachindex(x)\n        x[i] ~ Normal(0, s)\n\n    y ~ Normal()\nend\n';
    expect(errors(source)).toEqual([[3, 5, 'missing `end` for the `for` loop opened on line 3']]);
    const ifBlock = '@model function m(x)\n    if x > 0\n        y = 1\n    else\n        y = 2\nend\n';
    expect(errors(ifBlock)).toEqual([[2, 5, 'missing `end` for the `if` block opened on line 2']]);
  });

  it("a block's header line ending in `:` (Python's habit) is named at the colon, not where Julia's range it starts runs into the body", () => {
    const said = (keyword: string) => `Julia's \`${keyword}\` line ends without a \`:\` (Python's ends with one): remove it, and close the block with \`end\``;
    expect(errors(model('    for j in range(J):\n        x[j] ~ Normal(0, 1)\n    end'))).toEqual([[2, 22, said('for')]]);
    expect(errors(model('    k = 0\n    while k < 3:\n        k += 1\n    end'))).toEqual([[3, 16, said('while')]]);
    expect(errors(model('    if x > 0:\n        y = 1\n    elseif x < -1:\n        y = 2\n    end'))).toEqual([
      [2, 13, said('if')],
      [4, 18, said('elseif')],
    ]);
    // A colon inside brackets, or a range's own, is not the habit.
    expect(errors(model('    for j in x[:, 1]\n        y = j\n    end\n    for j in 1:2:9\n        y = j\n    end'))).toEqual([]);
  });

  it("`else if` (two words), whose second `if` lacks an `end`, is named where it is written, not at the block indentation blames", () => {
    const source = '@model function m(y, k)\n    μ ~ Normal(0, 1)\n    if k == 1\n        y ~ Normal(μ, 1)\n    else if k == 2\n        y ~ Normal(μ, 2)\n    end\nend\n';
    expect(errors(source)).toEqual([[5, 5, '`else if` opens a second `if` inside the `else`, which needs an `end` of its own: write `elseif`, in one word']]);
    // Julia accepts it with the second `end`.
    expect(errors(source.replace('    end\nend', '    end\n    end\nend'))).toEqual([]);
  });

  it('a missing `end` at the end of the file is reported once, for the innermost block', () => {
    expect(errors('@model function m(x)\n    for i in x\n        x[i] ~ Normal()\n    end\n')).toEqual([[1, 1, 'missing `end` for `@model function m` opened on line 1']]);
    expect(errors('@model function m(x)\nfor i in x\nx[i] ~ Normal()\n')).toEqual([[2, 1, 'missing `end` for the `for` loop opened on line 2']]);
  });

  it('odd but valid indentation is not taken for a missing `end`', () => {
    expect(errors('@model function m(x)\nfor i in x\n  x[i] ~ Normal()\n      end\nend\n')).toEqual([]);
  });

  it('recovers to report several independent errors, and only those', () => {
    const source = model('y = (1 + )\nz = 2\nw = [1, 2,, 3]\nfor i in 1:3\n    v = i //\nend\nu ~ Normal()');
    expect(errors(source)).toEqual([
      [2, 10, 'unexpected `)` — expected an expression'],
      [4, 11, 'unexpected `,` — expected an expression'],
      [6, 11, 'rational numbers (`//`) are not supported: write `a / b`'],
    ]);
  });

  it('a broken statement inside a loop does not close the loop', () => {
    expect(errors(model('for i in 1:3\n    y = )\n    z = 1\nend\nw = 1'))).toEqual([[3, 9, 'unexpected `)` — expected an expression']]);
  });
});

describe('top-level statements', () => {
  it('are a warning, one per run of them, and the program is still returned; `name = …` lines are kept for the compiler to try as constants', () => {
    const source = 'using Turing\ndisplay(42)\n' + model('x ~ Normal()') + 'model = m(1.0)\nchain = sample(model, NUTS(), 1000; progress = false)\nplot(chain[:m])\n';
    const { program, diagnostics } = parse(source);
    expect(program?.definitions.map((d) => d.name)).toEqual(['m']);
    expect(program?.globals.map((g) => source.slice(g.span.from, g.span.to))).toEqual(['model = m(1.0)', 'chain = sample(model, NUTS(), 1000; progress = false)']);
    expect(diagnostics.map((d) => [d.severity, d.line, d.column, source.slice(d.from, d.to)])).toEqual([
      ['warning', 2, 1, 'display(42)'],
      ['warning', 8, 1, 'plot(chain[:m])'],
    ]);
    expect(diagnostics[0]?.message).toBe('top-level statements are not run: Tilde samples the model itself, with the data you give it (a call of the model in them can supply the data you leave out)');
  });

  it('loops, writes into arrays and `!` calls are kept, in order, for what they do to the constants', () => {
    const source = 'y = zeros(3)\nfor t in 2:3\n    y[t] = y[t-1] + 1\nend\ny[1] = 5\nn = 0\nn += 1\npush!(y, 2)\nwhile n < 3\n    n += 1\nend\n' + model('x ~ Normal()');
    const { program, diagnostics } = parse(source);
    expect(diagnostics).toEqual([]);
    expect(program?.mutations.map((st) => [st.kind, st.span.from < source.indexOf('@model') ? 'before the model' : 'after'])).toEqual([
      ['for', 'before the model'],
      ['assign', 'before the model'],
      ['assign', 'before the model'],
      ['expr', 'before the model'],
      ['while', 'before the model'],
    ]);
  });

  it('`Random.seed!(n)` is kept without a warning: it seeds the data the script draws', () => {
    const source = 'using Random\nRandom.seed!(42)\nseed!(7)\nRandom.seed!(x)\n' + model('x ~ Normal()');
    const { program, diagnostics } = parse(source);
    expect(program?.expressions.length).toBe(3);
    expect(diagnostics.map((d) => [d.severity, d.line, source.slice(d.from, d.to)])).toEqual([['warning', 4, 'Random.seed!(x)']]);
  });

  it('are skipped whole, blocks and all, even when Tilde could not parse them', () => {
    const source = 'if true\n    println(i -> i)\nend\n@time chain = sample(m(), NUTS(), 10)\n' + model('x ~ Normal()') + '"""docstring"""\n';
    const { program, diagnostics } = parse(source);
    expect(program?.definitions.length).toBe(1);
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([['warning', 1]]);
  });
});
