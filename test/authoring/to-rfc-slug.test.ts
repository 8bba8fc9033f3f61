import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isFeatureIdent, toFeatureIdent, toRfcSlug } from "../../src/authoring/to-rfc-slug.ts";

describe("toRfcSlug and toFeatureIdent", () => {
  const cases: [title: string, slug: string | null, ident: string | null][] = [
    ["Remote Build Cache!", "remote-build-cache", "remote_build_cache"],
    ["  multiple   spaces\tand\ttabs ", "multiple-spaces-and-tabs", "multiple_spaces_and_tabs"],
    ["Don't panic: v2.0", "dont-panic-v2-0", "dont_panic_v2_0"],
    ["Café au lait, déjà vu", "cafe-au-lait-deja-vu", "cafe_au_lait_deja_vu"],
    ["2FA login", "2fa-login", "_2fa_login"],
    ["snake_case_title", "snake-case-title", "snake_case_title"],
    ["C++ / Rust interop", "c-rust-interop", "c_rust_interop"],
    ["!!!", null, null],
    // Other scripts are transliterated; emoji are left out.
    ["Кэш сборки", "kesh-sborki", "kesh_sborki"],
    ["Größere Änderung", "grossere-anderung", "grossere_anderung"],
    ["빌드 캐시", "bildeu-kaesi", "bildeu_kaesi"],
    ["🚀 Rocket boots", "rocket-boots", "rocket_boots"],
    ["🚀", null, null],
    ["", null, null],
    // Whole words up to 80 characters; one longer word is cut.
    [`${"Word ".repeat(60)}End`, Array.from({ length: 16 }, () => "word").join("-"), Array.from({ length: 16 }, () => "word").join("_")],
    ["x".repeat(300), "x".repeat(80), "x".repeat(80)],
  ];
  for (const [title, slug, ident] of cases) {
    test(JSON.stringify(title), () => {
      assert.equal(toRfcSlug(title), slug);
      if (slug !== null) {
        assert.equal(toFeatureIdent(slug), ident);
        assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        assert.ok(isFeatureIdent(ident!), `${ident} should be an identifier`);
      }
    });
  }

  test("isFeatureIdent accepts what the feature-name rule accepts", () => {
    for (const good of ["remote_build_cache", "_2fa", "Ünïcode_name", "x"]) assert.ok(isFeatureIdent(good), good);
    for (const bad of ["", "2fa", "kebab-case", "with space", "`ticks`"]) assert.ok(!isFeatureIdent(bad), bad);
  });
});
