#!/usr/bin/env bash
# Certificates per second: peixun (Swift, Cairo + Pango, all cores) against a
# straightforward Python reportlab script drawing the same page from the same
# template (bench/certificates_reportlab.py), for one PDF per person and for
# merged print files. Also: what a CFF/OTF font (Noto Serif CJK) costs per file.
#
#   bench/certificates.sh [N]        # N certificates (default 2000)
#
# Needs: swift, python3 with reportlab (pip install reportlab), fonts-lxgw-wenkai,
# fonts-noto-cjk. Prints one line per run and the ratios; writes into a temp dir.
set -euo pipefail
N=${1:-2000}
NOTO_N=$(( N / 10 > 50 ? N / 10 : 50 ))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/peixun-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

swift build -c release --product certificates-bench >/dev/null 2>&1 || swift build -c release --product certificates-bench
BENCH="$ROOT/.build/release/certificates-bench"
python3 -c 'import reportlab' 2>/dev/null || { echo "python3 -m pip install reportlab first" >&2; exit 1; }

rate() { sed -E 's/.* = ([0-9]+)\/s.*/\1/'; }
run() {  # label command... ; prints the tool's line plus peak RSS, leaves the rate in $R
  local out
  out=$( { /usr/bin/time -f "peak %M KB" "$@" ; } 2>&1 )
  echo "$out" | paste -sd' ' | sed 's/^/  /'
  R=$(echo "$out" | grep '/s' | rate)
}

echo "N=$N  cores=$(nproc)  load=$(cut -d' ' -f1-3 /proc/loadavg)  $(date -u +%FT%TZ)"
echo "peixun (Swift):"
run "$BENCH" --count "$N" --out "$WORK/s-pp";                 S_PP=$R
run "$BENCH" --count "$N" --out "$WORK/s-m" --merged;         S_M=$R
run "$BENCH" --count "$N" --out "$WORK/s-pp1" --workers 1;    S_PP1=$R
run "$BENCH" --count "$N" --out "$WORK/s-m1" --workers 1 --merged; S_M1=$R
run "$BENCH" --count "$N" --out "$WORK/s-ppq" --no-qr;        S_PPQ=$R
run "$BENCH" --count "$N" --out "$WORK/s-mq" --merged --no-qr; S_MQ=$R
echo "reportlab (Python, one process):"
run python3 bench/certificates_reportlab.py --count "$N" --out "$WORK/p-pp";            P_PP=$R
run python3 bench/certificates_reportlab.py --count "$N" --out "$WORK/p-m" --merged;    P_M=$R
run python3 bench/certificates_reportlab.py --count "$N" --out "$WORK/p-ppq" --no-qr;   P_PPQ=$R
run python3 bench/certificates_reportlab.py --count "$N" --out "$WORK/p-mq" --merged --no-qr; P_MQ=$R
echo "font cost, one PDF per person, one worker ($NOTO_N certificates):"
run "$BENCH" --count "$NOTO_N" --out "$WORK/f-kai" --workers 1 --families "LXGW WenKai,Noto Serif CJK SC"; F_KAI=$R
run "$BENCH" --count "$NOTO_N" --out "$WORK/f-noto" --workers 1 --families "Noto Serif CJK SC";         F_NOTO=$R
echo "  size per file: WenKai $(( $(du -sk "$WORK/f-kai" | cut -f1) / NOTO_N )) KB, Noto Serif CJK $(( $(du -sk "$WORK/f-noto" | cut -f1) / NOTO_N )) KB"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
echo "ratios (peixun all cores / reportlab):"
echo "  per-person:        $(ratio "$S_PP" "$P_PP")   (one core: $(ratio "$S_PP1" "$P_PP"))"
echo "  merged:            $(ratio "$S_M" "$P_M")   (one core: $(ratio "$S_M1" "$P_M"))"
echo "  per-person no QR:  $(ratio "$S_PPQ" "$P_PPQ")"
echo "  merged no QR:      $(ratio "$S_MQ" "$P_MQ")"
echo "  WenKai vs Noto Serif CJK per file: $(ratio "$F_KAI" "$F_NOTO") faster"
echo "QR cost (peixun, rate with QR / rate without; 1.0× = the QR is free):"
echo "  merged:            $(ratio "$S_M" "$S_MQ")"
echo "  per-person:        $(ratio "$S_PP" "$S_PPQ")"
