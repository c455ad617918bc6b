import { describe, expect, it } from "vitest";
import { formatMoney as money } from "../../shared/money";
import { budgetLine, checkBudgets, startOfUtcMonth } from "./budgets";

const at = Date.UTC(2026, 10, 30, 23, 0);
const none = { monthlyPerUserUsd: 0, monthlyStudioUsd: 0 };

describe("checkBudgets", () => {
  it("admits a submit that reaches a budget exactly, and refuses the one past it, naming whose budget", () => {
    expect(checkBudgets({ ...none, monthlyPerUserUsd: 1 }, { userUsd: 0.75, studioUsd: 5 }, 0.25, at)).toBeNull();
    expect(checkBudgets({ ...none, monthlyPerUserUsd: 1 }, { userUsd: 0.75, studioUsd: 5 }, 0.375, at)).toBe(
      "You have spent $0.75 of your $1.00 monthly budget, and this submit is expected to cost about $0.375. It resets on 2026-12-01 (UTC).",
    );
    expect(checkBudgets({ ...none, monthlyStudioUsd: 5 }, { userUsd: 0.75, studioUsd: 4.9 }, 0.125, at)).toMatch(/^The studio has spent \$4.90 of its \$5.00 monthly budget, and this submit/);
    // In the studio's currency, as the form's budget line shows it.
    expect(checkBudgets({ ...none, monthlyStudioUsd: 5, currency: { code: "EUR", perUsd: 0.9 } }, { userUsd: 0, studioUsd: 4.9 }, 0.125, at)).toMatch(/^The studio has spent €4.41 of its €4.50 monthly budget, and this submit is expected to cost about €0.113/);
  });

  it("with no estimate, refuses only once a budget is spent; no budget refuses nothing", () => {
    expect(checkBudgets({ ...none, monthlyPerUserUsd: 1 }, { userUsd: 0.99, studioUsd: 0 }, 0, at)).toBeNull();
    expect(checkBudgets({ ...none, monthlyPerUserUsd: 1 }, { userUsd: 1, studioUsd: 0 }, 0, at)).toBe("You have spent $1.00 of your $1.00 monthly budget. It resets on 2026-12-01 (UTC).");
    expect(checkBudgets(none, { userUsd: 1e6, studioUsd: 1e6 }, 1e6, at)).toBeNull();
  });

  it("counts calendar months in UTC, and says what is left", () => {
    expect(startOfUtcMonth(at)).toBe(Date.UTC(2026, 10, 1));
    expect(budgetLine(1, 0.25)).toEqual({ limitUsd: 1, spentUsd: 0.25, leftUsd: 0.75 });
    expect(budgetLine(1, 1.5)).toEqual({ limitUsd: 1, spentUsd: 1.5, leftUsd: 0 });
    expect(budgetLine(0, 3)).toBeNull();
    expect([money(0.2), money(0.125), money(12)]).toEqual(["$0.20", "$0.125", "$12.00"]);
    expect([money(0.2, { code: "EUR", perUsd: 0.92 }), money(0.125, { code: "EUR", perUsd: 0.92 })]).toEqual(["€0.184", "€0.115"]);
  });
});
