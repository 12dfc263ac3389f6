#!/usr/bin/env python3
"""Writes a large synthetic courses.csv for the reading benchmark: make_bench_csv.py PATH LINES."""
import random
import sys

path, lines = sys.argv[1], int(sys.argv[2])
modules = ["专业理念与师德", "专业知识", "专业能力", "信息技术"]
rng = random.Random(1)
with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("身份证号,课程名称,模块,学时,完成时间\n")
    chunk = []
    for i in range(1, lines):
        course = rng.randrange(400)
        name = f"\"课程{course},第{course % 7}讲\"" if course % 10 == 0 else f"课程{course}：信息化教学与课堂实践"
        chunk.append(f"41100219800101{i % 10000:04d},{name},{modules[course % 4]},{course % 5}.5,"
                     f"2021-{9 + course % 3:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i % 59:02d}\n")
        if len(chunk) == 10000:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
