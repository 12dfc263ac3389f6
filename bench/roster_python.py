#!/usr/bin/env python3
"""Baseline for bench/roster.sh: Python XlsxWriter writing the same 名册 sheet
as `roster-bench` (same synthetic rows from the same 64-bit LCG, same columns,
cell types, formats, title, freeze, filter, conditional format and print set-up),
in constant_memory mode. Rows are generated before the clock starts; only
writing and closing the workbook is timed, as in roster-bench.

    python3 bench/roster_python.py --people 100000 --out /tmp/roster-bench-py
"""
import argparse, os, resource, sys, time, tomllib
from fractions import Fraction
import xlsxwriter

MASK = (1 << 64) - 1


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def below(self, n):
        return self.next() % n


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽")
COUNTIES = ["魏都区", "建安区", "禹州市", "长葛市", "鄢陵县", "襄城县", "示范区", "东城区"]
STAGES = ["小学", "初中", "高中"]
SUBJECTS = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "信息技术"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def round2(x):  # half-up to hundredths, as a float for the cell
    return float(Fraction((x * 100 * 2 + 1) // 2, 100))


def rows(scheme, people):
    rng = LCG(20211220)
    modules = [(m["name"], Fraction(m["required_hours"]), Fraction(m["points"])) for m in scheme["modules"]]
    activities = [Fraction(a["points"]) for a in scheme["activities"]]
    grades = [(g["name"], Fraction(g["points"])) for g in scheme["homework"]["grades"]]
    pass_score = Fraction(str(scheme["trainee"]["pass_score"]))
    for i in range(people):
        class_no = i // 30
        county = COUNTIES[class_no % len(COUNTIES)]
        stage = STAGES[class_no % len(STAGES)]
        subject = SUBJECTS[class_no % len(SUBJECTS)]
        class_name = f"{county}{stage}{subject}{class_no + 1}坊"
        school = f"{county}第{rng.below(40) + 1}{'实验小学' if stage == '小学' else '中学'}"
        name = SURNAMES[rng.below(len(SURNAMES))] + GIVEN[rng.below(len(GIVEN))]
        name += GIVEN[rng.below(len(GIVEN))] if rng.below(2) == 0 else ""
        first17 = "4110%02d19%02d%02d%02d%03d" % (rng.below(30), 60 + rng.below(40), 1 + rng.below(12),
                                                   1 + rng.below(28), rng.below(1000))
        pid = first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]
        cells_hours = []
        total = Fraction(0)
        for _, required, points in modules:
            h = Fraction(rng.below((int(required) + 5) * 4 + 1), 4)
            p = Fraction(round(round2(points * min(h, required) / required) * 100), 100)
            cells_hours += [float(h), float(p)]
            total += p
        done = [rng.below(10) < 8 for _ in activities]
        act = [pts if d else Fraction(0) for pts, d in zip(activities, done)]
        total += sum(act)
        g = rng.below(5)
        grade = grades[g][0] if g < 3 else ("待批阅" if g == 3 else "未提交")
        hw = grades[g][1] if g < 3 else Fraction(0)
        total += hw
        passed = total >= pass_score
        rank = i % 30 + 1
        excellent = passed and rank <= 3
        yield ([i + 1, county, school, name, "男" if rng.below(3) == 0 else "女", pid, stage, subject, class_name],
               cells_hours, [float(a) for a in act], grade, float(hw), float(total), passed, rank, excellent,
               "XC2021-1-JY-%07d" % (i + 1) if passed else None,
               "XC2021-1-YX-%07d" % (i + 1) if excellent else None)


def cpu_seconds():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=100000)
    ap.add_argument("--out", default="/tmp/roster-bench-py")
    ap.add_argument("--scheme", default="seeds/xuchang-2021-1/scheme.toml")
    args = ap.parse_args()
    with open(args.scheme, "rb") as f:
        scheme = tomllib.load(f)
    data = list(rows(scheme, args.people))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "培训名册.xlsx")

    t0 = time.time()
    cpu0 = cpu_seconds()
    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "tmpdir": args.out})
    wb.set_properties({"title": scheme["programme"]["name"] + "培训名册", "author": scheme["programme"]["issuer"]})
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    header = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "align": "center", "valign": "vcenter",
                            "text_wrap": True, "border": 1})
    text = wb.add_format({"border": 1})
    code = wb.add_format({"num_format": "@", "border": 1})
    dec = wb.add_format({"num_format": "0.00", "border": 1})
    integer = wb.add_format({"num_format": "0", "border": 1})
    failed = wb.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"})
    ws = wb.add_worksheet("名册")
    cols = ["序号", "区县", "单位", "姓名", "性别", "身份证号", "学段", "学科", "坊"]
    for m in scheme["modules"]:
        cols += [m["name"] + "学时", m["name"] + "得分"]
    cols += [a["name"] + "得分" for a in scheme["activities"]]
    cols += ["作业等级", "作业得分", "总分", "是否合格", "排名", "优秀学员", "证书编号", "荣誉证书编号"]
    last = len(cols) - 1
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last, scheme["programme"]["name"] + "　名册", title)
    ws.set_row(1, 33)
    for c, h in enumerate(cols):
        ws.write_string(1, c, h, header)
    ws.freeze_panes(2, 4)
    ws.set_landscape(); ws.set_paper(9); ws.fit_to_pages(1, 0); ws.repeat_rows(0, 1)
    ws.set_footer("&L名册&R第 &P 页，共 &N 页")
    r = 2
    for person, hours, acts, grade, hw, total, passed, rank, excellent, cert, honour in data:
        ws.write_number(r, 0, person[0], integer)
        for c in range(1, 9):
            if c == 5:
                ws.write_string(r, c, person[c], code)
            else:
                ws.write_string(r, c, person[c], text)
        c = 9
        for v in hours + acts:
            ws.write_number(r, c, v, dec); c += 1
        ws.write_string(r, c, grade, text); c += 1
        ws.write_number(r, c, hw, dec); c += 1
        ws.write_number(r, c, total, dec); c += 1
        ws.write_string(r, c, "合格" if passed else "不合格", text); c += 1
        ws.write_number(r, c, rank, integer); c += 1
        ws.write_string(r, c, "是" if excellent else "否", text); c += 1
        for v in (cert, honour):
            if v is None:
                ws.write_blank(r, c, None, text)
            else:
                ws.write_string(r, c, v, code)
            c += 1
        r += 1
    pass_col = xlsxwriter.utility.xl_col_to_name(cols.index("是否合格"))
    ws.autofilter(1, 0, max(r - 1, 1), last)
    ws.conditional_format(2, 0, max(r - 1, 2), last,
                          {"type": "formula", "criteria": f'=${pass_col}3="不合格"', "format": failed})
    for c, h in enumerate(cols):
        ws.set_column(c, c, 12)
    wb.close()
    t1 = time.time()
    cpu = cpu_seconds() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("python rows=%d write_s=%.2f rows_per_s=%.0f write_cpu_s=%.2f rows_per_cpu_s=%.0f rss_after_build_mb=%.1f peak_rss_mb=%.1f writer_mb=%.1f file_mb=%.1f"
          % (args.people, t1 - t0, args.people / (t1 - t0), cpu, args.people / cpu, rss_before, peak, peak - rss_before,
             os.path.getsize(path) / 1048576))


if __name__ == "__main__":
    main()
