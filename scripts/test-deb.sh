#!/usr/bin/env bash
# Builds the Debian package and tests it on this machine as a server would use it (run as root:
# it installs, upgrades, removes and purges the package `peixun`): the term-end job on the packaged
# sample from an empty folder under `env -i` with the Swift toolchain hidden, the outputs read back,
# a centre's edited template used and kept across upgrade, remove and purge, and nothing of the
# package left after purge. Prints "N passed, 0 failed" at the end; any failure stops it (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
[ "$(id -u)" -eq 0 ] || { echo "test-deb: run as root (it installs the package)" >&2; exit 1; }

passed=0
ok() { passed=$((passed + 1)); echo "ok $passed - $*"; }
fail() { echo "FAIL - $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

start=$(date +%s)
deb=$(scripts/package-deb.sh "$@" | tail -n 1)
built=$(date +%s)
test -f "$deb" || fail "no package at $deb"
ok "built $deb in $((built - start)) s"
if command -v lintian >/dev/null; then  # optional: not installed by setup.sh
  lintian --fail-on error,warning "$deb" 2>/dev/null || fail "lintian $deb: $(lintian "$deb" 2>/dev/null)"
  ok "lintian: no error or warning"
fi

seed=/usr/share/peixun/seeds/xuchang-2021-1
centre=/etc/peixun/templates
work=$(mktemp -d "${TMPDIR:-/tmp}/peixun-deb-test.XXXXXX")
cleanup() {
  case "$(dpkg-query -W -f='${Status}' peixun 2>/dev/null || true)" in
    ""|*not-installed) ;;
    *) apt-get purge -y -qq peixun >/dev/null 2>&1 || true ;;
  esac
  rm -f "$centre/completion.toml"
  rmdir "$centre" /etc/peixun 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cleanup; mkdir -p "$work"

# A previous install (a failed run) would make this one an upgrade: start from nothing.
apt-get install -y -qq "./$deb" >/dev/null || fail "apt-get install ./$deb"
dpkg-query -W -f='${Status} ${Version}\n' peixun | grep "install ok installed" >/dev/null || fail "peixun not installed"
ok "apt-get install ./$deb"

# The package's fields.
for field in Depends; do dpkg-query -W -f="\${$field}\n" peixun; done | tee "$work/depends" >/dev/null
for lib in libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libxlsxwriter libqrencode libqpdf libsqlite3-0 fonts-lxgw-wenkai fonts-noto-cjk; do
  grep -q "$lib" "$work/depends" || fail "Depends lacks $lib: $(cat "$work/depends")"
done
grep -qiE 'swift' "$work/depends" && fail "Depends names a Swift package: $(cat "$work/depends")"
ok "Depends: cairo, pango, libxlsxwriter, libqrencode, qpdf, sqlite and the fonts, no Swift"

# No Swift runtime library at run time.
ldd /usr/bin/peixun > "$work/ldd"
grep -qE 'not found' "$work/ldd" && fail "ldd: a library is missing: $(grep 'not found' "$work/ldd")"
grep -qE 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|swift' "$work/ldd" && fail "ldd shows a Swift library: $(cat "$work/ldd")"
ok "ldd /usr/bin/peixun: $(wc -l < "$work/ldd") libraries, none of Swift"

# Man page and help.
zcat /usr/share/man/man1/peixun.1.gz > "$work/man"
grep -q "^\.IR /etc/peixun/templates/" "$work/man" || fail "man page lacks /etc/peixun/templates under FILES"
grep -q "@VERSION@" "$work/man" && fail "man page version not filled in"
commands=$(/usr/bin/peixun --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | awk '/^  [a-z][a-z-]*( |$)/ && $1 != "help" {print $1}')
test -n "$commands" || fail "peixun --help lists no command"
for cmd in $commands; do
  grep -qx "\.B $cmd" "$work/man" || fail "man page does not list the command $cmd"
done
ok "man peixun lists every command of peixun --help"

# The toolchain hidden (a server without Swift), where the kernel lets us (unshare needs root).
swift_root=""
if command -v swift >/dev/null; then swift_root=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"); fi
no_swift() {  # no_swift COMMAND... : runs it with the Swift toolchain's folder empty
  if [ -n "$swift_root" ] && unshare -m --propagation private true 2>/dev/null; then
    unshare -m --propagation private sh -c 'mount -t tmpfs tmpfs "$0" && exec "$@"' "$swift_root" "$@"
  else
    "$@"
  fi
}

# The term-end job as cron runs it: an empty folder, no environment at all (not even PATH or HOME).
job() {  # job OUT : peixun run on the packaged sample into $work/OUT
  (cd "$work" && no_swift env -i /usr/bin/peixun run --scheme "$seed/scheme.toml" --input "$seed/sample" \
     --out "./$1" --key ./k.key) > "$work/$1.stdout" 2> "$work/$1.stderr" \
    || fail "peixun run under env -i: $(cat "$work/$1.stderr")"
}
run_dir=$(mktemp -d "$work/empty.XXXXXX"); rmdir "$run_dir"; run_dir=$(basename "$run_dir")
job "$run_dir"
out="$work/$run_dir"
ok "env -i peixun run in an empty folder$( [ -n "$swift_root" ] && echo ", $swift_root hidden"): $(tail -1 "$work/$run_dir.stderr")"

# Graded exactly as the developer build grades the repository's copy of the seed (when test.sh built it).
dev="$repo/.build/debug/peixun"
if [ -x "$dev" ]; then
  "$dev" grade --scheme "$repo/seeds/xuchang-2021-1/scheme.toml" --input "$repo/seeds/xuchang-2021-1/sample" > "$work/dev.json"
else
  echo '{}' > "$work/dev.json"
fi
python3 - "$out/results.json" "$work/dev.json" <<'EOF' || fail "results.json"
import json, sys
results, dev = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
trainees, tutors = results["trainees"], results["tutors"]
assert trainees and tutors, "no one graded"
assert any(t["passed"] for t in trainees) and not all(t["passed"] for t in trainees), "all or none passed"
assert all(t["certificates"] for t in trainees if t["passed"]), "a passed trainee without a certificate"
fields = ("id", "total", "passed", "rank", "excellent")
if dev:
    for kind in ("trainees", "tutors"):
        got = [tuple(p[f] for f in fields) for p in results[kind]]
        want = [tuple(p[f] for f in fields) for p in dev[kind]]
        assert got == want, f"{kind} differ from the developer build's grade"
    print(f"results.json: {len(trainees)} trainees, {len(tutors)} tutors, as the developer build grades them")
else:
    print(f"results.json: {len(trainees)} trainees, {len(tutors)} tutors (no developer build to compare with)")
EOF
ok "results.json read back"

pdf=$(find "$out/certificates/completion" -name '*.pdf' -not -path '*/print/*' | sort | sed -n 1p)
test -n "$pdf" || fail "no completion certificate under $out/certificates/completion"
pdffonts "$pdf" | awk 'NR > 2' > "$work/fonts"
test -s "$work/fonts" || fail "no fonts in $pdf"
awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }' "$work/fonts" || fail "a font is not embedded in $pdf: $(cat "$work/fonts")"
grep -q "LXGWWenKai" "$work/fonts" || fail "LXGW WenKai not used in $pdf: $(cat "$work/fonts")"
pdftotext "$pdf" - | tr -d ' \n' | grep "结业证书" >/dev/null || fail "$pdf does not read 结业证书"
ok "certificate $(basename "$pdf"): fonts embedded ($(awk '{print $1}' "$work/fonts" | sort -u | tr '\n' ' '))"

test -s "$out/rosters/培训名册.xlsx" || fail "no roster"
unzip -l "$out/rosters/培训名册.xlsx" | grep "xl/worksheets/sheet1.xml" >/dev/null || fail "roster is not a workbook"
ok "roster 培训名册.xlsx"
test -f "$work/k.key" && [ "$(stat -c %a "$work/k.key")" = 600 ] || fail "key not created with mode 0600"
ok "key created with mode 0600"

# No --key and no HOME (env -i; cron itself sets HOME): a warning names the key file and --key.
# (A test sheet needs no key, so nothing is written in the account's home.)
(cd "$work" && env -i /usr/bin/peixun certify --test-sheet --out ./sheets) > /dev/null 2> "$work/nokey.stderr" \
  || fail "certify --test-sheet under env -i: $(cat "$work/nokey.stderr")"
grep -q "HOME is not set.*--key" "$work/nokey.stderr" || fail "no warning about HOME and --key: $(cat "$work/nokey.stderr")"
ok "env -i without --key: $(head -1 "$work/nokey.stderr")"

# A centre edits one template in /etc/peixun/templates: it is used, from any folder.
cp /usr/share/peixun/templates/completion.toml "$centre/completion.toml"
sed -i '0,/^text = "结业证书"/s//text = "结业证明"/' "$centre/completion.toml"
grep -q '"结业证明"' "$centre/completion.toml" || fail "could not edit the template copy"
edited=$(md5sum < "$centre/completion.toml")
echo "# edited by the centre" >> "$centre/README"
readme=$(md5sum < "$centre/README")
edited_pdf() {  # edited_pdf OUT : the job, and check the centre's title on a completion certificate
  job "$1"
  local p; p=$(find "$work/$1/certificates/completion" -name '*.pdf' | sort | sed -n 1p)
  pdftotext "$p" - | tr -d ' \n' | grep "结业证明" >/dev/null || fail "$1: the centre's completion.toml was not used"
  local t; t=$(find "$work/$1/certificates/excellent_trainee" -name '*.pdf' | sort | sed -n 1p)
  pdftotext "$t" - | tr -d ' \n' | grep "荣誉证书" >/dev/null || fail "$1: excellent_trainee no longer from the package"
}
edited_pdf centre1
ok "/etc/peixun/templates/completion.toml used; the other templates still from /usr/share/peixun"

# An upgrade (the same package with a higher version) keeps the centre's files.
bumped="$work/peixun_upgrade.deb"
dpkg-deb -R "$deb" "$work/unpacked"
version=$(sed -n 's/^Version: //p' "$work/unpacked/DEBIAN/control")
sed -i "s/^Version: .*/Version: ${version}+test1/" "$work/unpacked/DEBIAN/control"
dpkg-deb --root-owner-group -Znone --build "$work/unpacked" "$bumped" >/dev/null
rm -rf "$work/unpacked"
apt-get install -y -qq "$bumped" >/dev/null 2>"$work/upgrade.stderr" || fail "upgrade: $(cat "$work/upgrade.stderr")"
dpkg-query -W -f='${Version}' peixun | grep "+test1" >/dev/null || fail "upgrade did not install ${version}+test1"
[ "$(md5sum < "$centre/completion.toml")" = "$edited" ] || fail "upgrade changed the centre's completion.toml"
[ "$(md5sum < "$centre/README")" = "$readme" ] || fail "upgrade replaced the edited conffile README"
edited_pdf centre2
ok "upgrade to ${version}+test1 kept the centre's template and edited README, and uses them"

# Remove: the program and its data go, the centre's files and the conffile stay.
files=$(dpkg -L peixun)
apt-get remove -y -qq peixun >/dev/null 2>&1 || fail "apt-get remove"
test ! -e /usr/bin/peixun || fail "remove left /usr/bin/peixun"
test ! -e /usr/share/peixun || fail "remove left /usr/share/peixun: $(find /usr/share/peixun | head)"
[ "$(md5sum < "$centre/completion.toml")" = "$edited" ] || fail "remove touched the centre's template"
test -f "$centre/README" || fail "remove deleted the conffile"
ok "apt-get remove: /usr/bin/peixun and /usr/share/peixun gone, /etc/peixun kept"

# Purge: the conffile goes too; only the centre's own file is left.
apt-get purge -y -qq peixun >/dev/null 2>&1 || fail "apt-get purge"
status=$(dpkg-query -W -f='${Status}' peixun 2>/dev/null || true)
case "$status" in ""|*not-installed) ;; *) fail "dpkg still has peixun after purge: $status" ;; esac
left=()
while read -r f; do
  [ -e "$f" ] || continue
  [ -d "$f" ] && [ "$f" != /usr/share/peixun ] && [ "$f" != /usr/share/doc/peixun ] && continue  # shared folders (/usr/bin, …)
  left+=("$f")
done <<< "$files"
[ "${#left[@]}" -eq 0 ] || fail "purge left: ${left[*]}"
test ! -e "$centre/README" || fail "purge left the conffile README"
[ "$(ls -A "$centre")" = completion.toml ] || fail "purge: $centre holds $(ls -A "$centre")"
[ "$(md5sum < "$centre/completion.toml")" = "$edited" ] || fail "purge touched the centre's template"
ok "apt-get purge: nothing of the package left; $centre/completion.toml (the centre's) kept"

echo "test-deb: $(( $(date +%s) - start )) s in all (package build $((built - start)) s)"
echo "$passed passed, 0 failed"
