/// The page, its script and style, written as they are (no build step, no CDN).
enum SiteAssets {
    static let indexHTML = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>证书核验</title>
<link rel="stylesheet" href="verify.css">
</head>
<body>
<main>
<h1>证书核验</h1>
<section id="answer" class="answer" aria-live="polite" hidden>
  <p id="verdict" class="verdict"></p>
  <p id="explained" class="explained"></p>
  <dl id="details"></dl>
</section>
<form id="lookup" autocomplete="off">
  <label for="number">证书编号</label>
  <input id="number" name="number" inputmode="latin" spellcheck="false" placeholder="例如 XC2021-1-JY-000001" required>
  <label for="code">校验码</label>
  <input id="code" name="code" inputmode="latin" spellcheck="false" autocapitalize="characters" placeholder="例如 7K3QH-M2XVA" required>
  <button type="submit">查验</button>
</form>
<p class="note">扫描证书上的二维码，或输入证书编号和校验码。本页不联网查询，不收集任何信息。</p>
<noscript><p class="note">请启用 JavaScript 后查验。</p></noscript>
</main>
<script src="site.js"></script>
<script src="verify.js"></script>
</body>
</html>

"""#

    static let style = #"""
html { font-size: 20px; }
body { margin: 0; background: #f6f4ef; color: #1d1d1d;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; text-align: center; letter-spacing: 0.2em; }
.answer { background: #fff; border-radius: 0.6rem; padding: 1rem 1.2rem; margin-bottom: 1.2rem;
  border-top: 0.5rem solid #888; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.answer.valid { border-top-color: #1b7f3a; }
.answer.revoked { border-top-color: #c77700; }
.answer.invalid { border-top-color: #b3261e; }
.verdict { font-size: 2.6rem; font-weight: bold; margin: 0.2rem 0; text-align: center; letter-spacing: 0.3em; }
.valid .verdict { color: #1b7f3a; } .revoked .verdict { color: #c77700; } .invalid .verdict { color: #b3261e; }
.explained { text-align: center; font-size: 1.05rem; margin: 0 0 0.8rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.45rem 0.8rem; margin: 0; font-size: 1.05rem; }
dt { color: #555; } dd { margin: 0; word-break: break-all; }
form { display: grid; gap: 0.4rem; background: #fff; border-radius: 0.6rem; padding: 1rem 1.2rem;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
label { font-size: 1rem; color: #444; }
input { font-size: 1.15rem; padding: 0.55rem; border: 1px solid #999; border-radius: 0.35rem;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
button { font-size: 1.2rem; padding: 0.65rem; margin-top: 0.4rem; border: 0; border-radius: 0.35rem;
  background: #8c1c13; color: #fff; letter-spacing: 0.3em; }
.note { color: #555; font-size: 0.85rem; line-height: 1.5; }

"""#

    static let script = #"""
// 证书核验: looks a certificate up by a one-way hash of its number and code.
// Everything runs in this page: no request leaves this folder.
(function () {
  "use strict";
  var site = window.PEIXUN_SITE, words = site.words;
  var pending = {};
  var enc = new TextEncoder();

  // The data files call this when they load (they are scripts, so they load
  // from file:// too, where fetch() is not allowed).
  window.peixunShard = function (prefix, records) {
    var waiting = pending[prefix];
    if (waiting) { delete pending[prefix]; waiting.resolve(records); }
  };

  function loadShard(prefix) {
    return new Promise(function (resolve, reject) {
      pending[prefix] = { resolve: resolve };
      var s = document.createElement("script");
      s.src = "data/" + prefix + ".js";
      s.onerror = function () { delete pending[prefix]; reject(new Error("data file missing")); };
      document.head.appendChild(s);
    });
  }

  // The same rules as `peixun verify`: case, spaces and hyphens do not
  // matter; I and L read as 1, O as 0 (Crockford's base32).
  function normalizeCode(text) {
    var alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ", out = "";
    var t = String(text).toUpperCase();
    for (var i = 0; i < t.length; i++) {
      var c = t[i];
      if (c === "-" || c === " " || c === "\t") continue;
      if (c === "I" || c === "L") c = "1";
      else if (c === "O") c = "0";
      if (alphabet.indexOf(c) < 0) return null;
      out += c;
    }
    return out.length === 10 ? out.slice(0, 5) + "-" + out.slice(5) : null;
  }

  function hexBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
    return out;
  }
  function toHex(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return s;
  }
  function concat(a, b) { var out = new Uint8Array(a.length + b.length); out.set(a); out.set(b, a.length); return out; }
  function fromBase64(text) {
    var raw = atob(text), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  async function lookup(number, typedCode) {
    var code = normalizeCode(typedCode);
    number = String(number).trim().toUpperCase();
    if (!code || !number) return { status: "invalid" };
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle) throw new Error("浏览器只在 https:// 网址上提供查验所需的加密功能");
    var base = await subtle.importKey("raw", enc.encode(number + "." + code), "PBKDF2", false, ["deriveBits"]);
    var dk = new Uint8Array(await subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: hexBytes(site.salt), iterations: site.iterations }, base, 256));
    var id = toHex(new Uint8Array(await subtle.digest("SHA-256", concat(enc.encode("peixun-site-id"), dk))).slice(0, 8));
    var keyBytes = new Uint8Array(await subtle.digest("SHA-256", concat(enc.encode("peixun-site-key"), dk))).slice(0, 16);
    var records;
    try { records = await loadShard(id.slice(0, site.prefix)); } catch (e) { return { status: "invalid" }; }
    var sealed = records[id];
    if (!sealed) return { status: "invalid" };
    var box = fromBase64(sealed);
    var key = await subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]);
    var plain;
    try {
      plain = await subtle.decrypt({ name: "AES-GCM", iv: box.slice(0, 12) }, key, box.slice(12));
    } catch (e) { return { status: "invalid" }; }
    var r = JSON.parse(new TextDecoder().decode(plain));
    return { status: r.s === "v" ? "valid" : "revoked", number: number, record: r };
  }

  function show(answer) {
    var section = document.getElementById("answer");
    section.className = "answer " + answer.status;
    section.hidden = false;
    document.getElementById("verdict").textContent = words[answer.status];
    document.getElementById("explained").textContent = words[answer.status + "Explained"];
    var dl = document.getElementById("details");
    dl.textContent = "";
    if (!answer.record) return;
    var r = answer.record, p = site.programmes[r.p] || {};
    var rows = [["number", answer.number], ["kind", site.kinds[r.k] || r.k], ["programme", p.name],
                ["issuer", p.issuer], ["issueDate", p.issueDate], ["holder", r.n], ["county", r.c], ["school", r.u]];
    if (r.r) rows.push(["revokedAt", r.r]);
    rows.forEach(function (row) {
      if (!row[1]) return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = words[row[0]];
      dd.textContent = row[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
  }

  function check(number, code) {
    document.getElementById("number").value = number;
    document.getElementById("code").value = code;
    lookup(number, code).then(show, function (e) {
      show({ status: "invalid" });
      document.getElementById("verdict").textContent = "无法查验";  // not an answer about the certificate
      document.getElementById("explained").textContent = "无法查验：" + e.message + "。请用 https:// 网址打开本页，或换用其他浏览器。";
    });
  }

  // #<number>.<code>, as the QR code on the certificate holds it.
  function fromFragment() {
    var h = decodeURIComponent(location.hash.replace(/^#/, ""));
    var dot = h.lastIndexOf(".");
    if (dot > 0) check(h.slice(0, dot), h.slice(dot + 1));
  }

  document.getElementById("lookup").addEventListener("submit", function (event) {
    event.preventDefault();
    check(document.getElementById("number").value, document.getElementById("code").value);
  });
  window.addEventListener("hashchange", fromFragment);
  fromFragment();
})();

"""#
}
