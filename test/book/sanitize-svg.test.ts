import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { Parser } from "htmlparser2";
import { hasUnsafeText, toSafeDeclarations, toSafeStylesheet } from "../../src/book/sanitize-css.ts";
import { sanitizeSvg } from "../../src/book/sanitize-svg.ts";

const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">';

/** The sanitised text; fails the test when the input was refused. */
function clean(svg: string): string {
  const result = sanitizeSvg(svg);
  assert.ok("svg" in result, "error" in result ? result.error : "");
  return result.svg;
}

/** Element names and attribute names and values, as an XML parser reads the output. */
function parse(svg: string): { elements: string[]; attributes: [string, string][]; text: string } {
  const elements: string[] = [];
  const attributes: [string, string][] = [];
  let text = "";
  const parser = new Parser(
    {
      onopentag: (name, attribs) => {
        elements.push(name);
        for (const [key, value] of Object.entries(attribs)) attributes.push([key, value]);
      },
      ontext: (t) => (text += t),
    },
    { xmlMode: true },
  );
  parser.end(svg);
  return { elements, attributes, text };
}

/** Nothing in the output that could run or fetch: asserted on every hostile case. */
function assertInert(svg: string): void {
  const { elements, attributes } = parse(svg);
  for (const name of elements) assert.ok(!/^(?:script|iframe|embed|object|set|animate|animateMotion|animateTransform|img)$/i.test(name), `<${name}> is kept`);
  for (const [name, value] of attributes) {
    assert.ok(!/^on/i.test(name), `${name} is kept`);
    assert.ok(!/javascript:|@import|expression\(|\\/i.test(value), `${name}="${value}" is kept`);
    if (/^(?:xlink:)?href$/.test(name)) assert.ok(value.startsWith("#") || /^data:image\/png/.test(value) || /^[\w./-]+$/.test(value), `${name}="${value}" is kept`);
    for (const m of value.matchAll(/url\(\s*(["']?)([^)"']*)/gi)) assert.ok(m[2]!.startsWith("#"), `${name}="${value}" is kept`);
  }
  assert.doesNotMatch(svg, /<!DOCTYPE|<!ENTITY|<\?xml-stylesheet/i);
}

describe("sanitizeSvg: hostile drawings", () => {
  const cases: { name: string; svg: string; keeps?: RegExp[]; drops: RegExp[] }[] = [
    { name: "a script element", svg: `${open}<script>alert(1)</script><rect width="5" height="5"/></svg>`, keeps: [/<rect width="5" height="5"\/>/], drops: [/script/, /alert/] },
    { name: "a script in CDATA", svg: `${open}<script><![CDATA[alert(1)]]></script></svg>`, drops: [/alert/] },
    { name: "onload on the root", svg: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" ONCLICK="x()"><g/></svg>`, keeps: [/<g\/>/], drops: [/onload/i, /alert/] },
    {
      name: "foreignObject with a script, an iframe and an img with onerror",
      svg: `${open}<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">label<script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src="x" onerror="alert(2)"/><b onclick="alert(3)">bold</b></div></foreignObject></svg>`,
      keeps: [/<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">label<b>bold<\/b><\/div>/],
      drops: [/script|iframe|img|onerror|onclick|alert|evil/],
    },
    { name: "an XHTML element outside foreignObject", svg: `${open}<div xmlns="http://www.w3.org/1999/xhtml">x</div></svg>`, drops: [/div/] },
    { name: "another namespace", svg: `${open}<g xmlns="http://example.org/other"><rect/></g><x:y xmlns:x="http://www.w3.org/2000/svg"/></svg>`, drops: [/example\.org|<rect|x:y/] },
    { name: "a javascript: link", svg: `${open}<a xlink:href="javascript:alert(1)"><text>click</text></a><a href=" jav&#x61;&#9;script:alert(2)">b</a></svg>`, keeps: [/<a><text>click<\/text><\/a>/, /<a>b<\/a>/], drops: [/javascript|alert/] },
    { name: "a link to another site", svg: `${open}<a href="https://evil.example/">x</a></svg>`, keeps: [/<a>x<\/a>/], drops: [/evil/] },
    { name: "set rewriting href", svg: `${open}<a href="#ok"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, keeps: [/<a href="#ok"><text>x<\/text><\/a>/], drops: [/<set|javascript/] },
    { name: "animations", svg: `${open}<a><animate attributeName="href" values="javascript:alert(1)"/><animateMotion/><animateTransform/></a></svg>`, drops: [/animate|javascript/] },
    { name: "use of another file", svg: `${open}<use href="https://other.example/x.svg#a"/><use xlink:href="other.svg#b"/><use href="#c"/></svg>`, keeps: [/<use\/><use\/><use href="#c"\/>/], drops: [/other/] },
    {
      name: "a style element with @import and url(https://…)",
      svg: `${open}<style>@import url(https://evil.example/a.css); .a { fill: red; background: url(https://evil.example/b.png) } .b { fill: url(#grad) }</style><rect class="a"/></svg>`,
      keeps: [/\.a \{fill: red;\}/, /\.b \{fill: url\(#grad\);\}/],
      drops: [/@import|evil/],
    },
    { name: "CSS escapes and expression()", svg: `${open}<style>.a { fill: blue; behavior: \\75 rl(x.htc) } .b { width: expression(alert(1)) }</style><text style="fill: green; background-image: u\\72l(https://evil.example/)">t</text></svg>`, keeps: [/\.a \{fill: blue;\}/, /style="fill: green;"/], drops: [/\\|expression|evil/] },
    { name: "a comment hiding url(", svg: `${open}<style>.a { background: ur/**/l(https://evil.example/) }</style></svg>`, drops: [/evil/] },
    { name: "an unclosed string in a stylesheet", svg: `${open}<style>.a { content: "x; } @import url(https://evil.example/)</style><g/></svg>`, keeps: [/<g\/>/], drops: [/<style|evil/] },
    {
      name: "an image from another site, and allowed images",
      svg: `${open}<image href="https://evil.example/track.png"/><image href="data:image/svg+xml;base64,PHN2Zz4="/><image xlink:href="data:image/png;base64,iVBORw0KGgo="/><image href="pics/a.png"/><image href="//evil.example/b.png"/></svg>`,
      keeps: [/<image xlink:href="data:image\/png;base64,iVBORw0KGgo="\/>/, /<image href="pics\/a.png"\/>/],
      drops: [/evil|svg\+xml/],
    },
    { name: "fill and filter with url(https://…)", svg: `${open}<rect fill="url(https://evil.example/#g)" filter="url(#f)" stroke="URL( 'https://evil.example/' )"/></svg>`, keeps: [/<rect filter="url\(#f\)"\/>/], drops: [/evil/] },
    { name: "xml:base and other prefixes", svg: `${open}<g xml:base="https://evil.example/" xlink:arcrole="x" inkscape:label="Layer" xml:space="preserve"/></svg>`, keeps: [/<g xml:space="preserve"\/>/], drops: [/evil|arcrole|inkscape/] },
    { name: "an embed, an object and a stylesheet instruction", svg: `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="https://evil.example/x.xsl" type="text/xsl"?>${open}<embed src="x"/><object data="x"/></svg>`, keeps: [/^<\?xml version="1.0" encoding="UTF-8"\?>/], drops: [/embed|object|xml-stylesheet|evil/] },
    { name: "a DOCTYPE without a subset is dropped", svg: `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${open}<g/></svg>`, keeps: [/<g\/>/], drops: [/DOCTYPE/] },
    { name: "a prefix bound to another namespace", svg: `<svg xmlns="http://www.w3.org/2000/svg"><a xmlns:xlink="http://evil.example/" xlink:href="#x">t</a></svg>`, keeps: [/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" xmlns:xlink="http:\/\/www.w3.org\/1999\/xlink">/, /<a xlink:href="#x">t<\/a>/], drops: [/evil/] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const out = clean(c.svg);
      assertInert(out);
      for (const re of c.keeps ?? []) assert.match(out, re);
      for (const re of c.drops) assert.doesNotMatch(out, re);
    });
  }

  // Refused outright: not well-formed, or built to make a parser do what a drawing never needs.
  const refused: { name: string; svg: string; error: RegExp }[] = [
    { name: "entity definitions", svg: `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`, error: /internal subset/ },
    { name: "billion laughs", svg: `<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`, error: /internal subset/ },
    { name: "an entity without a definition", svg: `${open}<text>&nbsp;&x;</text></svg>`, error: /character reference/ },
    { name: "an external entity", svg: `<!DOCTYPE svg SYSTEM "file:///etc/passwd" [<!ENTITY e SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>`, error: /internal subset/ },
    { name: "a mismatched end tag", svg: `${open}<g><rect></g></rect></svg>`, error: /<\/g> closes <rect>/ },
    { name: "an unclosed element", svg: `${open}<g>`, error: /never closed/ },
    { name: "an unquoted attribute", svg: `<svg xmlns="http://www.w3.org/2000/svg" width=10/>`, error: /no quoted value/ },
    { name: "a duplicate attribute", svg: `<svg xmlns="http://www.w3.org/2000/svg" onload="a()" onload="b()"/>`, error: /given twice/ },
    { name: "a second root", svg: `<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>`, error: /second root/ },
    { name: "an HTML root", svg: `<html><body onload="alert(1)"></body></html>`, error: /not <svg>/ },
    { name: "an XHTML-namespaced root", svg: `<svg xmlns="http://www.w3.org/1999/xhtml"/>`, error: /namespace/ },
    { name: "a raw < in text", svg: `${open}<text>a < b</text></svg>`, error: /starts no tag/ },
    { name: "a control character", svg: `${open}<text>\u0001</text></svg>`, error: /character XML does not allow/ },
    { name: "another encoding", svg: `<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg"/>`, error: /encoding ISO-8859-1/ },
    { name: "text outside the root", svg: `<svg xmlns="http://www.w3.org/2000/svg"/><script>alert(1)</script>`, error: /second root|outside/ },
  ];
  for (const c of refused) {
    test(`refused: ${c.name}`, () => {
      const result = sanitizeSvg(c.svg);
      assert.ok("error" in result, `was published as ${"svg" in result ? result.svg : ""}`);
      assert.match(result.error, c.error);
    });
  }
});

// A drawing in the shape draw.io exports (written for this test): XML declaration, DOCTYPE, the
// editable diagram in `content`, clip paths, a <switch> whose foreignObject holds the XHTML label
// and whose <text> is the fallback, an embedded PNG, and the "viewer does not support" link.
const drawio = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Made with a diagram editor -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="241px" height="121px" viewBox="-0.5 -0.5 241 121" content="&lt;mxfile host=&quot;Editor&quot;&gt;&lt;diagram id=&quot;d1&quot; name=&quot;Page-1&quot;&gt;zVRNb9swDP01OgaYYzfYjnHSYcA2oAAx7DjIlmwLkEVDZpJmvvdZKsG0MHYbQZN+R5J6i4S&lt;/diagram&gt;&lt;/mxfile&gt;" style="background-color: rgb(255, 255, 255);"><defs><clipPath id="mx-clip-1"><rect x="10" y="10" width="100" height="30"/></clipPath><linearGradient id="grad" x1="0%" y1="0%" x2="0%" y2="100%"><stop offset="0%" style="stop-color: rgb(218, 232, 252); stop-opacity: 1;"/><stop offset="100%" style="stop-color: rgb(126, 166, 224); stop-opacity: 1;"/></linearGradient><style type="text/css">.label { font-family: Helvetica; }</style></defs><g><rect x="10" y="10" width="100" height="40" rx="6" fill="url(#grad)" stroke="#6c8ebf" pointer-events="all"/><g transform="translate(-0.5 -0.5)"><switch><foreignObject pointer-events="none" width="100%" height="100%" requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility" style="overflow: visible; text-align: left;"><div xmlns="http://www.w3.org/1999/xhtml" style="display: flex; align-items: unsafe center; justify-content: unsafe center; width: 98px; height: 1px; padding-top: 30px; margin-left: 11px;"><div data-drawio-colors="color: rgb(0, 0, 0); " style="box-sizing: border-box; font-size: 0px; text-align: center;"><div style="display: inline-block; font-size: 12px; font-family: Helvetica; color: rgb(0, 0, 0); line-height: 1.2; pointer-events: all; white-space: normal; overflow-wrap: normal;"><font face="Courier New">parse</font><br />step &amp; <b>drop</b></div></div></div></foreignObject><text x="60" y="34" fill="rgb(0, 0, 0)" font-family="Helvetica" font-size="12px" text-anchor="middle" clip-path="url(#mx-clip-1)">parse...</text></switch></g><path d="M 110 30 L 163.63 30" fill="none" stroke="rgb(0, 0, 0)" stroke-miterlimit="10" pointer-events="stroke"/><image x="170" y="20" width="20" height="20" xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" preserveAspectRatio="none"/><text x="200" y="80" class="label">store</text></g><switch><g requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility"/><a transform="translate(0,-5)" xlink:href="https://www.drawio.example/doc/faq/svg-export-text-problems" target="_blank"><text text-anchor="middle" font-size="10px" x="50%" y="100%">Text is not SVG - cannot display</text></a></switch></svg>`;

// A hand-drawn (Inkscape-shaped) drawing: editor namespaces, metadata, a marker and a use.
const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg
   width="200"
   height="100"
   viewBox="0 0 200 100"
   version="1.1"
   id="svg1"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="2"/>
  <defs id="defs1"><marker style="overflow:visible" id="Arrow" refX="0" refY="0" orient="auto-start-reverse" inkscape:stockid="Arrow"><path d="M 0,0 5,-3 V 3 Z" style="fill:context-stroke"/></marker></defs>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <path style="fill:none;stroke:#000000;stroke-width:1;marker-end:url(#Arrow)" d="M 10,50 H 150" id="path1" sodipodi:nodetypes="cc"/>
    <text xml:space="preserve" x="20" y="40" id="text1"><tspan id="tspan1" x="20" y="40">request</tspan></text>
    <use href="#path1" y="20"/>
  </g>
</svg>
`;

describe("sanitizeSvg: real drawings keep working", () => {
  test("a draw.io export keeps its labels, styles, gradient, clip path and embedded image", () => {
    const out = clean(drawio);
    assertInert(out);
    const before = parse(drawio.replace(/<!DOCTYPE[^>]*>/, ""));
    const after = parse(out);
    assert.deepEqual(after.elements, before.elements, "every element is kept");
    assert.equal(after.text, before.text, "every label is kept");
    assert.match(out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!-- Made with a diagram editor -->\n\n<svg /);
    assert.match(out, / content="&lt;mxfile host=&quot;Editor&quot;&gt;/, "the editable diagram is kept as it was written");
    assert.match(out, /<style type="text\/css">\.label \{ font-family: Helvetica; \}<\/style>/);
    assert.match(out, /fill="url\(#grad\)"/);
    assert.match(out, /clip-path="url\(#mx-clip-1\)"/);
    assert.match(out, /<foreignObject pointer-events="none" width="100%" height="100%" requiredFeatures="[^"]+" style="overflow: visible; text-align: left;"><div xmlns="http:\/\/www.w3.org\/1999\/xhtml"/);
    assert.match(out, /data-drawio-colors="color: rgb\(0, 0, 0\); "/);
    assert.match(out, /<font face="Courier New">parse<\/font><br\/>step &amp; <b>drop<\/b>/);
    assert.match(out, /<image x="170" y="20" width="20" height="20" xlink:href="data:image\/png;base64,/);
    // Only the link to another site loses its address.
    assert.match(out, /<a transform="translate\(0,-5\)" target="_blank"><text/);
    assert.equal(out, drawio.replace(/<!DOCTYPE[^>]*>/, "").replace("<br />", "<br/>").replace(/ xlink:href="https:[^"]*"/, ""));
  });

  test("an Inkscape drawing loses only the editor's own elements and attributes", () => {
    const out = clean(inkscape);
    assertInert(out);
    assert.doesNotMatch(out, /inkscape|sodipodi|xmlns:svg/);
    assert.deepEqual(parse(out).elements, ["svg", "defs", "marker", "path", "g", "path", "text", "tspan", "use"]);
    assert.match(out, /style="fill:none;stroke:#000000;stroke-width:1;marker-end:url\(#Arrow\)"/);
    assert.match(out, /<text xml:space="preserve" x="20" y="40" id="text1"><tspan id="tspan1" x="20" y="40">request<\/tspan><\/text>/);
    assert.match(out, /<use href="#path1" y="20"\/>/);
  });

  test("a clean drawing comes out byte for byte, a byte order mark removed", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">\n  <!-- a note -->\n  <circle cx="2" cy="2" r="1" fill="#123"/>\n  <text x='1' y="3">a &lt; b &#x263A;</text>\n</svg>\n`;
    assert.equal(clean(`\uFEFF${svg}`), svg.replace("x='1'", 'x="1"'));
  });

  test("a root without xmlns gets SVG's, so the output is an SVG document", () => {
    assert.equal(clean(`<svg width="1"><g/></svg>`), `<svg xmlns="http://www.w3.org/2000/svg" width="1"><g/></svg>`);
  });

  // The SVGs of the real RFC repositories (Excalidraw and draw.io exports, hand-written ones).
  const corpus = "/work/shared/corpus";
  const files = existsSync(corpus) ? execFileSync("find", [corpus, "-name", "*.svg", "-not", "-path", "*/.git/*"], { encoding: "utf8" }).split("\n").filter(Boolean).sort() : [];
  test("every SVG of the corpora still parses, with all its text and nearly all its elements", { skip: files.length === 0 ? `no SVG under ${corpus}` : false }, () => {
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const out = clean(source);
      assertInert(out);
      const before = parse(source);
      const after = parse(out);
      assert.equal(after.elements[0], "svg", file);
      assert.equal(after.elements.filter((e) => e === "text").length, before.elements.filter((e) => e === "text").length, `${file}: text elements`);
      assert.ok(after.elements.length >= before.elements.length * 0.95, `${file}: ${after.elements.length} of ${before.elements.length} elements`);
      assert.equal(after.text.replace(/\s+/g, " ").length >= before.text.replace(/\s+/g, " ").length * 0.9, true, `${file}: text`);
    }
  });
});

describe("CSS in drawings", () => {
  test("hasUnsafeText finds fetches and scripts however they are spelt", () => {
    for (const unsafe of ["url(x.png)", "URL ( 'https://e/' )", "@IMPORT 'x'", "java\tscript:", "width: expression(1)", "a\\62 c", "image-set('x' 1x)", "src(x)", "u/**/rl(x)"]) {
      assert.equal(hasUnsafeText(unsafe), true, unsafe);
    }
    for (const safe of ["fill: url(#a)", "fill: url( '#a' )", "font-family: Helvetica", "@media (prefers-color-scheme: dark) { :root { filter: invert(1) } }", "content: 'x'"]) {
      assert.equal(hasUnsafeText(safe), false, safe);
    }
  });

  test("unsafe declarations go, the rest stays", () => {
    assert.equal(toSafeStylesheet(".a { fill: red }"), ".a { fill: red }", "unchanged when safe");
    assert.equal(toSafeStylesheet("@font-face { font-family: V; src: url(https://e/v.woff2) } @media print { .a { fill: red; background: url(x) } }"), "@font-face {font-family: V;} @media print {.a {fill: red;}}");
    assert.equal(toSafeStylesheet(".a { background: url(data:image/png;base64,AAA;B) ; fill: red }"), ".a {fill: red;}", "a ; inside url() does not split it");
    assert.equal(toSafeStylesheet(".a\\3A b { fill: red } .c { fill: blue; background: url(x) }"), ".c {fill: blue;}", "a selector with an escape drops its rule");
    assert.equal(toSafeStylesheet("/* url(x) */ .a { fill: red }"), ".a {fill: red;}");
    assert.equal(toSafeStylesheet(".a { fill: red; background: url(x)"), null, "an unclosed block");
    assert.equal(toSafeDeclarations("fill: red; background: url(https://e/)"), "fill: red;");
    assert.equal(toSafeDeclarations("fill: red; } .b { background: url(x)"), null, "no blocks in a style attribute");
  });
});
