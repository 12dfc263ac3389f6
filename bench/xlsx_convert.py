"""Converts a CSV export folder to the same export as .xlsx files (bench/xlsx.sh).

    python3 bench/xlsx_convert.py CSV_DIR XLSX_DIR

Each table becomes one sheet written by XlsxWriter in constant-memory mode (inline strings, as
streaming exporters write them): time columns as Excel date serials with a date format, 学时 as
numbers, everything else as text.
"""
import csv
import datetime
import os
import sys

import xlsxwriter

TIME_COLUMNS = {"完成时间", "提交时间", "发布时间"}
NUMBER_COLUMNS = {"学时"}


def parse_time(text):
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.datetime.strptime(text, pattern)
        except ValueError:
            pass
    return None


def convert(source, target):
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        sheet.write_row(0, 0, header)
        kinds = ["time" if h in TIME_COLUMNS else "number" if h in NUMBER_COLUMNS else "text" for h in header]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value == "":
                    continue
                kind = kinds[c] if c < len(kinds) else "text"
                if kind == "time" and (moment := parse_time(value)) is not None:
                    sheet.write_datetime(r, c, moment, date_format)
                elif kind == "number":
                    try:
                        sheet.write_number(r, c, float(value))
                    except ValueError:
                        sheet.write_string(r, c, value)
                else:
                    sheet.write_string(r, c, value)
    workbook.close()


def main():
    source_dir, target_dir = sys.argv[1], sys.argv[2]
    os.makedirs(target_dir, exist_ok=True)
    for name in sorted(os.listdir(source_dir)):
        if name.endswith(".csv"):
            convert(os.path.join(source_dir, name), os.path.join(target_dir, name[:-4] + ".xlsx"))


main()
