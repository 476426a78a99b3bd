/**
 * The one routine novlangue takes from `vega-statistics` (installed with `vega`, which the HTML
 * report's charts use): the package ships no typings.
 */
declare module 'vega-statistics' {
  /** The cumulative distribution function of the normal distribution, accurate far into the tails (West 2005). */
  export function cumulativeNormal(value: number, mean?: number, stdev?: number): number;
}
