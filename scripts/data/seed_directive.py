#!/usr/bin/env python3
"""Builds crates/treem/data/directives/hai-phong-2024.json from the seed text.

The text of every task is taken verbatim from the seed (line breaks of the PDF extraction
joined, the "NĐ- CP" style breaks kept as the document has them); the structure (ids,
assignees, cited documents, hotlines, occasions, implied indicators, English labels) is ours
and listed below. The seed is the repository's copy in tests/sources/seed/. Run from the
repository root:

    python3 scripts/data/seed_directive.py > crates/treem/data/directives/hai-phong-2024.json
"""
import json
import re
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "tests" / "sources" / "seed" / "hai-phong-2024-so-gddt.txt"

HEADING = re.compile(r"^(\d+\.(\d+\.)?|[a-z]\))\s")


def paragraphs(text):
    """Yields ('heading', id, text) and ('bullet', text) items in document order."""
    lines = [l.strip() for l in text.splitlines()]
    lines = [l for l in lines if l]
    items = []
    current = None
    for line in lines:
        if line.startswith("- ") or line == "-":
            if current:
                items.append(current)
            current = ["bullet", line[1:].strip()]
        elif HEADING.match(line):
            if current:
                items.append(current)
            current = ["heading", line]
        elif current is None:
            current = ["text", line]
        else:
            current[1] = join(current[1], line)
    if current:
        items.append(current)
    return items


def join(a, b):
    # The seed's lines break inside words only at hyphenated document numbers ("NĐ-" / "CP").
    if a.endswith("-"):
        return a + " " + b
    return a + " " + b



ALL_RECIPIENTS = ["phong_gddt", "thpt_school", "multi_level_school", "affiliated_unit"]

# Documents the directive is based on (Thực hiện ...), with dates and issuers as the seed gives them.
BASIS = [
    {"id": "kh-188-2024", "number": "188/KH-UBND", "date": "2024-08-13", "issuer": "Ủy ban nhân dân thành phố Hải Phòng",
     "title": "Kế hoạch thực hiện Kế hoạch số 365-KH/TU của Ban Thường vụ Thành ủy"},
    {"id": "kh-365-2024", "number": "365-KH/TU", "date": "2024-05-31", "issuer": "Ban Thường vụ Thành ủy Hải Phòng",
     "title": "Kế hoạch triển khai thực hiện Chỉ thị số 28-CT/TW"},
    {"id": "ct-28-2023", "number": "28-CT/TW", "date": "2023-12-25", "issuer": "Bộ Chính trị",
     "title": "Chỉ thị về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em đáp ứng yêu cầu phát triển đất nước phồn vinh, hạnh phúc"},
]

# Documents cited in the tasks. The seed names the four laws by title only; we record the
# number only where it is VERIFIED in legal-facts.md (Luật Trẻ em: 102/2016/QH13).
CITED = [
    {"id": "luat-tre-em", "number": "102/2016/QH13", "date": "2016-04-05", "issuer": "Quốc hội", "title": "Luật Trẻ em"},
    {"id": "bo-luat-lao-dong", "title": "Bộ luật Lao động (các quy định về phòng ngừa, giảm thiểu trẻ em lao động trái quy định của pháp luật)", "issuer": "Quốc hội"},
    {"id": "luat-pcbl-gia-dinh", "title": "Luật Phòng, chống bạo lực gia đình", "issuer": "Quốc hội"},
    {"id": "luat-binh-dang-gioi", "title": "Luật Bình đẳng giới", "issuer": "Quốc hội"},
    {"id": "nd-56-2017", "number": "56/2017/NĐ-CP", "date": "2017-05-09", "issuer": "Chính phủ",
     "title": "Nghị định quy định chi tiết một số điều của Luật Trẻ em"},
    {"id": "nd-80-2017", "number": "80/2017/NĐ-CP", "date": "2017-07-17", "issuer": "Chính phủ",
     "title": "Nghị định quy định về môi trường giáo dục an toàn, lành mạnh, thân thiện, phòng, chống bạo lực học đường"},
    # The seed breaks this number across a line ("NĐ-" / "CP"); the catalog stores the number itself.
    {"id": "nd-20-2021", "number": "20/2021/NĐ-CP", "date": "2021-03-15", "issuer": "Chính phủ",
     "title": "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội"},
    {"id": "nd-76-2024", "number": "76/2024/NĐ-CP", "date": "2024-07-01", "issuer": "Chính phủ",
     "title": "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP"},
    {"id": "nq-121-2020", "number": "121/2020/QH14", "date": "2020-06-19", "issuer": "Quốc hội",
     "title": "Nghị quyết về việc tiếp tục tăng cường hiệu lực, hiệu quả việc thực hiện chính sách, pháp luật về phòng, chống xâm hại trẻ em"},
    {"id": "ct-23-2020", "number": "23/CT-TTg", "date": "2020-05-26", "issuer": "Thủ tướng Chính phủ",
     "title": "Chỉ thị về việc tăng cường các giải pháp bảo đảm thực hiện quyền trẻ em và bảo vệ trẻ em"},
    {"id": "qd-496-2021", "number": "496/QĐ-TTg", "date": "2021-03-30", "issuer": "Thủ tướng Chính phủ",
     "title": "Quyết định phê duyệt Đề án nghiên cứu, xây dựng mô hình tổ chức bộ máy, mạng lưới và cơ chế phối hợp liên ngành làm công tác dân số và phát triển các cấp"},
    {"id": "tt-13-2021", "number": "13/2021/TT-BLĐTBXH", "date": "2021-09-30", "issuer": "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
     "title": "Thông tư ban hành Bộ chỉ tiêu thống kê về tình hình trẻ em và tình hình xâm hại trẻ em, xử lý vi phạm hành chính đối với các hành vi xâm hại trẻ em"},
]

LAWS_1A1 = ["luat-tre-em", "bo-luat-lao-dong", "luat-pcbl-gia-dinh", "luat-binh-dang-gioi", "nd-56-2017", "nd-80-2017",
            "nd-20-2021", "nd-76-2024", "nq-121-2020", "ct-23-2020"]


def ind(appendix, code):
    # Indicators of TT 13/2021 that measure what a task asks for. The link is our reading of
    # the task text ("implied"), not part of the seed or of TT 13/2021.
    return {"appendix": appendix, "code": code, "basis": "implied"}


# (section id, English label, extra task fields) per bullet, in document order.
TASKS = [
    ("1", "Disseminate Directive 28-CT/TW and Plan 365-KH/TU", {"cites": ["ct-28-2023", "kh-365-2024"]}),
    ("1", "Inform about the content and results of implementing Directive 28-CT/TW", {"cites": ["ct-28-2023"]}),
    ("1", "Promote communication on child care, education and protection policies, law, knowledge and skills", {}),
    ("1a", "Communicate the Party's and State's policies and laws on children (the listed laws and decrees)", {"cites": LAWS_1A1}),
    ("1a", "Educate on children's rights and protection, abuse prevention, injury prevention and early-childhood development", {}),
    ("1a", "Publicise the national child protection hotline 111 and the Hải Phòng counselling line 18006605",
     {"hotlines": ["111", "18006605"]}),
    ("1b", "Hold conferences, workshops, trainings, forums and contests", {"activities": ["event"]}),
    ("1b", "Develop special pages, columns, articles and reports in the media and on the unit's website",
     {"activities": ["media"], "media_types": ["bai_viet"]}),
    ("1b", "Produce and reproduce communication products: video, panels, posters, leaflets, brochures, booklets, materials",
     {"activities": ["media"], "media_types": ["video", "pa_no", "ap_phich", "to_roi", "to_gap", "sach_mong", "tai_lieu"]}),
    ("1b", "Run campaigns and events for the Month of Action for Children, 1 June, Mid-Autumn and Lunar New Year",
     {"activities": ["campaign"], "occasions": ["thang_hanh_dong_vi_tre_em", "quoc_te_thieu_nhi", "tet_trung_thu", "tet_nguyen_dan"]}),
    ("2", "Issue guidance documents on child work in time", {}),
    ("2", "Direct the city's programmes, plans and schemes on children", {}),
    ("2", "Direct social assistance and welfare policies, especially for children in special circumstances",
     {"indicators": [ind("I", "0302")]}),
    ("2", "Integrate child care, education and protection goals into sector plans", {}),
    ("2", "Assign responsibility for children's rights goals and assess units by them", {}),
    ("2", "Review and improve child policies; comment on draft documents", {}),
    ("3.1", "Consolidate the state management apparatus and steering bodies for child work; build staff capacity", {}),
    ("3.1", "Propose adding family and child tasks to population collaborators (QĐ 496/QĐ-TTg)", {"cites": ["qd-496-2021"]}),
    ("3.1", "Build operating rules, decentralisation and coordination for child-care units", {}),
    ("3.2", "Inspect and supervise compliance on child care, education and protection (abuse, injuries, child-friendly communes)",
     {"indicators": [ind("II", "0101"), ind("I", "0208"), ind("I", "0104")]}),
    ("3.2", "Inspect social assistance and child-care facilities", {}),
    ("3.2", "Resolve complaints and violations; follow up the views of children and their families",
     {"indicators": [ind("I", "0604")]}),
    ("3.3", "Improve the standards for safe, healthy, child-friendly schools", {}),
    ("3.3", "Plan universal preschool education for under-5s; family–school coordination; nutrition, immunisation, under-5 mortality, mental health",
     {"indicators": [ind("I", "0403"), ind("I", "0204"), ind("I", "0206"), ind("I", "0202")]}),
    ("3.3", "Apply the Safe Home, Safe Community and Safe School (injury prevention) criteria",
     {"indicators": [ind("I", "0208")]}),
    ("3.3", "Protect children from harmful information online", {"indicators": [ind("I", "0605")]}),
    ("3.3", "Replicate models of child protection and support for children in special circumstances",
     {"indicators": [ind("I", "0302")]}),
    ("3.4", "Maintain child protection services at all three levels (prevention, support, intervention)",
     {"indicators": [ind("II", "0112"), ind("I", "0302")]}),
    ("3.4", "Invest in facilities and welfare services for children; universal preschool for under-5s",
     {"indicators": [ind("I", "0403"), ind("I", "0502")]}),
    ("4", "Update, standardise and clean child data; connect it with the population database", {}),
    ("4", "Collect the statistical indicators of TT 13/2021/TT-BLĐTBXH", {"cites": ["tt-13-2021"], "indicators": [{"appendix": "I", "code": "*", "basis": "cited"}, {"appendix": "II", "code": "*", "basis": "cited"}]}),
    ("4", "Keep new children's records up to date in the software", {}),
    ("schools", "Carry out the sector's tasks of the child-care programmes in every education institution", {}),
    ("schools", "Universal preschool for under-5s; school–family coordination; life skills; school counselling and mental health; children's participation; inclusive education",
     {"indicators": [ind("I", "0403"), ind("I", "0602"), ind("I", "0603")]}),
    ("schools", "Build the safe-school (injury prevention) model; life skills, self-protection and sex education",
     {"indicators": [ind("I", "0208")]}),
]

SECTION_EN = {
    "1": "Communication and social mobilisation",
    "1a": "Key content",
    "1b": "Forms of communication",
    "2": "Leadership and direction",
    "3": "State management",
    "3.1": "Organisation and services",
    "3.2": "Inspection and supervision",
    "3.3": "A safe living environment",
    "3.4": "Welfare and social services",
    "4": "The child database",
    "schools": "Tasks of education institutions",
}


def main():
    text = SEED.read_text(encoding="utf-8")
    body_start = text.index("1. Đẩy mạnh công tác thông tin")
    schools_intro_at = text.index("Trên cơ sở hướng dẫn trên đây")
    body_end = text.index("Nhận được công văn này")
    items = paragraphs(text[body_start:schools_intro_at]) + paragraphs(text[schools_intro_at:body_end])
    bullets = [i[1] for i in items if i[0] == "bullet"]
    headings = [i[1] for i in items if i[0] == "heading"]
    intro = next(i[1] for i in items if i[0] == "text")
    assert len(bullets) == len(TASKS), (len(bullets), len(TASKS))

    def heading(prefix):
        h = next(h for h in headings if h.startswith(prefix))
        return h[len(prefix):].strip().rstrip(":").strip()

    def section(sid, number, title):
        return {"id": sid, "number": number, "title": title, "title_en": SECTION_EN[sid], "tasks": [], "sections": []}

    sections = {
        "1": section("1", "1", heading("1. ")),
        "1a": section("1a", "a)", heading("a) ")),
        "1b": section("1b", "b)", heading("b) ")),
        "2": section("2", "2", heading("2. ")),
        "3": section("3", "3", heading("3. ")),
        "3.1": section("3.1", "3.1", heading("3.1. ")),
        "3.2": section("3.2", "3.2", heading("3.2. ")),
        "3.3": section("3.3", "3.3", heading("3.3. ")),
        "3.4": section("3.4", "3.4", heading("3.4. ")),
        "4": section("4", "4", heading("4. ")),
        "schools": section("schools", None, intro.rstrip(":").strip()),
    }
    counters = {}
    for text_vi, (sid, label_en, extra) in zip(bullets, TASKS):
        counters[sid] = counters.get(sid, 0) + 1
        assignees = ["education_institution"] if sid == "schools" else ALL_RECIPIENTS
        task = {"id": f"{sid}-{counters[sid]}", "text": text_vi, "label_en": label_en, "assignees": assignees}
        task.update(extra)
        sections[sid]["tasks"].append(task)
    for child, parent in [("1a", "1"), ("1b", "1"), ("3.1", "3"), ("3.2", "3"), ("3.3", "3"), ("3.4", "3")]:
        sections[parent]["sections"].append(sections[child])
    top = [sections[s] for s in ["1", "2", "3", "4", "schools"]]

    def prune(sec):
        if not sec["sections"]:
            del sec["sections"]
        else:
            for s in sec["sections"]:
                prune(s)
        if not sec["tasks"]:
            del sec["tasks"]
        return sec

    directive = {
        "id": "hai-phong-2024",
        "issuer": "Sở Giáo dục và Đào tạo Hải Phòng",
        "number": None,
        "place": "Hải Phòng",
        "date": "ngày tháng năm 2024",
        "doc_type": "Công văn",
        "summary": None,
        "recipients": [
            {"type": "phong_gddt", "text": "Trưởng phòng Phòng GD&ĐT quận, huyện"},
            {"type": "thpt_school", "text": "Hiệu trưởng các trường THPT"},
            {"type": "multi_level_school", "text": "Hiệu trưởng các trường PT nhiều cấp"},
            {"type": "affiliated_unit", "text": "Thủ trưởng các Đơn vị trực thuộc"},
        ],
        "basis": BASIS,
        "cited": CITED,
        "signer": {"capacity": "KT", "on_behalf_of": "Giám đốc", "title": "Phó Giám đốc", "name": "Đỗ Thị Hòa"},
        "sections": [prune(s) for s in top],
    }
    json.dump(directive, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
