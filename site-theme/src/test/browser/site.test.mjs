// The sample's report site as a person sees it, in headless Chromium driven by playwright-core.
//
// Run by the `browser` profile of sample-project/pom.xml (`node --test`, in site-theme/) once the sample's assessment
// has rendered its site. Everything asserted here is measured by the browser (layout boxes, computed colours,
// resolved links), never read from the HTML text: no page scrolls sideways at phone (390px) or desktop (1366px) width, the charts are drawn,
// every internal link resolves, the top-risks table starts above the fold of a 1366x768 screen, and text keeps a
// WCAG contrast of 4.5:1 in the dark and the light scheme. Screenshots of the index, an area page and the trend page
// (phone, desktop, print, dark) go to sample-project/target/screenshots/; their paths are printed.
//
// Environment (all optional):
//   DEVOPS_SITE          the rendered site (default: ../sample-project/target/devops/site)
//   DEVOPS_SCREENSHOTS   where the screenshots go (default: target/screenshots)
//   DEVOPS_PLAYWRIGHT    the playwright-core package
//                        (default: ~/.cache/devops-maven-plugin/browser/node_modules/playwright-core)
//   DEVOPS_CHROMIUM      the browser (default: /usr/bin/chromium)
// When Chromium or playwright-core is missing, every test is skipped with a message saying how to install them.
// Playwright never downloads a browser here: it drives the system's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const site = resolve(process.env.DEVOPS_SITE ?? '../sample-project/target/devops/site');
const shots = resolve(process.env.DEVOPS_SCREENSHOTS ?? 'target/screenshots');
const playwrightPath = process.env.DEVOPS_PLAYWRIGHT
  ?? join(homedir(), '.cache', 'devops-maven-plugin', 'browser', 'node_modules', 'playwright-core');
const chromiumPath = process.env.DEVOPS_CHROMIUM ?? '/usr/bin/chromium';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const WIDTHS = { phone: PHONE, desktop: DESKTOP };
/** The pages photographed: the index, one area page and the trend page. */
const PHOTOGRAPHED = ['index.html', 'areas/incident-response.html', 'trend.html'];
const MIN_CONTRAST = 4.5;

const missing = [
  existsSync(chromiumPath) ? null : `Chromium (${chromiumPath}; on Debian: apt-get install chromium)`,
  existsSync(join(playwrightPath, 'package.json')) ? null
    : `playwright-core (${playwrightPath}; bash .ci/install-test-deps.sh installs it)`,
].filter(Boolean);
const skip = missing.length ? `browser tests skipped: missing ${missing.join(', ')}` : false;
if (skip) console.log(skip);

let browser;
before(async () => {
  if (skip) return;
  const { chromium } = createRequire(import.meta.url)(playwrightPath);
  // No traffic of the browser's own (the machine may have no network, and the site needs none). Playwright starts
  // Chromium with a fresh --user-data-dir in a temporary folder and deletes it on close.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Measurements, run inside the page by page.evaluate: each returns what it found wrong, in words.
// ---------------------------------------------------------------------------------------------------------------

/** The page is wider than the viewport: document.scrollWidth against innerWidth, and the elements that stick out. */
function overflowInPage() {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return null;
  const name = e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string'
    ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`;
  // How far right an element reaches: its box, or its content where that spills out of a box that does not scroll.
  const right = e => {
    const box = e.getBoundingClientRect();
    const spills = getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth;
    return Math.max(box.right, spills ? box.left + e.scrollWidth : 0);
  };
  const culprits = [...document.body.querySelectorAll('*')]
    .filter(e => right(e) > width + 0.5 && !(e.parentElement && e.parentElement !== document.body
      && right(e.parentElement) > width + 0.5))
    .slice(0, 3)
    .map(e => `${name(e)} (right edge at ${Math.round(right(e))}px)`);
  return `scrollWidth ${scrollWidth}px > viewport ${width}px: ${culprits.join(', ') || 'no single element'}`;
}

/** Every svg and canvas: its box, whether it is rendered, and how many marks (shapes) it draws. */
function chartsInPage() {
  return [...document.querySelectorAll('svg, canvas')].map(e => {
    const box = e.getBoundingClientRect();
    const visible = e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const marks = e.tagName.toLowerCase() === 'svg'
      ? e.querySelectorAll('path, polygon, polyline, circle, line, rect').length : 1;
    const ok = box.width > 0 && box.height > 0 && visible && marks > 0;
    return {
      ok,
      what: `${e.tagName.toLowerCase()} in #${e.closest('[id]')?.id ?? 'body'}: ${Math.round(box.width)}x`
        + `${Math.round(box.height)}px, ${visible ? 'rendered' : 'not rendered'}, ${marks} marks`,
    };
  });
}

/**
 * The WCAG contrast of body text and of every element's own text against the background it is drawn on (its first
 * opaque background or an ancestor's, semi-transparent layers composed over it), from computed styles.
 */
function contrastInPage(minimum) {
  const parse = c => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const backgroundOf = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] === 1) break;
      }
    }
    // Nothing opaque: the canvas, white in the light scheme, Chromium's dark grey in the dark one.
    let colour = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = rgb => {
    const [r, g, b] = rgb.map(v => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const measure = e => {
    const bg = backgroundOf(e);
    const fg = over(parse(getComputedStyle(e).color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const rgb = c => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
    return { ratio: (hi + 0.05) / (lo + 0.05), fg: rgb(fg), bg: rgb(bg) };
  };
  const body = measure(document.body);
  const poor = new Set();
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('svg') || !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (![...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
    const m = measure(e);
    if (m.ratio < minimum) {
      const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
      poor.add(`${e.tagName.toLowerCase()}${cls} "${e.textContent.trim().slice(0, 30)}": ${m.ratio.toFixed(2)}:1`
        + ` (${m.fg} on ${m.bg})`);
    }
  }
  return { body, poor: [...poor].slice(0, 20) };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function fileUrl(dir, relative) {
  return pathToFileURL(join(dir, relative)).href;
}

/** A context that lets nothing leave file://: the site loads nothing from the network, so any such request fails. */
async function newContext(options) {
  const context = await browser.newContext(options);
  const outside = [];
  await context.route(url => !url.href.startsWith('file:'), route => {
    outside.push(route.request().url());
    return route.abort();
  });
  context.outside = outside;
  return context;
}

/** Opens one page at a size, in a scheme and a medium, and hands it to the body. */
async function withPage(url, { viewport = DESKTOP, colorScheme = 'light', media = 'screen' } = {}, body) {
  const context = await newContext({ viewport, colorScheme });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media, colorScheme });
    await page.goto(url, { waitUntil: 'load' });
    const result = await body(page);
    assert.deepEqual(context.outside, [], `${url} requested something outside file://`);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Every HTML page reachable from the index through links, each with the ids it defines and its links as the browser
 * resolves them; a link to a missing page is kept as a page without content (null).
 */
async function crawl(root) {
  const base = pathToFileURL(root + '/');
  const pages = new Map();
  const queue = ['index.html'];
  const context = await newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    while (queue.length) {
      const relative = queue.shift();
      if (pages.has(relative)) continue;
      if (!existsSync(join(root, relative))) {
        pages.set(relative, null);
        continue;
      }
      await page.goto(fileUrl(root, relative), { waitUntil: 'load' });
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id], a[name]')].map(e => e.id || e.getAttribute('name')),
        links: [...document.querySelectorAll('a[href]')].map(a => ({ href: a.href, text: a.textContent.trim() })),
      }));
      pages.set(relative, found);
      for (const { href } of found.links) {
        const target = inside(base, href);
        if (target?.endsWith('.html') && !pages.has(target)) queue.push(target);
      }
    }
    assert.deepEqual(context.outside, [], 'the site requested something outside file://');
  } finally {
    await context.close();
  }
  return pages;
}

/** The path of a file: URL relative to the site's folder, or null for any other URL. */
function inside(base, href) {
  const url = new URL(href);
  if (url.protocol !== 'file:' || !url.pathname.startsWith(base.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(base.pathname.length));
}

/** Internal links (file: URLs) whose page or fragment is not there. */
function brokenLinks(root, pages) {
  const base = pathToFileURL(root + '/');
  const broken = [];
  let checked = 0;
  for (const [relative, found] of pages) {
    for (const { href, text } of found?.links ?? []) {
      if (new URL(href).protocol !== 'file:') continue;
      checked++;
      const target = inside(base, href);
      const fragment = decodeURIComponent(new URL(href).hash.slice(1));
      if (target === null) broken.push(`${relative}: "${text}" -> ${href} (outside the site)`);
      else if (!existsSync(join(root, target))) broken.push(`${relative}: "${text}" -> ${target} (no such file)`);
      else if (fragment && target.endsWith('.html') && !(pages.get(target)?.ids ?? []).includes(fragment)) {
        broken.push(`${relative}: "${text}" -> ${target}#${fragment} (no element with that id)`);
      }
    }
  }
  return { broken, checked };
}

/** At one viewport: every page's horizontal overflow and charts. */
async function survey(root, relatives, viewport) {
  const context = await newContext({ viewport });
  const result = new Map();
  try {
    const page = await context.newPage();
    for (const relative of relatives) {
      await page.goto(fileUrl(root, relative), { waitUntil: 'load' });
      result.set(relative, { overflow: await page.evaluate(overflowInPage), charts: await page.evaluate(chartsInPage) });
    }
  } finally {
    await context.close();
  }
  return result;
}

// The site is crawled once, and surveyed once per width; the tests below read these.
let crawled;
const surveys = {};
async function sitePages() {
  crawled ??= await crawl(site);
  return crawled;
}
async function siteSurvey(name) {
  const pages = await sitePages();
  surveys[name] ??= await survey(site, [...pages.keys()].filter(p => pages.get(p)), WIDTHS[name]);
  return surveys[name];
}

// ---------------------------------------------------------------------------------------------------------------
// The measurements catch what they look for: a fixture site with each fault once, and one without.
// ---------------------------------------------------------------------------------------------------------------

test('the measurements find a wide page, a hidden chart, a broken link and faint dark-mode text', { skip }, async () => {
  const fixture = mkdtempSync(join(tmpdir(), 'devops-browser-fixture-'));
  try {
    const style = `<style>
      .faint { color: #1f2328; }
      @media (prefers-color-scheme: dark) {
        body { background: #101418; color: #e6e9ed; } a { color: #7ab7ff; } .faint { color: #30363d; }
      }
    </style>`;
    writeFileSync(join(fixture, 'index.html'), `<!DOCTYPE html><html><head><meta name="viewport"
      content="width=device-width">${style}</head><body>
      <p class="faint">Faint in dark mode</p>
      <pre>${'x'.repeat(200)}</pre>
      <figure class="chart" id="hidden-chart"><svg viewBox="0 0 10 10" style="display:none"><rect width="5" height="5"/></svg></figure>
      <figure class="chart" id="drawn-chart"><svg viewBox="0 0 10 10" width="100" height="100"><rect width="5" height="5"/></svg></figure>
      <a href="good.html#here">good</a> <a href="good.html#gone">missing anchor</a> <a href="nowhere.html">missing page</a>
      </body></html>`);
    writeFileSync(join(fixture, 'good.html'), `<!DOCTYPE html><html><head><meta name="viewport"
      content="width=device-width"></head><body><h2 id="here">Here</h2><a href="index.html">back</a></body></html>`);

    const pages = await crawl(fixture);
    assert.deepEqual([...pages.keys()].sort(), ['good.html', 'index.html', 'nowhere.html']);
    const { broken, checked } = brokenLinks(fixture, pages);
    assert.equal(checked, 4);
    assert.deepEqual(broken.map(b => b.replace(/ -> .*\(/, ' (')), [
      'index.html: "missing anchor" (no element with that id)',
      'index.html: "missing page" (no such file)',
    ]);

    const phone = await survey(fixture, ['index.html', 'good.html'], PHONE);
    assert.match(phone.get('index.html').overflow, /^scrollWidth \d+px > viewport 390px: pre/);
    assert.equal(phone.get('good.html').overflow, null);
    assert.deepEqual(phone.get('index.html').charts.map(c => c.ok), [false, true]);
    assert.match(phone.get('index.html').charts[0].what, /^svg in #hidden-chart: 0x0px, not rendered/);

    const dark = await withPage(fileUrl(fixture, 'index.html'), { colorScheme: 'dark' },
      page => page.evaluate(contrastInPage, MIN_CONTRAST));
    assert.ok(dark.body.ratio > 10, `body text in dark mode: ${dark.body.ratio}`);
    assert.equal(dark.poor.length, 1, dark.poor.join('\n'));
    assert.match(dark.poor[0], /^p\.faint "Faint in dark mode": 1\.\d\d:1 \(rgb\(48, 54, 61\) on rgb\(16, 20, 24\)\)$/);
    const light = await withPage(fileUrl(fixture, 'index.html'), { colorScheme: 'light' },
      page => page.evaluate(contrastInPage, MIN_CONTRAST));
    assert.deepEqual(light.poor, []);
  } finally {
    rmSync(fixture, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The sample's site
// ---------------------------------------------------------------------------------------------------------------

test('the sample site has been rendered', { skip }, () => {
  assert.ok(existsSync(join(site, 'index.html')), `no site at ${site}: the sample's assessment renders it first`);
});

test('screenshots of the index, an area page and the trend page: phone, desktop, print and dark', { skip }, async () => {
  mkdirSync(shots, { recursive: true });
  const variants = {
    phone: { viewport: PHONE },
    desktop: { viewport: DESKTOP },
    print: { viewport: DESKTOP, media: 'print' },
    'phone-dark': { viewport: PHONE, colorScheme: 'dark' },
    'desktop-dark': { viewport: DESKTOP, colorScheme: 'dark' },
  };
  for (const relative of PHOTOGRAPHED) {
    for (const [variant, options] of Object.entries(variants)) {
      const path = join(shots, `${relative.replace(/\.html$/, '').replaceAll('/', '-')}-${variant}.png`);
      const printed = await withPage(fileUrl(site, relative), options, async page => {
        await page.screenshot({ path, fullPage: true });
        // On paper the navigation band means nothing: the print stylesheet hides it.
        return page.evaluate(() => {
          const nav = document.querySelector('.devops-nav');
          return nav ? nav.checkVisibility() : false;
        });
      });
      if (options.media === 'print') assert.equal(printed, false, `${relative}: the navigation is printed`);
      assert.ok(existsSync(path), path);
      console.log(`screenshot: ${path}`);
    }
  }
});

test('every internal link resolves to a page of the site and, with a fragment, to an element on it', { skip }, async () => {
  const pages = await sitePages();
  const { broken, checked } = brokenLinks(site, pages);
  const html = [...pages.keys()].filter(p => pages.get(p));
  console.log(`internal links checked: ${checked} on ${html.length} pages`);
  assert.ok(html.includes('trend.html') && html.some(p => p.startsWith('areas/')) && html.some(p => p.startsWith('checks/')),
    `the crawl from the index reached only ${html.join(', ')}`);
  assert.deepEqual(broken, [], `broken internal links:\n${broken.join('\n')}`);
});

for (const name of Object.keys(WIDTHS)) {
  test(`no page scrolls sideways at ${name} width (${WIDTHS[name].width}px)`, { skip }, async () => {
    const found = await siteSurvey(name);
    const overflowing = [...found].filter(([, s]) => s.overflow).map(([relative, s]) => `${relative}: ${s.overflow}`);
    console.log(`${name}: ${found.size} pages measured`);
    assert.deepEqual(overflowing, [], `pages wider than the ${name} viewport:\n${overflowing.join('\n')}`);
  });

  test(`charts are drawn and visible at ${name} width`, { skip }, async () => {
    const found = await siteSurvey(name);
    assert.ok(found.get('index.html').charts.length >= 1, 'the index shows the radar of areas');
    assert.ok(found.get('trend.html').charts.length >= 1, 'the trend page shows its line charts');
    const invisible = [...found].flatMap(([relative, s]) => s.charts.filter(c => !c.ok).map(c => `${relative}: ${c.what}`));
    assert.deepEqual(invisible, [], `charts not visible:\n${invisible.join('\n')}`);
  });
}

test('the top-risks table starts above the fold of a 1366x768 desktop', { skip }, async () => {
  const top = await withPage(fileUrl(site, 'index.html'), { viewport: DESKTOP }, page => page.evaluate(() => {
    const table = document.querySelector('table.risks');
    return table && table.getBoundingClientRect().height > 0 ? table.getBoundingClientRect().top + window.scrollY : null;
  }));
  assert.notEqual(top, null, 'the index shows a table.risks');
  console.log(`top-risks table starts at ${Math.round(top)}px`);
  assert.ok(top < DESKTOP.height, `the top-risks table starts at ${Math.round(top)}px, below the fold (${DESKTOP.height}px)`);
});

for (const colorScheme of ['dark', 'light']) {
  test(`${colorScheme} mode keeps text contrast at ${MIN_CONTRAST}:1 or more (WCAG AA)`, { skip }, async () => {
    const problems = [];
    for (const relative of PHOTOGRAPHED) {
      const { body, poor } = await withPage(fileUrl(site, relative), { viewport: DESKTOP, colorScheme },
        page => page.evaluate(contrastInPage, MIN_CONTRAST));
      console.log(`${colorScheme} ${relative}: body text ${body.fg} on ${body.bg}, ${body.ratio.toFixed(2)}:1`);
      if (body.ratio < MIN_CONTRAST) problems.push(`${relative}: body text ${body.ratio.toFixed(2)}:1 (${body.fg} on ${body.bg})`);
      problems.push(...poor.map(p => `${relative}: ${p}`));
    }
    assert.deepEqual(problems, [], `text below ${MIN_CONTRAST}:1 in ${colorScheme} mode:\n${problems.join('\n')}`);
  });
}
