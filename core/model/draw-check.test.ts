import { describe, expect, it } from 'vitest';
import { Normal } from '../dist/index.js';
import { Rng } from '../rng/index.js';
import { BoundModel, DrawStreams, ModelError, type Context, type DrawSite, type Model } from './index.js';

const SOURCE = 'x ~ Normal()\nu = rand()\n';
const SITE: DrawSite = { name: 'rand', span: { from: 17, to: 21 } };

/** `x ~ Normal(); u = rand()`, returning u, and with `leaks` adding u to the log density. */
function model(leaks: boolean): Model {
  return {
    name: 'm',
    source: SOURCE,
    params: [],
    run(ctx: Context) {
      ctx.assume({ name: 'x' }, Normal(0, 1), undefined);
      const u = ctx.streamAt(SITE).uniform();
      if (leaks) ctx.addLogProb(u);
      return u;
    },
  };
}

describe("a model's own draws", () => {
  it('come from one stream per site of a key: the same key gives the same values, another key at one site changes that site alone', () => {
    const first = (streams: DrawStreams, from: number) => streams.at({ name: 'rand', span: { from, to: from + 4 } }).uniform();
    const key = Rng.seeded(9);
    expect(first(new DrawStreams(key), 3)).toBe(first(new DrawStreams(key), 3));
    const varied = new DrawStreams(key, { at: 3, key: Rng.seeded(10) });
    expect(first(varied, 3)).not.toBe(first(new DrawStreams(key), 3));
    expect(first(varied, 40)).toBe(first(new DrawStreams(key), 40));
  });

  it('are refused at their site, naming its line, where they reach the log density, and left alone where they do not', () => {
    const args = new Map();
    expect(() => BoundModel.discover(model(false), args, Rng.seeded(1))).not.toThrow();
    try {
      BoundModel.discover(model(true), args, Rng.seeded(1));
      throw new Error('a draw that reaches the log density was not refused');
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      expect(e.span).toEqual(SITE.span);
      expect(e.message).toMatch(/^`rand` on line 2 draws a value that reaches the log density/);
    }
  });

  it('of a kept draw come from the streams given, and a prior draw forks its own from its generator', () => {
    const { bound } = BoundModel.discover(model(false), new Map(), Rng.seeded(1));
    const at = (draws: Rng) => bound.constrain([0.5], draws).generated;
    expect(at(Rng.seeded(3))).toEqual(at(Rng.seeded(3)));
    expect(at(Rng.seeded(3))).not.toEqual(at(Rng.seeded(4)));
    const rng = Rng.seeded(2);
    const one = BoundModel.discover(model(false), new Map(), rng).returned;
    expect(BoundModel.discover(model(false), new Map(), rng).returned).not.toBe(one);
  });
});
