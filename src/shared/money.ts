/** To the micro-dollar: sums of reported charges carry float noise ($0.075000000000001). */
export const toMicroUsd = (usd: number) => Math.round(usd * 1e6) / 1e6;
