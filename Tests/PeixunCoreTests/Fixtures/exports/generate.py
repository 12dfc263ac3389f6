"""Builds the mixed-format copy of the conformance case seed_examples used by
ExportFormatTests: roster as xlsx (Chinese name 学员名单), courses as xlsx with
numeric 学时 and real Excel date cells, activities as GB18030 CSV (Chinese name),
homework as UTF-8 with BOM and CRLF, tutor posts as plain UTF-8 with a quoted title.
Run: python3 generate.py seed_plain   (seed_plain is a copy of the conformance case seed_examples)
"""
import csv, datetime, os, sys
import xlsxwriter

src = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_mixed")
os.makedirs(out, exist_ok=True)
def rows(name):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        return list(csv.reader(f))

def xlsx(name, table, numeric_cols=(), date_cols=()):
    wb = xlsxwriter.Workbook(os.path.join(out, name))
    ws = wb.add_worksheet("Sheet1")
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for r, row in enumerate(table):
        for c, v in enumerate(row):
            if r > 0 and c in numeric_cols and v:
                ws.write_number(r, c, float(v))
            elif r > 0 and c in date_cols and v:
                ws.write_datetime(r, c, datetime.datetime.strptime(v, "%Y-%m-%d %H:%M:%S"), datefmt)
            else:
                ws.write_string(r, c, v)
    wb.close()

xlsx("学员名单.xlsx", rows("roster.csv"))
xlsx("courses.xlsx", rows("courses.csv"), numeric_cols=(3,), date_cols=(4,))
with open(os.path.join(out, "研修活动.csv"), "w", encoding="gb18030", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows("activities.csv"))
with open(os.path.join(out, "homework.csv"), "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows("homework.csv"))
with open(os.path.join(out, "tutor_posts.csv"), "w", encoding="utf-8", newline="") as f:
    t = rows("tutor_posts.csv")
    t = [t[0]] + [[r[0], r[1], r[2] + "，含逗号, \"引号\"", r[3]] for r in t[1:]]
    csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(t)
