#!/usr/bin/env python3
"""Baseline: the same certificate page drawn by a straightforward Python
reportlab script, reading the same TOML template (Templates/completion.toml).

    python3 bench/certificates_reportlab.py --count N --out DIR [--merged]

Prints `<label> <count> certificates in <s> s = <rate>/s`, like certificates-bench.
Per-person: one PDF per certificate. Merged: one PDF per 区县.
"""
import argparse, math, os, random, re, sys, time, tomllib
from reportlab.pdfgen import canvas
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.graphics import renderPDF

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAI = "/usr/share/fonts/truetype/lxgw-wenkai/"
pdfmetrics.registerFont(TTFont("Kai", KAI + "LXGWWenKai-Regular.ttf"))
pdfmetrics.registerFont(TTFont("KaiBold", KAI + "LXGWWenKai-Bold.ttf"))

def color(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬辉鑫宇浩然子涵欣怡梓萱雨桐一诺晨阳思远佳琪堃喆玥昇"
COUNTIES = ["魏都区", "建安区", "禹州市", "长葛市", "鄢陵县", "襄城县"]
SCHOOLS = ["第一中学", "实验小学", "第二初级中学", "中心小学", "城关镇中心校", "育才学校", "外国语学校", "职业教育中心"]
STAGES = ["小学语文", "小学数学", "初中英语", "初中数学", "高中物理", "高中历史", "幼儿园", "初中道德与法治"]

def people(n):
    rng = random.Random(20211225)
    out = []
    for i in range(n):
        county = rng.choice(COUNTIES)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < .5 else "")
        out.append({
            "name": name, "masked_id": "4110%02d**********%03dX" % (rng.randrange(100), rng.randrange(1000)),
            "school": county[:2] + rng.choice(SCHOOLS), "county": county, "stage_subject": rng.choice(STAGES),
            "programme": "许昌市“十四五”第一期中小学教师继续教育培训", "hours": str(50 + rng.randrange(20)),
            "result": "合格", "number": "XC2021-JY-%06d" % (i + 1), "code": "%04X-%04X" % (rng.randrange(65536), rng.randrange(65536)),
            "issuer": "许昌市教师教育培训中心", "issue_date": "2021年12月25日", "issue_date_cn": "二〇二一年十二月二十五日",
            "title": "结业证书",
        })
    return out

def fill(text, d):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: d.get(m.group(1), ""), text)

class Page:
    def __init__(self, template, no_qr=False):
        self.t = template
        self.no_qr = no_qr
        self.W, self.H = template["page"]["width"] * mm, template["page"]["height"] * mm

    def y(self, top_mm):  # reportlab's origin is bottom-left
        return self.H - top_mm * mm

    def draw(self, c, d):
        t = self.t
        b = t.get("border", {})
        for key in ("outer", "inner"):
            f = b.get(key)
            if not f: continue
            c.setStrokeColorRGB(*color(f["color"])); c.setLineWidth(f["width"] * mm)
            i = f["inset"] * mm
            c.rect(i, i, self.W - 2 * i, self.H - 2 * i)
            if "double_gap" in f:
                g = i + f["double_gap"] * mm
                c.setLineWidth(max(.2, f["width"] / 3) * mm)
                c.rect(g, g, self.W - 2 * g, self.H - 2 * g)
        cr = b.get("corners")
        if cr:
            c.setStrokeColorRGB(*color(cr["color"])); c.setLineWidth(cr.get("width", .6) * mm)
            s, g, ins = cr["size"], cr["size"] * .16, cr["inset"]
            for cx, cy, sx, sy in ((ins, ins, 1, 1), (297 - ins, ins, -1, 1), (ins, 210 - ins, 1, -1), (297 - ins, 210 - ins, -1, -1)):
                P = lambda x, y: (cx * mm + sx * x * mm, self.y(cy + sy * y))
                for pts in ([(0, s), (0, 0), (s, 0)], [(2 * g, s * .78), (g, s * .78), (g, g), (s * .78, g), (s * .78, 2 * g)],
                            [(2 * g, 3 * g), (2 * g, s * .56), (s * .56, s * .56), (s * .56, 2 * g), (3 * g, 2 * g), (3 * g, s * .56 - g),
                             (s * .56 - g, s * .56 - g), (s * .56 - g, 3 * g)]):
                    p = c.beginPath(); p.moveTo(*P(*pts[0]))
                    for q in pts[1:]: p.lineTo(*P(*q))
                    c.drawPath(p, stroke=1, fill=0)
        for s in t.get("shapes", []):
            c.setStrokeColorRGB(*color(s["color"])); c.setFillColorRGB(*color(s["color"]))
            if s["type"] == "line":
                c.setLineWidth(s.get("width", .3) * mm)
                c.line(s["from"]["x"] * mm, self.y(s["from"]["y"]), s["to"]["x"] * mm, self.y(s["to"]["y"]))
            elif s["type"] == "diamond":
                x, y, r = s["center"]["x"], s["center"]["y"], s["radius"]
                p = c.beginPath(); p.moveTo(x * mm, self.y(y - r)); p.lineTo((x + 1.6 * r) * mm, self.y(y))
                p.lineTo(x * mm, self.y(y + r)); p.lineTo((x - 1.6 * r) * mm, self.y(y)); p.close()
                c.drawPath(p, stroke=0, fill=1)
        default = color(t.get("color", "#000000"))
        for blk in t["blocks"]:
            self.text(c, fill(blk["text"], d), blk, default)
        q = t.get("qr")
        if q and not self.no_qr:
            side = q["box"]["width"] * mm
            w = QrCodeWidget(fill(q["text"], d), barLevel="M", barBorder=0, barWidth=side, barHeight=side)
            dr = Drawing(side, side); dr.add(w)
            renderPDF.draw(dr, c, q["box"]["x"] * mm, self.y(q["box"]["y"] + q["box"]["height"]))
        self.seal(c, d)

    def text(self, c, text, blk, default):
        font = "KaiBold" if blk.get("weight") == "bold" else "Kai"
        size, minimum = blk["size"], blk.get("min_size", blk["size"])
        bx, by, bw, bh = (blk["box"][k] * mm for k in ("x", "y", "width", "height"))
        spacing = blk.get("letter_spacing", 0)
        c.setFillColorRGB(*(color(blk["color"]) if "color" in blk else default))
        if blk.get("shrink", True):
            width = lambda s: pdfmetrics.stringWidth(text, font, s) + spacing * len(text)
            while size > minimum and width(size) > bw: size -= .25
            lines = [text]
        else:  # wrap by characters
            lines, line = [], ""
            for ch in text:
                if pdfmetrics.stringWidth(line + ch, font, size) > bw: lines.append(line); line = ch
                else: line += ch
            lines.append(line)
        lead = size * 1.35
        top = self.H - by
        valign = blk.get("valign", "middle")
        total = lead * len(lines)
        y = top - (bh - total) / 2 - size if valign == "middle" else (top - bh + (lead - size) if valign == "bottom" else top - size)
        align = blk.get("align", "left")
        for ln in lines:
            tobj = c.beginText(); tobj.setFont(font, size); tobj.setCharSpace(spacing)
            w = pdfmetrics.stringWidth(ln, font, size) + spacing * len(ln)
            x = bx + (bw - w) / 2 if align == "center" else (bx + bw - w if align == "right" else bx)
            tobj.setTextOrigin(x, y); tobj.textOut(ln); c.drawText(tobj)
            y -= lead

    def seal(self, c, d):
        s = self.t.get("seal")
        if not s or "image" in s:  # no drawn seal (the default templates); an image seal is not drawn here
            return
        cx, cy, r = s["center"]["x"] * mm, self.y(s["center"]["y"]), s["diameter"] / 2 * mm
        c.saveState()
        col = color(s.get("color", "#D0161B"))
        c.setStrokeColorRGB(*col, alpha=.85); c.setFillColorRGB(*col, alpha=.85)
        ring = s["diameter"] * .032 * mm
        c.setLineWidth(ring); c.circle(cx, cy, r - ring / 2, stroke=1, fill=0)
        outer, inner = r * .3, r * .3 * .382
        p = c.beginPath()
        for k in range(10):
            a = math.pi / 2 + k * math.pi / 5
            rad = outer if k % 2 == 0 else inner
            (p.moveTo if k == 0 else p.lineTo)(cx + rad * math.cos(a), cy + rad * math.sin(a))
        p.close(); c.drawPath(p, stroke=0, fill=1)
        chars = list(fill(s.get("text", "{{issuer}}"), d))
        size = r * .3
        step = min(.40, math.pi * 1.35 / max(len(chars) - 1, 1)); span = step * (len(chars) - 1)
        for i, ch in enumerate(chars):
            th = math.pi / 2 + span / 2 - i * step
            c.saveState(); c.translate(cx, cy); c.rotate(math.degrees(th - math.pi / 2))
            c.setFont("KaiBold", size); c.drawCentredString(0, r - ring * 1.6 - size * 1.0, ch)
            c.restoreState()
        if s.get("caption"):
            c.setFont("KaiBold", size * .8); c.drawCentredString(cx, cy - outer * 1.05 - size * .8, s["caption"])
        c.restoreState()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--merged", action="store_true")
    ap.add_argument("--no-qr", action="store_true", help="leave the QR code out (reportlab's pure-Python QR encoder dominates)")
    ap.add_argument("--template", default=os.path.join(ROOT, "Templates", "completion.toml"))
    a = ap.parse_args()
    with open(a.template, "rb") as f:
        page = Page(tomllib.load(f), a.no_qr)
    data = people(a.count)
    os.makedirs(a.out, exist_ok=True)
    start = time.perf_counter()
    if a.merged:
        groups = {}
        for d in data: groups.setdefault(d["county"], []).append(d)
        for county in sorted(groups):
            c = canvas.Canvas(os.path.join(a.out, county + ".pdf"), pagesize=(page.W, page.H))
            for d in groups[county]:
                page.draw(c, d); c.showPage()
            c.save()
        label = "merged(%d files)" % len(groups)
    else:
        for d in data:
            dirname = os.path.join(a.out, d["county"], d["school"])
            os.makedirs(dirname, exist_ok=True)
            c = canvas.Canvas(os.path.join(dirname, "%s-%s.pdf" % (d["number"], d["name"])), pagesize=(page.W, page.H))
            page.draw(c, d); c.showPage(); c.save()
        label = "per-person"
    s = time.perf_counter() - start
    label += " no-qr" if a.no_qr else ""
    print("%s reportlab %d certificates in %.2f s = %.0f/s" % (label, a.count, s, a.count / s))

if __name__ == "__main__":
    main()
