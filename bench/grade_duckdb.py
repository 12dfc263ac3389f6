#!/usr/bin/env python3
"""The DuckDB peer of `peixun grade` (bench/grade.sh).

  grade_duckdb.py run INPUT_DIR OUT_DIR
      runs bench/grade_duckdb.sql over the export in INPUT_DIR (DuckDB uses every core);
      writes OUT_DIR/trainees.csv and OUT_DIR/tutors.csv (id, total, passed, excellent).
  grade_duckdb.py compare RESULTS_JSON OUT_DIR
      checks the peer's figures against Peixun's results.json, person by person; prints
      the agreement and exits 1 on any difference.
"""
import csv
import json
import os
import sys


def run(input_dir, out_dir):
    import duckdb
    sql = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grade_duckdb.sql"), encoding="utf-8").read()
    os.makedirs(out_dir, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET VARIABLE input = ?", [input_dir])
    con.execute("SET VARIABLE output = ?", [out_dir])
    con.execute(sql)
    rejects = con.execute("SELECT count(*) FROM reject_errors").fetchone()[0]
    print(f"duckdb: {rejects} rows rejected by read_csv", file=sys.stderr)


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def compare(results_json, out_dir):
    with open(results_json, encoding="utf-8") as f:
        results = json.load(f)
    problems = []

    def check(kind, people, peer):
        agree = 0
        for person in people:
            mine = peer.pop(person["id"], None)
            if mine is None:
                problems.append(f"{kind} {person['id']}: missing from the peer")
                continue
            same = (abs(float(mine["total"]) - person["total"]) < 0.005
                    and (mine["passed"] == "true") == person["passed"]
                    and (mine["excellent"] == "true") == person["excellent"])
            if same:
                agree += 1
            elif len(problems) < 10:
                problems.append(f"{kind} {person['id']}: peixun total {person['total']} passed {person['passed']} "
                                f"excellent {person['excellent']}, peer {mine['total']} {mine['passed']} {mine['excellent']}")
        problems.extend(f"{kind} {i}: only in the peer" for i in list(peer)[:10])
        return agree, sum(1 for p in people if p["passed"])

    trainees, passed = check("trainee", results["trainees"], load(os.path.join(out_dir, "trainees.csv")))
    tutors, tutors_passed = check("tutor", results["tutors"], load(os.path.join(out_dir, "tutors.csv")))
    print(f"peer agrees on {trainees} of {len(results['trainees'])} trainees' total, pass/fail and 优秀 "
          f"({passed} passed) and {tutors} of {len(results['tutors'])} tutors' ({tutors_passed} passed)")
    for p in problems[:10]:
        print("  disagreement:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
