import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STATE_COLORS } from "@/components/dashboard/view-models";
import { AGREEMENT_STATES } from "../domain/status";

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const css = fs.readFileSync(path.join(__dirname, "../../app/globals.css"), "utf8");
function badge(name: string): { background: string; color: string } {
  const rule = new RegExp(`\\.badge--${name} \\{([^}]*)\\}`).exec(css)?.[1] ?? "";
  const root = /:root \{([^}]*)\}/.exec(css)?.[1] ?? "";
  const resolve = (v: string) => (v.startsWith("var(") ? (new RegExp(`${v.slice(4, -1)}:\\s*(#[0-9a-fA-F]{6})`).exec(root)?.[1] ?? "") : v);
  const value = (prop: string) => resolve(new RegExp(`(?:^|;)\\s*${prop}:\\s*(#[0-9a-fA-F]{6}|var\\(--[a-z-]+\\))`).exec(rule)?.[1] ?? "");
  return { background: value("background"), color: value("color") };
}

describe("the status colours", () => {
  it("give every status badge's text WCAG AA contrast (4.5:1), and 'no status' a look of its own", () => {
    for (const state of [...AGREEMENT_STATES, "none"]) {
      const { background, color } = badge(state);
      expect(background, state).toMatch(/^#/);
      expect(contrast(color, background), state).toBeGreaterThanOrEqual(4.5);
    }
    expect(badge("none")).not.toEqual(badge("dormant"));
  });

  it("draw each state in the charts with 3:1 against the white plot, and 'no status' apart from 'vilande'", () => {
    for (const [state, color] of Object.entries(STATE_COLORS)) expect(contrast(color, "#ffffff"), state).toBeGreaterThanOrEqual(3);
    expect(contrast(STATE_COLORS.none!, STATE_COLORS.dormant!)).toBeGreaterThanOrEqual(2);
    expect(new Set(Object.values(STATE_COLORS)).size).toBe(Object.keys(STATE_COLORS).length);
  });
});
