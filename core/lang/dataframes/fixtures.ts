/** Pasted scripts that load their data as a data frame, with small tables made for the tests (not the real data sets). */

/** Storopoli's linear regression on kidiq, as pasted; ten rows of made-up children. */
export const KIDIQ_SCRIPT = `using Turing, CSV, DataFrames, Statistics
df = CSV.read("kidiq.csv", DataFrame)
X = Matrix(select(df, Not(:kid_score)))
y = df[:, :kid_score]
@model function linreg(X, y; predictors=size(X, 2))
    α ~ Normal(mean(y), 2.5 * std(y))
    β ~ filldist(TDist(3), predictors)
    σ ~ Exponential(1)
    y ~ MvNormal(α .+ X * β, σ^2 * I)
end
model = linreg(X, y)
chain = sample(model, NUTS(), MCMCThreads(), 1000, 4)
`;

export const KIDIQ_CSV = `kid_score,mom_hs,mom_iq,mom_age
65,1,121.1,27
98,1,89.4,25
85,1,115.4,27
83,1,99.4,25
115,1,92.7,27
98,0,107.9,18
69,1,138.9,20
106,1,125.1,23
102,1,81.6,24
95,1,95.1,19
`;

/** Statistical Rethinking's m4.3 as TuringModels.jl writes it: adults only, weight centred on its mean. */
export const HOWELL_SCRIPT = `using Turing, CSV, DataFrames, StatisticalRethinking
df = CSV.read(sr_datadir("Howell1.csv"), DataFrame; delim=';')
df = df[df.age .>= 18, :]
x̄ = mean(df.weight)
@model function m4_3(weight, height)
    a ~ Normal(178, 20)
    b ~ LogNormal(0, 1)
    σ ~ Uniform(0, 50)
    μ = a .+ b .* weight
    height ~ MvNormal(μ, σ)
end
model = m4_3(df.weight .- x̄, df.height)
chn = sample(model, NUTS(), 1000)
`;

export const HOWELL_CSV = `height,weight,age,male
151.765,47.8,63,1
139.7,36.5,63,0
136.525,31.9,65,0
156.845,53.0,41,1
121.92,19.6,12,1
105.41,13.9,8,0
149.225,41.3,20,0
`;

/** Turing's logistic-regression tutorial's data lines (ISLR's Default), its split by MLDataUtils' shuffled `stratifiedobs`. */
export const DEFAULT_DATA = `using Turing, Distributions, RDatasets
using StatsFuns: logistic
using MLDataUtils: shuffleobs, stratifiedobs, rescale!
data = RDatasets.dataset("ISLR", "Default");
data[!, :DefaultNum] = [r.Default == "Yes" ? 1.0 : 0.0 for r in eachrow(data)]
data[!, :StudentNum] = [r.Student == "Yes" ? 1.0 : 0.0 for r in eachrow(data)]
select!(data, Not([:Default, :Student]))
function split_data(df, target; at=0.70)
    shuffled = shuffleobs(df)
    return trainset, testset = stratifiedobs(row -> row[target], shuffled; p=at)
end
features = [:StudentNum, :Balance, :Income]
target = :DefaultNum
all_x = Matrix(data[:, features])
all_y = data[:, target]
trainset, testset = split_data(data, target; at=0.05)
train = Matrix(trainset[:, features])
train_label = trainset[:, target]
`;

/** The lines after its model (tutorial fixture logistic_loop.jl): the model called on the training rows. */
export const DEFAULT_RUN = `n, _ = size(train)
m = logistic_regression(train, train_label, n, 1)
`;

export const DEFAULT_CSV = `Default,Student,Balance,Income
No,No,729.5,44361.6
No,Yes,817.2,12106.1
No,No,1073.6,31767.1
Yes,No,1500.2,31000.1
Yes,Yes,1800.9,15000.2
`;

/** Turing's Poisson-regression tutorial's data lines: a data frame built in the script from drawn counts, no file read. */
export const POISSON_DATA = `using Turing, Distributions, DataFrames
q = 10
nsneeze_data = vcat(rand(Poisson(1), q), rand(Poisson(3), q), rand(Poisson(6), q), rand(Poisson(36), q))
alcohol_data = vcat(zeros(q), ones(q), zeros(q), ones(q))
meds_data = vcat(zeros(q), zeros(q), ones(q), ones(q))
df = DataFrame(;
    nsneeze=nsneeze_data,
    alcohol_taken=alcohol_data,
    nomeds_taken=meds_data,
    product_alcohol_meds=meds_data .* alcohol_data,
)
df[sample(1:nrow(df), 5; replace=false), :]
data = Matrix(df[:, [:alcohol_taken, :nomeds_taken, :product_alcohol_meds]])
data_labels = df[:, :nsneeze]
data = (data .- mean(data; dims=1)) ./ std(data; dims=1)
`;

/** The lines after its model (tutorial fixture poisson_regression.jl). */
export const POISSON_RUN = `n, _ = size(data)
m = poisson_regression(data, data_labels, n, 10)
`;

/** Storopoli's varying-intercept model of the cheese ratings: dummy columns made in a loop, a do-block recoding, `Between`. */
export const CHEESE_SCRIPT = `using Turing, CSV, DataFrames, HTTP, LinearAlgebra
url = "https://raw.githubusercontent.com/storopoli/Bayesian-Julia/master/datasets/cheese.csv"
cheese = CSV.read(HTTP.get(url).body, DataFrame)
describe(cheese)
for c in unique(cheese[:, :cheese])
    cheese[:, "cheese_$c"] = ifelse.(cheese[:, :cheese] .== c, 1, 0)
end
cheese[:, :background_int] = map(cheese[:, :background]) do b
    if b == "rural"
        1
    elseif b == "urban"
        2
    else
        missing
    end
end
first(cheese, 5)
X = Matrix(select(cheese, Between(:cheese_A, :cheese_D)))
y = cheese[:, :y]
idx = cheese[:, :background_int]
@model function varying_intercept(X, idx, y; n_gr=length(unique(idx)), predictors=size(X, 2))
    α ~ Normal(mean(y), 2.5 * std(y))
    β ~ filldist(Normal(0, 2), predictors)
    σ ~ Exponential(std(y))
    τ ~ truncated(Cauchy(0, 2); lower=0)
    αⱼ ~ filldist(Normal(0, τ), n_gr)
    y ~ MvNormal(α .+ αⱼ[idx] .+ X * β, σ^2 * I)
end
model_intercept = varying_intercept(X, idx, y)
chain_intercept = sample(model_intercept, NUTS(), MCMCThreads(), 1_000, 4)
`;

export const CHEESE_CSV = `cheese,rater,background,y
A,1,rural,67
B,1,rural,51
C,1,rural,75
D,1,rural,68
A,2,urban,59
B,2,urban,55
C,2,urban,72
D,2,urban,67
`;

/** Statistical Rethinking's m8.3 as the SR2 Turing notebooks write it: complete cases, derived columns, a mean the model reads. */
export const RUGGED_SCRIPT = `begin
	using CSV
	using DataFrames
	using Turing
end
begin
	rugged = CSV.read(sr_datadir("rugged.csv"), DataFrame)
	dd = rugged[completecases(rugged, :rgdppc_2000),:]
	dd[:,:log_gdp] = log.(dd.rgdppc_2000);
	dd[:,:log_gdp_std] = dd.log_gdp / mean(dd.log_gdp)
	dd[:,:rugged_std] = dd.rugged / maximum(dd.rugged)
	dd[:,:cid] = @. ifelse(dd.cont_africa == 1, 1, 2);
end;
r̄ = mean(dd.rugged_std);
@model function model_m8_3(rugged_std, cid,  log_gdp_std)
    σ ~ Exponential()
    a ~ MvNormal([1, 1], 0.1)
    b ~ MvNormal([0, 0], 0.3)
    μ = @. a[cid] + b[cid] * (rugged_std - r̄)
    log_gdp_std ~ MvNormal(μ, σ)
end
m8_3 = sample(model_m8_3(dd.rugged_std, dd.cid,  dd.log_gdp_std), NUTS(), 1000)
`;

export const RUGGED_CSV = `isocode,country,rugged,cont_africa,rgdppc_2000
AGO,Angola,0.858,1,1794.729
ALB,Albania,3.427,0,3703.113
ARE,United Arab Emirates,0.769,0,20604.46
AFG,Afghanistan,2.518,0,NA
BDI,Burundi,2.054,1,344.6346
`;

/**
 * Turing's linear-regression tutorial's data lines (RDatasets' mtcars), split in order: the tutorial's own
 * `shuffle=true` draws its rows at random, which Tilde refuses rather than give other rows.
 */
export const MTCARS_DATA = `using Turing, FillArrays, RDatasets, MLUtils, StatsBase, LinearAlgebra
data = RDatasets.dataset("datasets", "mtcars")
first(data, 6)
select!(data, Not(:Model))
trainset, testset = map(DataFrame, splitobs(data; at=0.7, shuffle=false))
target = :MPG
train = Matrix(select(trainset, Not(target)))
test = Matrix(select(testset, Not(target)))
train_target = trainset[:, target]
test_target = testset[:, target]
dt_features = fit(ZScoreTransform, train; dims=1)
StatsBase.transform!(dt_features, train)
StatsBase.transform!(dt_features, test)
dt_targets = fit(ZScoreTransform, train_target)
StatsBase.transform!(dt_targets, train_target)
StatsBase.transform!(dt_targets, test_target);
`;

/** The lines after its model (tutorial fixture linreg_tutorial.jl). */
export const MTCARS_RUN = `model = linear_regression(train, train_target)
chain = sample(model, NUTS(), 5_000)
`;

export const MTCARS_CSV = `Model,MPG,Cyl,Disp,HP,WT
Mazda RX4,21,6,160,110,2.62
Datsun 710,22.8,4,108,93,2.32
Hornet 4 Drive,21.4,6,258,110,3.215
Valiant,18.1,6,225,105,3.46
Duster 360,14.3,8,360,245,3.57
Merc 240D,24.4,4,146.7,62,3.19
Merc 230,22.8,4,140.8,95,3.15
Merc 280,19.2,6,167.6,123,3.44
Fiat 128,32.4,4,78.7,66,2.2
Honda Civic,30.4,4,75.7,52,1.615
`;
