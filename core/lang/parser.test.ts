import { describe, expect, it } from 'vitest';
import type { Expr, FunctionDef, Stmt } from './index.js';
import { parse } from './index.js';
import { printExpr, printStmt } from './print.js';
import { TURING_MODELS } from './turing-models.js';

/** The statements of a model whose body is `body`, parsed without errors. */
function statements(body: string): Stmt[] {
  const { program, diagnostics } = parse(`@model function m()\n${body}\nend`);
  expect(diagnostics).toEqual([]);
  return program?.definitions[0]?.body ?? [];
}

const stmt = (source: string): string => statements(source).map(printStmt).join('\n');

function definitions(source: string): FunctionDef[] {
  const { program, diagnostics } = parse(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return program?.definitions ?? [];
}

describe('Turing models parse unchanged', () => {
  for (const [name, source] of Object.entries(TURING_MODELS)) {
    it(name, () => {
      const { program, diagnostics } = parse(source);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(program?.definitions.length).toBeGreaterThan(0);
    });
  }

  it('gdemo: `~` on a name and on an indexed argument inside a loop', () => {
    const [gdemo] = definitions(TURING_MODELS.gdemo ?? '');
    expect(gdemo?.kind).toBe('model');
    expect(gdemo?.params.map((p) => p.name)).toEqual(['x']);
    expect(gdemo?.body.map(printStmt)).toEqual([
      '(~ s² (call InverseGamma 2 3))',
      '(~ m (call Normal 0 (call sqrt s²)))',
      '(for (for i (call eachindex x)) (~ (ref x i) (call Normal m (call sqrt s²))))',
    ]);
  });

  it('gdemo pasted with its script: the `using` line is kept, the script’s assignments are left to the compiler', () => {
    const { program, diagnostics } = parse(TURING_MODELS.gdemo ?? '');
    expect(program?.usings.map((u) => u.modules.map((m) => m.name))).toEqual([['Turing']]);
    expect(program?.globals.map((g) => (g.target.kind === 'ident' ? g.target.name : ''))).toEqual(['model', 'chain']);
    expect(diagnostics).toEqual([]);
  });

  it('linear regression: `return y ~ D` observes y, then returns it', () => {
    const [model] = definitions(TURING_MODELS.linearRegression ?? '');
    expect(model?.body.map(printStmt).at(-1)).toBe('(block (~ y (call MvNormal mu (* σ² I))) (return y))');
  });

  it('keyword parameters and defaults', () => {
    const [, linreg] = definitions(TURING_MODELS.linearRegression ?? '');
    expect(linreg?.params.map((p) => p.name)).toEqual(['X', 'y']);
    expect(linreg?.kwparams.map((p) => [p.name, p.default && printExpr(p.default)])).toEqual([['predictors', '(call size X 2)']]);
    const [predictive] = definitions(TURING_MODELS.predictive ?? '');
    expect(predictive?.params.map((p) => [p.name, p.default && printExpr(p.default)])).toEqual([['x', undefined], ['y', 'missing']]);
    expect(predictive?.kwparams.map((p) => [p.name, p.default && printExpr(p.default)])).toEqual([['σ', '1.0']]);
  });

  it('a nameless `::Type{T}=Float64` parameter keeps its type and has the name ""', () => {
    const [tdemo, vdemo, half] = definitions(TURING_MODELS.typeParameters ?? '');
    expect(tdemo?.params.map((p) => [p.name, p.type && printExpr(p.type), p.default && printExpr(p.default)])).toEqual([
      ['x', undefined, undefined],
      ['', '(curly Type T)', 'Float64'],
    ]);
    expect(tdemo?.typeParams).toEqual(['T']);
    expect(vdemo?.params[1]?.default && printExpr(vdemo.params[1].default)).toBe('(curly Vector Float64)');
    expect(half?.params[0]?.type && printExpr(half.params[0].type)).toBe('(curly AbstractVector (<: Real))');
    expect(half?.typeParams).toEqual(['T']);
  });

  it('JuliaFormatter\'s `(::Type{TV})=Vector{Float64}` is the nameless type parameter, positional or before `;`', () => {
    const source = '@model function gauss2((::Type{TV})=Vector{Float64}; x) where {TV}\n    priors = TV(undef, 2)\nend\n@model function gauss3(x, (::Type{TV})=Vector{Float64}) where {TV}\n    priors = TV(undef, 2)\nend\n';
    const [gauss2, gauss3] = definitions(source);
    expect(gauss2?.params.map((p) => [p.name, p.type && printExpr(p.type), p.default && printExpr(p.default)])).toEqual([['', '(curly Type TV)', '(curly Vector Float64)']]);
    expect(gauss2?.kwparams.map((p) => p.name)).toEqual(['x']);
    expect(gauss3?.params.map((p) => [p.name, p.type && printExpr(p.type)])).toEqual([['x', undefined], ['', '(curly Type TV)']]);
  });

  it('one-line definitions and the old `@model f(x) = begin … end` form', () => {
    const [linreg, sq, clip] = definitions(TURING_MODELS.predictive ?? '');
    expect(linreg?.kind).toBe('model');
    expect([sq?.kind, sq?.name, sq?.body.map(printStmt)]).toEqual(['function', 'sq', ['(^ x 2)']]);
    expect(clip?.params.map((p) => p.name)).toEqual(['x', 'lo', 'hi']);
    const [gdemo] = definitions(TURING_MODELS.oldStyle ?? '');
    expect([gdemo?.kind, gdemo?.name, gdemo?.body.length]).toEqual(['model', 'gdemo', 5]);
  });

  it('Gaussian mixture: Dirichlet weights, an undef vector and a column slice on the left of `~`', () => {
    const [, gmm] = definitions(TURING_MODELS.gaussianMixture ?? '');
    expect(gmm?.body.map(printStmt)).toEqual([
      '(= (tuple D N) (call size x))',
      '(~ μ (call filldist (call Normal 0 5) D K))',
      '(~ w (call Dirichlet K 1.0))',
      '(= z (call (curly Vector Int) undef N))',
      '(for (for i (: 1 N)) (~ (ref z i) (call Categorical w)) (~ (ref x : i) (call MvNormal (ref μ : (ref z i)) I)))',
    ]);
    const tilde = gmm?.body[4]?.kind === 'for' ? gmm.body[4].body[1] : undefined;
    expect(tilde?.kind === 'tilde' && tilde.lhs.kind).toBe('index');
  });

  it('`@.` on `~` and on an expression; `:=`, `@addlogprob!` and submodels', () => {
    const [lin] = definitions(TURING_MODELS.dotMacro ?? '');
    expect(lin?.body.map(printStmt).slice(3)).toEqual([
      '(= μ (.+ α (.* β x)))',
      '(if (cmp y === missing) (block (= y (call (curly Vector Float64) undef (call length x)))))',
      '(.~ y (call. Normal μ σ))',
    ]);
    const [, outer] = definitions(TURING_MODELS.submodel ?? '');
    expect(outer?.body.map(printStmt)).toEqual([
      '(:= b 2)',
      '(~ a (call to_submodel (call inner x)))',
      '(:= c (+ a b))',
      '(~ d (call to_submodel (call inner x) false))',
    ]);
    const [demo] = definitions(TURING_MODELS.addlogprob ?? '');
    expect(demo?.body.map(printStmt).slice(1)).toEqual([
      '(addlogprob (call loglikelihood (call Normal μ) x))',
      '(if (cmp μ < (- 10)) (block (addlogprob (- Inf)) (return nothing)))',
    ]);
  });
});

describe('expressions', () => {
  const expr = (source: string) => stmt(`__ = ${source}`).replace(/^\(= __ ([\s\S]*)\)$/, '$1');

  it.each([
    ['-2^2', '(- (^ 2 2))'],
    ['√s²', '(call sqrt s²)'],
    ['√x^2', '(call sqrt (^ x 2))'],
    ['-√x + ∛y', '(+ (- (call sqrt x)) (call cbrt y))'],
    ['a ⋅ b + c', '(+ (call dot a b) c)'],
    ['x[begin]', '(ref x 1)'],
    ['x[begin+1:end]', '(ref x (: (+ 1 1) end))'],
    ['2^-1', '(^ 2 (- 1))'],
    ['a^b^c', '(^ a (^ b c))'],
    ['-x * y', '(* (- x) y)'],
    ['!a == b', '(cmp (! a) == b)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a + b * c', '(+ a (* b c))'],
    ['a / b \\ c % d ÷ e', '(÷ (% (\\ (/ a b) c) d) e)'],
    ['a:b+1', '(: a (+ b 1))'],
    ['1:2:n-1', '(: 1 2 (- n 1))'],
    ['a < b <= c', '(cmp a < b <= c)'],
    ['a ≤ b ≠ c', '(cmp a ≤ b ≠ c)'],
    ['x === missing || y !== nothing', '(|| (cmp x === missing) (cmp y !== nothing))'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c', '(|| (&& a b) c)'],
    ['c ? a : b', '(? c a b)'],
    ['c ? 1:2 : 3', '(? c (: 1 2) 3)'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['x in s', '(cmp x in s)'],
    ['x ∈ s', '(cmp x ∈ s)'],
    ['x isa Real', '(cmp x isa Real)'],
    ['a .< b .== c', '(cmp a .< b .== c)'],
    ['a .+ b .* c .^ 2', '(.+ a (.* b (.^ c 2)))'],
    ['.-x', '(.- x)'],
    ['a | b & c', '(| a (& b c))'],
    ['2x', '(* 2 x)'],
    ['2π', '(* 2 π)'],
    ['3(x+1)', '(* 3 (+ x 1))'],
    ['2.5σ', '(* 2.5 σ)'],
    ['2x^2', '(* 2 (^ x 2))'],
    ['1/2x', '(/ 1 (* 2 x))'],
    ["x'y", "(* (' x) y)"],
    ["2x'y", "(* (* 2 (' x)) y)"],
    ['(x-1)x', '(* (- x 1) x)'],
    ["inv(Z'Z)Z'y", "(* (* (call inv (* (' Z) Z)) (' Z)) y)"],
    ['x[1]y', '(* (ref x 1) y)'],
    ['f(2) * 2', '(* (call f 2) 2)'],
    ["A'", "(' A)"],
    ["(a + b)'", "(' (+ a b))"],
    ["x''", "(' (' x))"],
    ['x::Float64', '(:: x Float64)'],
    ['f(a, b; k = v)', '(call f a b (kw k v))'],
    ['f(a, k = v)', '(call f a (kw k v))'],
    ['truncated(Normal(0, 1); lower=0)', '(call truncated (call Normal 0 1) (kw lower 0))'],
    ['truncated(D; lower, upper)', '(call truncated D (kw lower lower) (kw upper upper))'],
    ['f.(x, y)', '(call. f x y)'],
    ['a => b', '(call Pair a b)'],
    ['[:a, :b] .=> mean', '(call. Pair (vect :a :b) mean)'],
    ['f(xs...)', '(call f (... xs))'],
    ['f(a)(b)', '(call (call f a) b)'],
    ['x |> f |> g', '(call g (call f x))'],
    ['select(df, Not(:y)) |> Matrix', '(call Matrix (call select df (call Not :y)))'],
    ['1:n |> sum == s', '(cmp (call sum (: 1 n)) == s)'],
    ['x |> v -> v + 1', '(call (-> (tuple v) (+ v 1)) x)'],
    ['sum(x^2 for x in v)', '(call sum (generator (^ x 2) (for x v)))'],
    ['sum(x for x in v if x > 0)', '(call sum (generator x (for x v) (if (cmp x > 0))))'],
    ['[f(i) for i in 1:n if iseven(i)]', '(comprehension (call f i) (for i (: 1 n)) (if (call iseven i)))'],
    ['[i * j for i in 1:n, j in 1:m]', '(comprehension (* i j) (for i (: 1 n)) (for j (: 1 m)))'],
    ['[x for (i, x) in enumerate(v)]', '(comprehension x (for (tuple i x) (call enumerate v)))'],
    ['(x for x in v)', '(generator x (for x v))'],
    ['x[i]', '(ref x i)'],
    ['x[i, j]', '(ref x i j)'],
    ['x[:, j]', '(ref x : j)'],
    ['x[2:end]', '(ref x (: 2 end))'],
    ['x[end]', '(ref x end)'],
    ['x[end-1]', '(ref x (- end 1))'],
    ['x[min(end, 3)]', '(ref x (call min end 3))'],
    ['x[i][j]', '(ref (ref x i) j)'],
    ['cholesky(A).L', '(. (call cholesky A) L)'],
    ['a.x.y', '(. (. a x) y)'],
    ['Vector{Float64}(undef, n)', '(call (curly Vector Float64) undef n)'],
    ['Matrix{T}(undef, n, m)', '(call (curly Matrix T) undef n m)'],
    ['Vector{Union{Missing, Float64}}(undef, n)', '(call (curly Vector (curly Union Missing Float64)) undef n)'],
    ['(a, b)', '(tuple a b)'],
    ['(a,)', '(tuple a)'],
    ['()', '(tuple)'],
    ['(a)', 'a'],
    ['(a = 1, b = x + y)', '(namedtuple (= a 1) (= b (+ x y)))'],
    ['(a = 1,)', '(namedtuple (= a 1))'],
    ['(; μ, σ)', '(namedtuple (= μ μ) (= σ σ))'],
    ['(; a = 1, b)', '(namedtuple (= a 1) (= b b))'],
    ['(; p.a, q = p.b)', '(namedtuple (= a (. p a)) (= q (. p b)))'],
    ['(a = 1, b)', '(namedtuple (= a 1) (= b b))'],
    ['(μ = μ,\n σ = σ,\n yhat = X * β)', '(namedtuple (= μ μ) (= σ σ) (= yhat (* X β)))'],
    ['(;)', '(namedtuple)'],
    // NamedTupleTools' macro, as a review-score model returns its quantities.
    ['@namedtuple(a, b)', '(namedtuple (= a a) (= b b))'],
    ['((a = 1,), (b = 2,))', '(tuple (namedtuple (= a 1)) (namedtuple (= b 2)))'],
    ['f((a = 1,); b = 2)', '(call f (namedtuple (= a 1)) (kw b 2))'],
    ['f(a = 1)', '(call f (kw a 1))'],
    ['typeof(x) <: Real', '(cmp (call typeof x) <: Real)'],
    ['f(if c 1 else 2 end)', '(call f (value (if c (block 1) (else 2))))'],
    ['Integer >: Bool', '(cmp Integer >: Bool)'],
    ['[1, 2, 3]', '(vect 1 2 3)'],
    ['[]', '(vect)'],
    ['[a]', '(vect a)'],
    ['[1 2; 3 4]', '(matrix (row 1 2) (row 3 4))'],
    ['[a b]', '(matrix (row a b))'],
    ['[a; b]', '(matrix (row a) (row b))'],
    ['[1:n;]', '(matrix (row (: 1 n)))'],
    ['[a\n]', '(vect a)'],
    ['[a -b]', '(matrix (row a (- b)))'],
    ['[a - b]', '(vect (- a b))'],
    ['[a-b]', '(vect (- a b))'],
    ['[a -b + c]', '(matrix (row a (+ (- b) c)))'],
    ['[f(x) g(x)]', '(matrix (row (call f x) (call g x)))'],
    ['[f (x)]', '(matrix (row f x))'],
    ["[x' y']", "(matrix (row (' x) (' y)))"],
    ['[(a -b)]', '(vect (- a b))'],
    ['[1.0 0.5\n     0.5 1.0]', '(matrix (row 1.0 0.5) (row 0.5 1.0))'],
    ['[\n  1, 2,\n  3,\n]', '(vect 1 2 3)'],
    ['[x[1] x[2]]', '(matrix (row (ref x 1) (ref x 2)))'],
    ['Float64[1 2; 3 4]', '(typed_matrix Float64 (row 1 2) (row 3 4))'],
    ['Int[1 2 3]', '(typed_matrix Int (row 1 2 3))'],
    ['Float64[a; b]', '(typed_matrix Float64 (row a) (row b))'],
    ['Float64[1 -2]', '(typed_matrix Float64 (row 1 (- 2)))'],
    ['Float64[[1, 2] [3, 4]]', '(typed_matrix Float64 (row (vect 1 2) (vect 3 4)))'],
    ['Float64[1.0 0.5\n     0.5 1.0]', '(typed_matrix Float64 (row 1.0 0.5) (row 0.5 1.0))'],
    ['Vector{Float64}[a b]', '(typed_matrix (curly Vector Float64) (row a b))'],
    ['Float64[1, -2]', '(ref Float64 1 (- 2))'],
    ['x[i - 1, j]', '(ref x (- i 1) j)'],
    ['x[\n  i,\n  j]', '(ref x i j)'],
    ['f(a,\n  b)', '(call f a b)'],
    ['a +\n  b', '(+ a b)'],
    ['1e-3 + 2. + .5 + 1_000', '(+ (+ (+ 0.001 2.0) 0.5) 1000)'],
    ['0x1F', '31'],
    ['Inf', 'Inf'],
    ['NaN', 'NaN'],
    ['true', 'true'],
    ['nothing', 'nothing'],
    ['"a\\tb"', '"a\\tb"'],
    ['"μ = $μ, n = $(n + 1)!"', '(string "μ = " μ ", n = " (+ n 1) "!")'],
    ['"$x$(f("in)ner"))"', '(string x (call f "in)ner"))'],
    ['"cost: \\$5"', '"cost: $5"'],
    ['\x22\x22\x22$(a)\n b\x22\x22\x22', '(string a "\\n b")'],
    ['"""doc "quoted" """', '"doc \\"quoted\\" "'],
    ["'U'", "'U'"],
    ["'\\n'", "'\n'"],
    ['s² + x₁ + θ̃ + x̄', '(+ (+ (+ s² x₁) θ̃) x̄)'],
    ['push!(v, 1)', '(call push! v 1)'],
    ['@. a + b * f(x)', '(.+ a (.* b (call. f x)))'],
    ['@. a + $(f(x + y))', '(.+ a ($ (call f (+ x y))))'],
    ['@. $f(x) + 1', '(.+ (call ($ f) x) 1)'],
    ['@.(a + b) * c', '(* (.+ a b) c)'],
    ['@. x < y', '(cmp x .< y)'],
    ['@. -x', '(.- x)'],
    ['a ≈ b ≉ c', '(cmp a ≈ b ≉ c)'],
    ['a .≈ b', '(cmp a .≈ b)'],
    ['findfirst(==(2.0), x)', '(call findfirst (call == 2.0) x)'],
    ['count(>=(0), x) + count(<(1), x)', '(+ (call count (call >= 0) x) (call count (call < 1) x))'],
    ['filter(∈(s), x)', '(call filter (call ∈ s) x)'],
    ['in(a, s) && isa(a, Real)', '(&& (call in a s) (call isa a Real))'],
    ['*(a, b, c)', '(call * a b c)'],
    ['-(a, b)', '(call - a b)'],
    ['-(a)^2', '(- (^ a 2))'],
    ['- (a, b)', '(- (tuple a b))'],
    ['a == (b)', '(cmp a == b)'],
    ['0 => v', '(call Pair 0 v)'],
    ['diagm(1 => v, -1 => w)', '(call diagm (call Pair 1 v) (call Pair (- 1) w))'],
    ['a => b => c', '(call Pair a (call Pair b c))'],
    ['x -> x => 1', '(-> (tuple x) (call Pair x 1))'],
    ['[1 => a, 2 => b]', '(vect (call Pair 1 a) (call Pair 2 b))'],
  ])('%s', (source, expected) => {
    expect(expr(source)).toBe(expected);
  });

  it('reads the number kinds', () => {
    const [s] = statements('__ = (1, 1.0, 2., 1e3, 0x10)');
    const items = s?.kind === 'assign' && s.value.kind === 'tuple' ? s.value.items : [];
    expect(items.map((e) => e.kind === 'number' && [e.value, e.isInteger])).toEqual([[1, true], [1, false], [2, false], [1000, false], [16, true]]);
  });
});

describe('statements', () => {
  it.each([
    ['a = e', '(= a e)'],
    ['a += 1; b -= 1; c *= 2; d /= 2; e ^= 2', '(+= a 1)\n(-= b 1)\n(*= c 2)\n(/= d 2)\n(^= e 2)'],
    ['a .= e', '(.= a e)'],
    ['a .+= 1', '(.+= a 1)'],
    ['n, d = size(X)', '(= (tuple n d) (call size X))'],
    ['(a, b) = f(x)', '(= (tuple a b) (call f x))'],
    ['a, b = b, a', '(= (tuple a b) (tuple b a))'],
    ['x[i] = e', '(= (ref x i) e)'],
    ['x[i, j] = e', '(= (ref x i j) e)'],
    ['x::Float64 = 0.0', '(= x 0.0)'],
    ['s.a = 1', '(= (. s a) 1)'],
    ['x ~ Normal()', '(~ x (call Normal))'],
    ['x .~ Normal()', '(.~ x (call Normal))'],
    ['x[4:5] ~ Dirichlet(2, 1.0)', '(~ (ref x (: 4 5)) (call Dirichlet 2 1.0))'],
    ['y[:, i] ~ MvNormal(μ, I)', '(~ (ref y : i) (call MvNormal μ I))'],
    ['1.5 ~ Normal(m, 1)', '(~ 1.5 (call Normal m 1))'],
    ['-1 ~ Normal(m, 1)', '(~ (- 1) (call Normal m 1))'],
    ['[1.5, 2.0] ~ MvNormal(μ, I)', '(~ (vect 1.5 2.0) (call MvNormal μ I))'],
    ['y ~ MvNormal(α .+ X * β, σ^2 * I)', '(~ y (call MvNormal (.+ α (* X β)) (* (^ σ 2) I)))'],
    ['y .~ BernoulliLogit.(α .+ X * β)', '(.~ y (call. BernoulliLogit (.+ α (* X β))))'],
    ['x := 2a', '(:= x (* 2 a))'],
    ['x[i] := 2a', '(:= (ref x i) (* 2 a))'],
    ['@addlogprob! -0.5 * x^2', '(addlogprob (* (- 0.5) (^ x 2)))'],
    ['@addlogprob!(sum(x))', '(addlogprob (call sum x))'],
    ['Turing.@addlogprob! x', '(addlogprob x)'],
    ['@. y = a + b', '(.= y (.+ a b))'],
    ['@. y += a', '(.+= y a)'],
    ['@. x ~ Normal(μ, σ)', '(.~ x (call. Normal μ σ))'],
    ['@inbounds for i in 1:n\n  y[i] ~ Normal()\nend', '(for (for i (: 1 n)) (~ (ref y i) (call Normal)))'],
    ['@simd for i in 1:n\n  s += x[i]\nend', '(for (for i (: 1 n)) (+= s (ref x i)))'],
    ['Threads.@threads for i in eachindex(x)\n  x[i] ~ Normal(a)\nend', '(for (for i (call eachindex x)) (~ (ref x i) (call Normal a)))'],
    ['@threads :static for i in 1:n\n  x[i] ~ Normal(a)\nend', '(for (for i (: 1 n)) (~ (ref x i) (call Normal a)))'],
    ['@views y ~ MvNormal(X[:, 1], I)', '(~ y (call MvNormal (ref X : 1) I))'],
    ['s = @inbounds x[i] + 1', '(= s (+ (ref x i) 1))'],
    ['v = @view X[i, :]', '(= v (ref X i :))'],
    ['v = dot(@view(X[i, :]), β)', '(= v (call dot (ref X i :) β))'],
    ['v = view(X, i, :)', '(= v (ref X i :))'],
    ['@assert x > 0', '(if (! (cmp x > 0)) (block (call throw (call AssertionError "x > 0"))))'],
    ['@assert length(x) == n "x must have n elements"', '(if (! (cmp (call length x) == n)) (block (call throw (call AssertionError "x must have n elements"))))'],
    ['@assert(x > 0, "positive")', '(if (! (cmp x > 0)) (block (call throw (call AssertionError "positive"))))'],
    ['y ~ arraydist(LazyArray(@~ BernoulliLogit.(α .+ X * β)))', '(~ y (call arraydist (call LazyArray (call. BernoulliLogit (.+ α (* X β))))))'],
    ['for v in iter\n  f(v)\nend', '(for (for v iter) (call f v))'],
    ['for i = 1:n\nend', '(for (for i (: 1 n)))'],
    ['for i ∈ x\nend', '(for (for i x))'],
    ['for i in 1:n, j in 1:m\nend', '(for (for i (: 1 n)) (for j (: 1 m)))'],
    ['for (i, x) in enumerate(v)\nend', '(for (for (tuple i x) (call enumerate v)))'],
    ['for i in 1:3 x[i] = 0 end', '(for (for i (: 1 3)) (= (ref x i) 0))'],
    ['while x < 3; x += 1; end', '(while (cmp x < 3) (+= x 1))'],
    ['if a\n  b\nelseif c\n  d\nelse\n  e\nend', '(if a (block b) c (block d) (else e))'],
    ['if x > 0 y = 1 else y = 2 end', '(if (cmp x > 0) (block (= y 1)) (else (= y 2)))'],
    ['begin\n  a\n  b\nend', '(block a b)'],
    ['let a = 1, b\n  a + b\nend', '(let ((= a 1) (= b b)) (+ a b))'],
    ['let\n  a = 1\nend', '(let () (= a 1))'],
    ['return', '(return)'],
    ['return x', '(return x)'],
    ['return a, b', '(return (tuple a b))'],
    ['return (; μ, σ)', '(return (namedtuple (= μ μ) (= σ σ)))'],
    ['return x = exp(y / 2) * z', '(block (= x (* (call exp (/ y 2)) z)) (return x))'],
    ['for i in 1:3\n  i > 2 && break\n  i < 0 || continue\nend', '(for (for i (: 1 3)) (if (cmp i > 2) (block (break))) (if (! (cmp i < 0)) (block (continue))))'],
    ['x < 0 && return -Inf', '(if (cmp x < 0) (block (return (- Inf))))'],
    ['a && b && return', '(if (&& a b) (block (return)))'],
    ['local x', '(local x)'],
    ['local x, y', '(local x y)'],
    ['local x = 1', '(local x (= x 1))'],
    ['local x::Float64 = 1', '(local x (= x 1))'],
    ['a; b', 'a\nb'],
    ['"a string statement"', '"a string statement"'],
  ])('%s', (source, expected) => {
    expect(stmt(source)).toBe(expected);
  });
});

describe('printing while the model runs', () => {
  it('is read to the end of its line and dropped with a warning', () => {
    const { program, diagnostics } = parse('@model function m(x)\n    @show x (1, 2)\n    println("x = ", x)\n    y = 1\nend');
    expect(program?.definitions[0]?.body.map(printStmt)).toEqual(['(block)', '(block)', '(= y 1)']);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 5, 'warning', '`@show` prints nothing in Tilde: ignored'],
      [3, 5, 'warning', '`println(…)` prints nothing in Tilde: ignored'],
    ]);
  });

  it('an unclosed bracket in a print line ends with the line, even at the end of the file', () => {
    const { diagnostics } = parse('@model function m(x)\n    println("x = ", (x\n    y = 1\nend\nprintln((');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('spans', () => {
  const text = (source: string, e: { span: { from: number; to: number } } | undefined) => (e ? source.slice(e.span.from, e.span.to) : undefined);

  it('point at the text of each construct', () => {
    const source = 'using Turing\n@model function f(x, ::Type{T}=Float64) where {T}\n    y[i, :] ~ MvNormal((a + b) * c, σ^2 * I)\nend\n';
    const { program } = parse(source);
    const def = program?.definitions[0];
    expect(text(source, def)).toBe(source.slice(13, -1));
    expect(def && source.slice(def.nameSpan.from, def.nameSpan.to)).toBe('f');
    expect(text(source, def?.params[1])).toBe('::Type{T}=Float64');
    expect(text(source, program?.usings[0])).toBe('using Turing');
    const tilde = def?.body[0];
    expect(text(source, tilde)).toBe('y[i, :] ~ MvNormal((a + b) * c, σ^2 * I)');
    if (tilde?.kind !== 'tilde' || tilde.rhs.kind !== 'call') throw new Error('expected a tilde on a call');
    expect(text(source, tilde.lhs)).toBe('y[i, :]');
    const [mean, cov] = tilde.rhs.args as [Expr, Expr];
    expect(text(source, mean)).toBe('(a + b) * c');
    expect(mean.kind === 'binary' && text(source, mean.left)).toBe('a + b');
    expect(text(source, cov)).toBe('σ^2 * I');
  });

  it('cover chained comparisons, ranges, comprehensions, tuples, `@.` and unary minus', () => {
    for (const value of ['a < b <= c', '1:2:n', '[f(i) for i in 1:n]', 'n, d', "x'", '-2^2', 'f.(x)[1]']) {
      const source = `@model function m()\n    __ = ${value}\nend`;
      const s = parse(source).program?.definitions[0]?.body[0];
      expect(s?.kind === 'assign' && text(source, s.value)).toBe(value);
    }
    const dotted = '@model function m()\n    __ = @. a + b\nend';
    const s = parse(dotted).program?.definitions[0]?.body[0];
    expect(s?.kind === 'assign' && text(dotted, s.value)).toBe('a + b');
  });
});
