import { describe, expect, test } from "./setup.ts";

describe("smoke", () => {
  test("the built app loads and names itself Selaras", async ({ page, baseUrl }) => {
    const response = await page.goto(baseUrl);
    expect(response?.ok()).toBe(true);
    await expect.poll(() => page.title()).toBe("Selaras");
    await page.locator("#root").waitFor({ state: "attached" });
  });
});
