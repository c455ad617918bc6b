import { expect, it } from "vitest";
import { createSlots } from "./decode-slots";

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

it("two photos that fit the megapixel budget decode side by side; two large ones take turns", async () => {
  const slots = createSlots(2, 24);
  const small = [await slots.acquire(12), await slots.acquire(12)];
  expect(slots.stats()).toMatchObject({ active: 2, weight: 24 });
  small.forEach((release) => release());

  const first = await slots.acquire(21);
  let second: (() => void) | null = null;
  void slots.acquire(21).then((release) => (second = release));
  await settled();
  expect(slots.stats()).toMatchObject({ active: 1, waiting: 1 });
  first();
  await settled();
  expect(second).not.toBeNull();
  expect(slots.stats()).toMatchObject({ active: 1, waiting: 0, weight: 21 });
  second!();
  expect(slots.stats()).toMatchObject({ active: 0, weight: 0, peak: 2 });
});

it("an image over the whole budget still decodes, alone, and a light one queued behind it does not jump ahead", async () => {
  const slots = createSlots(4, 24);
  const light = await slots.acquire(1);
  const order: string[] = [];
  const heavy = slots.acquire(64).then((release) => (order.push("heavy"), release));
  const after = slots.acquire(1).then((release) => (order.push("light"), release));
  await settled();
  expect(order).toEqual([]);
  light();
  (await heavy)();
  (await after)();
  expect(order).toEqual(["heavy", "light"]);
});
