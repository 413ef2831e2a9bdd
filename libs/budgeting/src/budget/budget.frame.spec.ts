import { describe, it, expect } from '@jest/globals';
import { splitByWeights } from './budget.frame.js';

describe('splitByWeights', () => {
  it('gives the remainder cents to the largest fractions, ties to the first area', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(splitByWeights(11, [1, 2])).toEqual([4, 7]);
  });

  it('always adds up to the total exactly, also for amounts near 2^53', () => {
    const total = 9_007_199_254_740_991;
    const parts = splitByWeights(total, [7, 11, 13]);
    expect(parts.map(BigInt).reduce((a, b) => a + b, 0n)).toBe(BigInt(total));
  });

  it('gives nothing when every weight is zero', () => {
    expect(splitByWeights(500, [0, 0])).toEqual([0, 0]);
  });
});
