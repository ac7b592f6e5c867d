/**
 * The fixture app (test/integrations/bundlers/fixture/index.html, src/browser-entry.ts) compiled by
 * fibers-ts/vite and run in real headless Chromium, once as a production build served from
 * 127.0.0.1 and once from Vite's dev server. The page runs fibers that switch across modules and
 * inside an Array.prototype.map callback, writes the transcript into #out and sets the title to
 * "fibers-ts: done".
 *
 * Chromium is Debian's (/usr/bin/chromium, or $FIBERS_TS_CHROMIUM); .ci/install-browser.sh
 * installs it. Without it these tests fail (they do not skip).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXPECTED, REPO_REQUIRE, makeProject, type Project } from "../bundlers/project.js";
import { serve } from "./serve.js";

const CHROMIUM = process.env.FIBERS_TS_CHROMIUM ?? "/usr/bin/chromium";

let browser: Browser | undefined;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with .ci/install-browser.sh (Debian package "chromium"), or set FIBERS_TS_CHROMIUM to a Chromium binary`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  for (const f of cleanups.reverse()) await f();
  await browser?.close();
});

function project(install?: "link" | "copy"): Project {
  const p = makeProject(install);
  cleanups.push(() => p.remove());
  return p;
}

interface PageResult {
  title: string;
  out: string | null;
  /** Page errors, console errors and failed requests. */
  problems: string[];
  /** How many times the page was (re)loaded: a dev server that reloads it shows 2. */
  loads: number;
}

async function open(url: string): Promise<PageResult> {
  const page: Page = await browser!.newPage();
  const problems: string[] = [];
  let loads = 0;
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // Failed loads are reported below with their URL (the browser's own favicon request aside).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console.error: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) loads++;
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title !== "fibers-ts: loading", undefined, { timeout: 15_000 }).catch(() => {
      throw new Error(`the page never finished (title still "fibers-ts: loading"): ${problems.join("; ") || "no page errors"}`);
    });
    // A dev server that discovers a dependency late reloads the page after this point.
    await page.waitForTimeout(300);
    return { title: await page.title(), out: await page.locator("#out").textContent(), problems, loads };
  } finally {
    await page.close();
  }
}

it("runs the production build (vite build) in headless Chromium", async () => {
  const p = project();
  const vite = await import("vite");
  const fibers = p.require("fibers-ts/vite") as () => never;
  const outDir = join(p.dir, "out", "browser");
  // A normal Vite app build: index.html → hashed, minified ES module chunks with the runtime.
  await vite.build({ root: p.dir, configFile: false, logLevel: "silent", plugins: [fibers()], build: { outDir, sourcemap: true } });
  const site = await serve(outDir);
  cleanups.push(() => site.close());
  const r = await open(site.url);
  expect({ ...r, missing: site.missing }).toEqual({ title: "fibers-ts: done", out: EXPECTED, problems: [], loads: 1, missing: [] });
});

it("runs from the Vite dev server, with fibers-ts installed (pre-bundled) and no reload", async () => {
  const p = project("copy");
  const vite = await import("vite");
  const fibers = REPO_REQUIRE("fibers-ts/vite") as () => never;
  const server = await vite.createServer({
    root: p.dir,
    configFile: false,
    logLevel: "silent",
    plugins: [fibers()],
    server: { host: "127.0.0.1", port: 0 },
  });
  cleanups.push(() => server.close());
  await server.listen();
  const r = await open(server.resolvedUrls!.local[0]);
  expect(r).toEqual({ title: "fibers-ts: done", out: EXPECTED, problems: [], loads: 1 });
});
