const whole = new Intl.NumberFormat("en-US");

/** Takes and tokens as people read them: 1,250,000. */
export function formatCount(value: number): string {
  return whole.format(value);
}
