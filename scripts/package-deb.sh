#!/usr/bin/env bash
# Builds out/peixun_<version>_<arch>.deb for a server without a Swift toolchain: a release binary
# with the Swift runtime linked in (--static-swift-stdlib; its own build folder .build-static, so
# the debug and release builds stay as they are), the templates, fonts folder, seed scheme and
# sample under /usr/share/peixun, the centre's /etc/peixun/templates (with a README, the only
# conffile), a man page and /usr/share/doc/peixun. Depends: is derived from the binary by
# dpkg-shlibdeps (so it stays true) plus the default fonts. The version is PeixunCore.version,
# read back from the built binary (`peixun --version`).
# Usage: scripts/package-deb.sh [--no-build]   (prints the path of the .deb on stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
# Only the package's path goes to stdout (callers take it with $(...)); everything else, the
# compiler's and linker's chatter included, goes to stderr.
exec 3>&1 1>&2
scripts/setup.sh

scratch=.build-static
if [ "${1:-}" != "--no-build" ]; then
  echo "package-deb: swift build -c release --static-swift-stdlib (several minutes on a first build)" >&2
  swift build -c release --product peixun --static-swift-stdlib --disable-local-rpath --scratch-path "$scratch" -q
fi
bin="$scratch/release/peixun"
test -x "$bin" || { echo "package-deb: $bin is missing (build it, or run without --no-build)" >&2; exit 1; }

# No Swift runtime library may be needed at run time.
if ldd "$bin" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|/opt/swift'; then
  echo "package-deb: $bin links a Swift runtime library (above); it must be linked statically" >&2
  exit 1
fi

version=$("$bin" --version)
dpkg --validate-version "$version" || { echo "package-deb: '$version' is not a Debian version" >&2; exit 1; }
arch=$(dpkg --print-architecture)

stage=$(mktemp -d "${TMPDIR:-/tmp}/peixun-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root="$stage/peixun"
share="$root/usr/share/peixun"
doc="$root/usr/share/doc/peixun"

install -D -m 0755 "$bin" "$root/usr/bin/peixun"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/peixun"
"$root/usr/bin/peixun" --version >/dev/null  # still runs once stripped

# Data: copies of the repository's folders, files 0644, folders 0755.
copy_tree() {  # copy_tree SOURCE DEST
  (cd "$1" && find . -type d) | while read -r d; do install -d -m 0755 "$2/$d"; done
  (cd "$1" && find . -type f) | while read -r f; do install -m 0644 "$1/$f" "$2/$f"; done
}
copy_tree Templates "$share/templates"
copy_tree Fonts "$share/fonts"
copy_tree seeds "$share/seeds"

install -d -m 0755 "$root/etc/peixun/templates"
install -m 0644 packaging/etc-templates-README "$root/etc/peixun/templates/README"

install -d -m 0755 "$root/usr/share/man/man1"
sed "s/@VERSION@/$version/g" packaging/peixun.1 | gzip -9n > "$root/usr/share/man/man1/peixun.1.gz"
chmod 0644 "$root/usr/share/man/man1/peixun.1.gz"

install -d -m 0755 "$doc"
install -m 0644 packaging/copyright "$doc/copyright"
install -m 0644 README.md "$doc/README.md"
copy_tree docs "$doc/docs"
date=$(git log -1 --format=%cD 2>/dev/null || date -R)
printf 'peixun (%s) unstable; urgency=medium\n\n  * Release %s (%s).\n\n -- Peixun maintainers <maintainers@peixun.invalid>  %s\n' \
  "$version" "$version" "$(git describe --always --dirty 2>/dev/null || echo unknown)" "$date" \
  | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# Depends: the shared libraries the binary links, as dpkg-shlibdeps finds them, and the fonts
# the templates name (LXGW WenKai first, Noto CJK for the rare characters).
mkdir -p "$stage/debian"
printf 'Source: peixun\n\nPackage: peixun\nArchitecture: any\n' > "$stage/debian/control"
shlibs=$(cd "$stage" && dpkg-shlibdeps -O -e peixun/usr/bin/peixun 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
test -n "$shlibs" || { echo "package-deb: dpkg-shlibdeps found no libraries" >&2; exit 1; }
depends="$shlibs, fontconfig, fonts-lxgw-wenkai, fonts-noto-cjk"

install -d -m 0755 "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
  packaging/control.in > "$root/DEBIAN/control"
install -m 0644 packaging/conffiles "$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

mkdir -p out
deb="out/peixun_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null
echo "package-deb: $deb ($(du -h "$deb" | cut -f1); Depends: $depends)" >&2
echo "$deb" >&3
