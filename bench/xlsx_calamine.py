"""Reads the first sheet of every .xlsx file in a folder with python-calamine (bench/xlsx.sh)
and prints the rows read: the peer for peixun's reading of the same export."""
import os
import sys

from python_calamine import CalamineWorkbook

folder = sys.argv[1]
rows = 0
for name in sorted(os.listdir(folder)):
    if name.endswith(".xlsx"):
        workbook = CalamineWorkbook.from_path(os.path.join(folder, name))
        rows += len(workbook.get_sheet_by_index(0).to_python())
print(f"rows={rows}")
