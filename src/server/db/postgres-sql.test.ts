import { expect, it } from "vitest";
import { numberPlaceholders } from "./postgres-sql";

it("numbers ? in order and @names once each, leaving quotes and comments as they are", () => {
  expect(numberPlaceholders("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ?")).toEqual({ text: "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b = $2", names: null, count: 2 });
  expect(numberPlaceholders("UPDATE t SET a = @a WHERE b = @b OR a = @a")).toEqual({ text: "UPDATE t SET a = $1 WHERE b = $2 OR a = $1", names: ["a", "b"], count: 2 });
  expect(numberPlaceholders("SELECT 1 -- the author's take, or ?\n WHERE a = ?")).toEqual({ text: "SELECT 1 -- the author's take, or ?\n WHERE a = $1", names: null, count: 1 });
  expect(() => numberPlaceholders("SELECT ? WHERE a = @a")).toThrow(/either \? or @name/);
});
