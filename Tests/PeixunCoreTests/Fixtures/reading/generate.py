#!/usr/bin/env python3
"""Regenerates the reading fixtures (run from this folder; needs `pip install XlsxWriter`).

gb18030.csv   courses table in GB18030, with 𠮷 (a four-byte sequence) and many rows so that
              small chunk sizes split multi-byte sequences.
gbk.csv       roster table in GBK (two-byte characters only), CRLF line ends.
shared.xlsx   roster (shared strings, rich text, a title row above the header, a blank row).
inline.xlsx   courses written in constant-memory mode (inline strings), numbers, date serials,
              missing cells.
handmade.xlsx a hand-written package: namespace prefixes, rows/cells without `r`, phonetic runs,
              booleans, `_x000D_` escapes, second sheet ignored, workbook rels in a non-default place.
"""
import datetime
import zipfile

import xlsxwriter

# --- GB18030 courses ------------------------------------------------------------------
rows = ["身份证号,课程名称,模块,学时,完成时间"]
for i in range(300):
    rows.append(f"41100219800101{i:04d},𠮷祥课程{i},专业知识,1.5,2021-10-01 08:{i % 60:02d}")
rows.append('411002198001019999,"含,逗号的𠮷课程",信息技术,2,2021-11-11 11:11:11')
open("gb18030.csv", "wb").write(("\n".join(rows) + "\n").encode("gb18030"))

# --- GBK roster, CRLF ------------------------------------------------------------------
roster = [
    "身份证号,姓名,性别,区县,单位,学段,学科,坊,角色",
    "410102198001010014,张三,男,魏都区,许昌市第一中学,初中,语文,第一坊,学员",
    "410102198001010022,李四,女,建安区,许昌市实验小学,小学,数学,第一坊,坊主",
    "410102198001010030,王五,男,禹州市,禹州市高级中学,高中,英语,第二坊,坊主兼学员",
]
open("gbk.csv", "wb").write(("\r\n".join(roster) + "\r\n").encode("gbk"))

# --- shared strings xlsx ---------------------------------------------------------------
wb = xlsxwriter.Workbook("shared.xlsx")
ws = wb.add_worksheet("名单")
bold = wb.add_format({"bold": True})
ws.write(0, 0, "2021年许昌市教师培训学员名单")  # title row
header = ["身份证号", "姓名", "性别", "区县", "单位", "学段", "学科", "坊", "角色", "备注"]
for c, h in enumerate(header):
    ws.write(1, c, h)
ws.write_row(2, 0, ["410102198001010014", "张三", "男", "魏都区", "许昌市第一中学", "初中", "语文", "第一坊", "学员"])
# row 4 (index 3) left blank
ws.write_rich_string(4, 0, bold, "4101021980", "01010022")
ws.write_row(4, 1, ["\u3000李四\u00a0", "女", "建安区", "许昌市实验小学", "小学", "数学", "第一坊", "坊主"])
ws.write(4, 9, "  备 注  ")
wb.add_worksheet("第二页").write(0, 0, "not read")
wb.close()

# --- inline strings xlsx (constant memory) ---------------------------------------------
wb = xlsxwriter.Workbook("inline.xlsx", {"constant_memory": True})
ws = wb.add_worksheet()
date_format = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
ws.write_row(0, 0, ["完成时间", "学时", "身份证号", "课程名称", "模块", "课程编号"])  # any order, extra column
ws.write_datetime(1, 0, datetime.datetime(2021, 10, 1, 12, 0, 0), date_format)
ws.write_number(1, 1, 1.5)
ws.write_string(1, 2, "410102198001010014")
ws.write_string(1, 3, "师德修养")
ws.write_string(1, 4, "专业理念与师德")
ws.write_number(1, 5, 1001)
# row 3: 学时 and 完成时间 missing (unfinished course), 课程编号 missing
ws.write_string(2, 2, "410102198001010022")
ws.write_string(2, 3, "信息技术基础")
ws.write_string(2, 4, "信息技术")
# row 4: numbers as text, a tiny number, a big one
ws.write_string(3, 0, "2021-11-01 08:30")
ws.write_number(3, 1, 0.1 + 0.2)
ws.write_string(3, 2, "410102198001010030")
ws.write_string(3, 3, "课程三")
ws.write_string(3, 4, "专业知识")
ws.write_number(3, 5, 12345678901234567890)
wb.close()

# --- hand-made package -----------------------------------------------------------------
content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/book/wb.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/book/sheets/first.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/book/sheets/other.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/book/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
package_rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/wb.xml"/>
</Relationships>"""
workbook = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets><x:sheet name="坊主工作" sheetId="7" rel:id="rIdB"/><x:sheet name="other" sheetId="1" rel:id="rIdA"/></x:sheets>
</x:workbook>"""
workbook_rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/other.xml"/>
<Relationship Id="rIdB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/book/sheets/first.xml"/>
<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
</Relationships>"""
strings = ["身份证号", "类型", "标题", "发布时间", "坊", "公告", "简报"]
sst = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
sst += [f"<x:si><x:t>{s}</x:t></x:si>" for s in strings]
# index 7: rich text with a phonetic run that is not part of the text
sst.append('<x:si><x:r><x:t>第一期</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 研修&amp;简报</x:t></x:r>'
           '<x:rPh sb="0" eb="1"><x:t>ヨミ</x:t></x:rPh></x:si>')
# index 8: an escaped carriage return
sst.append("<x:si><x:t>第一行_x000D_第二行</x:t></x:si>")
sst.append("</x:sst>")
first = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t>410102198001010022</x:t></x:is></x:c><x:c t="s"><x:v>5</x:v></x:c><x:c t="s"><x:v>7</x:v></x:c><x:c><x:v>44470.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>A2</x:f><x:v>410102198001010022</x:v></x:c><x:c r="B5" t="s"><x:v>6</x:v></x:c><x:c r="C5" t="s"><x:v>8</x:v></x:c><x:c r="D5" t="d"><x:v>2021-10-02T09:30:00Z</x:v></x:c></x:row>
<x:row r="6"><x:c r="D6"><x:v>4.4470500000000001E4</x:v></x:c><x:c r="E6" t="e"><x:v>#N/A</x:v></x:c><x:c r="G6" t="inlineStr"><x:is><x:t>extra</x:t></x:is></x:c></x:row>
</x:sheetData></x:worksheet>"""
other = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>"""
with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", package_rels)
    z.writestr("book/wb.xml", workbook)
    z.writestr("book/_rels/wb.xml.rels", workbook_rels)
    z.writestr("book/strings.xml", "\n".join(sst))
    z.writestr("book/sheets/first.xml", first)
    z.writestr("book/sheets/other.xml", other)
