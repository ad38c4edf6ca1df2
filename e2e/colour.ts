import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/* How the page is painted, for the tests of the dark colour scheme. */

/** WCAG relative luminance of a CSS colour: 0 is black, 1 white. */
export function luminanceIn(page: Page, cssColor: string): Promise<number> {
  return page.evaluate((color) => {
    // Computed colours may come back as oklch(…): a canvas turns any CSS colour into sRGB bytes.
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2d canvas");
    context.fillStyle = color;
    context.fillRect(0, 0, 1, 1);
    const linear = (byte: number) => (byte / 255 <= 0.04045 ? byte / 255 / 12.92 : ((byte / 255 + 0.055) / 1.055) ** 2.4);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }, cssColor);
}

export async function backgroundLuminance(target: Locator): Promise<number> {
  return luminanceIn(target.page(), await target.evaluate((element) => getComputedStyle(element).backgroundColor));
}

/** The page's own background is dark (it would be slate-50, near white, without dark mode). */
export async function expectDarkPage(page: Page) {
  expect(await backgroundLuminance(page.locator("body"))).toBeLessThan(0.05);
}

/** The colour of a pixel near an element's bottom-right corner as painted, for what styles cannot tell. */
export async function paintedColor(target: Locator): Promise<string> {
  const png = (await target.screenshot()).toString("base64");
  return target.page().evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2d canvas");
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(image.width - 8, image.height - 8, 1, 1).data;
    return `rgb(${r} ${g} ${b})`;
  }, png);
}
