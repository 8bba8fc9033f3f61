import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

/** A repository whose book.toml has `lines` in its `[output.html]` table, at line 4 on. */
function repoWith(...lines: string[]): Promise<string> {
  return writeTempRepo({
    "book.toml": ['[book]\ntitle = "Acme RFCs"\n\n[output.html]', ...lines, ""].join("\n"),
    "0000-template.md": smallTemplate,
    "text/0001-rocket-boots.md": goodRfc,
  });
}

const hostile = ["javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/", "https:", "github.com/acme/rfcs", "ftp://example.org/rfcs"];

describe("book.toml's addresses", () => {
  for (const key of ["git-repository-url", "edit-url-template", "site-url"]) {
    test(`${key}: anything but an http(s) address is refused at its line, and no book is written`, async () => {
      for (const value of [...hostile, ...(key === "site-url" ? ["/\\evil.example/"] : [])]) {
        const setting = `${key} = ${JSON.stringify(value)}`;
        const root = key === "git-repository-url" ? await repoWith(setting) : await repoWith('git-repository-url = "https://github.com/acme/rfcs"', setting);
        const line = key === "git-repository-url" ? 5 : 6;
        const result = await runRfc(["build"], { cwd: root });
        assert.equal(result.exitCode, 2, `${key} = ${value}: ${result.stderr}`);
        assert.equal(result.stdout, "");
        assert.ok(result.stderr.startsWith(`book.toml:${line}: [output.html] ${key} is ${JSON.stringify(value)}, which `), result.stderr);
        assert.match(result.stderr, new RegExp(`\\n {2}hint: write (an|the repository's) http:// or https:// address.*, or remove ${key}\\.\\n$`));
        assert.equal(existsSync(path.join(root, "book")), false, `${key} = ${value}: a book was written`);
        // rfc check reads the same file and refuses it the same way.
        assert.equal((await runRfc(["check"], { cwd: root })).exitCode, 2);
      }
    });
  }

  test("the line named is the key's, wherever it is", async () => {
    const root = await repoWith('site-url = "/rfcs/"', 'edit-url-template = "javascript:alert(1)//{path}"');
    const result = await runRfc(["build"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.equal(
      result.stderr,
      'book.toml:6: [output.html] edit-url-template is "javascript:alert(1)//{path}", which is not an http:// or https:// address.\n' +
        "  hint: write an http:// or https:// address with {path} where the file's path goes, such as https://github.com/acme/rfcs/edit/main/{path}, or remove edit-url-template.\n",
    );
  });

  test("http(s) addresses, and a site-url path from the root, are accepted and used", async () => {
    const root = await repoWith('git-repository-url = "https://github.com/acme/rfcs"', 'edit-url-template = "HTTPS://git.example.org/acme/rfcs/-/edit/trunk/{path}"', 'site-url = "/rfcs/"');
    const result = await runRfc(["build"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const page = await readFile(path.join(root, "book/0001-rocket-boots.html"), "utf8");
    assert.match(page, /<link rel="canonical" href="\/rfcs\/0001-rocket-boots.html">/);
    assert.match(page, /href="HTTPS:\/\/git.example.org\/acme\/rfcs\/-\/edit\/trunk\/text\/0001-rocket-boots.md"/);
    const plain = await repoWith('site-url = "http://rfcs.example/acme"');
    assert.equal((await runRfc(["build"], { cwd: plain })).exitCode, 0);
  });
});

describe("rfc build's address flags", () => {
  for (const flag of ["--git-repository-url", "--site-url"]) {
    test(`${flag}: anything but an http(s) address is refused, and no book is written`, async () => {
      for (const value of hostile) {
        const root = await repoWith();
        const result = await runRfc(["build", `${flag}=${value}`], { cwd: root });
        assert.equal(result.exitCode, 2, `${flag} ${value}: ${result.stderr}`);
        assert.equal(result.stdout, "");
        assert.ok(result.stderr.startsWith(`${flag} is ${JSON.stringify(value)}, which `), result.stderr);
        assert.match(result.stderr, new RegExp(`\\n {2}hint: pass .*http:// or https:// address.*, or leave ${flag} out\\.\\n$`));
        assert.equal(existsSync(path.join(root, "book")), false, `${flag} ${value}: a book was written`);
      }
    });
  }

  test("a good flag wins over a good book.toml, and a good flag does not hide a bad book.toml", async () => {
    const root = await repoWith('git-repository-url = "https://github.com/acme/rfcs"');
    const result = await runRfc(["build", "--git-repository-url", "https://git.example.org/acme/rfcs", "--site-url", "https://rfcs.example/"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const page = await readFile(path.join(root, "book/0001-rocket-boots.html"), "utf8");
    assert.match(page, /href="https:\/\/git.example.org\/acme\/rfcs\/edit\/main\/text\/0001-rocket-boots.md"/);
    assert.match(page, /<link rel="canonical" href="https:\/\/rfcs.example\/0001-rocket-boots.html">/);

    const bad = await repoWith('git-repository-url = "javascript:alert(1)"');
    const refused = await runRfc(["build", "--git-repository-url", "https://github.com/acme/rfcs"], { cwd: bad });
    assert.equal(refused.exitCode, 2);
    assert.match(refused.stderr, /^book\.toml:5: \[output\.html\] git-repository-url/);
    assert.equal(existsSync(path.join(bad, "book")), false);
  });
});
