import { describe, expect, it } from 'vitest';
import { locationText } from './index.js';

describe('locationText', () => {
  it('shows a location far from 0 to two significant digits of its sd', () => {
    expect(locationText(99999999.9999977, 1.005e-4)).toBe('100000000.00000');
    expect(locationText(99999999.9998316, 1.005e-4)).toBe('99999999.99983');
    expect(locationText(-123456.789, 0.5)).toBe('-123456.79');
  });

  it('leaves to four significant digits what they show, and a value without a finite positive sd', () => {
    expect(locationText(2.3456, 0.5)).toBeUndefined();
    expect(locationText(1.5e8, 2e7)).toBeUndefined();
    for (const sd of [0, NaN, Infinity]) expect(locationText(1e8 + 0.1, sd)).toBeUndefined();
  });

  it('stops at fifteen significant digits, the double’s rounding beyond', () => {
    expect(locationText(1e10 + 1e-6, 1e-9)).toBe((1e10 + 1e-6).toFixed(4));
    expect(locationText(3e16, 1)).toBe((3e16).toPrecision(15));
  });
});
