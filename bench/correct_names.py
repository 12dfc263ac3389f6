"""A data correction for the rerun benchmarks: 1 % of the trainees in roster.csv get the last
character of their name changed (鑫, or 淼 where it already is 鑫).

    python3 bench/correct_names.py ROSTER.csv [even|units]

even: spread evenly over the file; units: whole 单位, in order of first appearance, until 1 % of
the trainees. The file is rewritten in place; the count goes to stderr.
"""
import csv
import sys

path = sys.argv[1]
spread = sys.argv[2] if len(sys.argv) > 2 else "even"
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
header, body = rows[0], rows[1:]
name, role, unit = header.index("姓名"), header.index("角色"), header.index("单位")
trainees = [i for i, r in enumerate(body) if r[role] == "学员"]
target = max(1, len(trainees) // 100)
if spread == "units":
    by_unit = {}
    for i in trainees:
        by_unit.setdefault(body[i][unit], []).append(i)
    chosen = []
    for members in by_unit.values():
        if len(chosen) >= target:
            break
        chosen += members
else:
    chosen = trainees[::max(1, len(trainees) // target)][:target]
for i in chosen:
    n = body[i][name]
    body[i][name] = n[:-1] + ("鑫" if n[-1] != "鑫" else "淼")
with open(path, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + body)
print(f"correction: {len(chosen)} of {len(trainees)} trainees' names ({spread})", file=sys.stderr)
