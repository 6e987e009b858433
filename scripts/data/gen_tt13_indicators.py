#!/usr/bin/env python3
"""Generates crates/treem/data/indicators/tt13-2021.json from the VERIFIED copy of
Thông tư 13/2021/TT-BLĐTBXH (Công báo 933+934, 09-11-2021) in tests/sources/tt13-2021/.

Everything Vietnamese is copied verbatim from list.json (Phụ lục I/II) and parsed.json
(Phụ lục III/IV). What is ours, and marked as ours in the output: the English names
(`name_en`, "our translation"), the mapping of each disaggregation line to a typed dimension
(the verbatim line is kept beside it), the factor read from the formula text, the
computation period, and `computability` (can treem's child/case/school records feed it?).

Usage (from the repository root):
    python3 scripts/data/gen_tt13_indicators.py [path/to/tt13-2021] > crates/treem/data/indicators/tt13-2021.json
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "sources", "tt13-2021")

SOURCE = "Thông tư 13/2021/TT-BLĐTBXH, Công báo số 933+934 ngày 09-11-2021"

# English names: OUR translation, not an official one.
EN = {
    "I:0101": "Child population",
    "I:0102": "Sex ratio at birth",
    "I:0103": "Crude birth rate",
    "I:0104": "Number and percentage of child-friendly communes, wards and towns",
    "I:0105": "Percentage of children in poor and near-poor households",
    "I:0106": "Percentage of children up to 8 years old with access to comprehensive development support services",
    "I:0107": "Percentage of children in households using clean fuel",
    "I:0108": "Percentage of children in households using a hygienic water source",
    "I:0109": "Percentage of children in households using a hygienic latrine",
    "I:0110": "Percentage of children living in temporary housing",
    "I:0201": "Neonatal mortality rate",
    "I:0202": "Under-five mortality rate",
    "I:0203": "Infant (under-one) mortality rate",
    "I:0204": "Percentage of children under 5 who are malnourished",
    "I:0205": "Percentage of newborns screened",
    "I:0206": "Percentage of children under 1 fully vaccinated",
    "I:0207": "Birth rate among those aged 10-19",
    "I:0208": "Rate of children suffering accidents and injuries",
    "I:0209": "Rate of child deaths from accidents and injuries",
    "I:0210": "Rate of child deaths from drowning",
    "I:0211": "Percentage of children with health insurance",
    "I:0301": "Number and percentage of children in special circumstances",
    "I:0302": "Number and percentage of children in special circumstances who received support",
    "I:0303": "Number and percentage of orphaned children",
    "I:0304": "Number and percentage of abandoned children",
    "I:0305": "Number and percentage of children with no one to rely on",
    "I:0306": "Number and percentage of children with disabilities",
    "I:0307": "Number and percentage of children living with HIV/AIDS",
    "I:0308": "Number and percentage of children in conflict with the law",
    "I:0309": "Number and percentage of children addicted to drugs",
    "I:0310": "Number and percentage of children who dropped out of school to earn a living before completing lower-secondary universal education",
    "I:0311": "Number and percentage of children seriously harmed physically and mentally by violence",
    "I:0312": "Number and percentage of children exploited",
    "I:0313": "Number and percentage of children sexually abused",
    "I:0314": "Number and percentage of children trafficked",
    "I:0315": "Number and percentage of children with a dangerous or long-term illness in poor and near-poor households",
    "I:0316": "Number and percentage of migrant, displaced and refugee children whose parents are unidentified or who have no carer",
    "I:0317": "Number and percentage of children married early (child marriage)",
    "I:0318": "Number and percentage of child labourers and minors at work (aged 5-17)",
    "I:0319": "Number of children in alternative care in social assistance facilities",
    "I:0320": "Number of children in alternative care by individuals and families",
    "I:0321": "Number of children adopted",
    "I:0322": "Number of children affected by natural disasters and catastrophes who received relief or support",
    "I:0323": "Percentage of children under 5 whose birth is registered",
    "I:0401": "Number and rate of children aged 3 to 36 months attending nursery",
    "I:0402": "Number and rate of children aged 3 to 5 attending kindergarten",
    "I:0403": "Number and rate of 5-year-old children attending kindergarten",
    "I:0404": "Percentage of children under 5 developmentally on track in health, learning and psychosocial well-being",
    "I:0405": "Number and rate of pupils attending primary school",
    "I:0406": "Primary programme completion rate, on-age completion rate and primary level completion rate",
    "I:0407": "Number and rate of pupils attending lower-secondary school",
    "I:0408": "Lower-secondary graduation rate, completion rate and primary-to-lower-secondary transition rate",
    "I:0409": "Number and rate of pupils who dropped out",
    "I:0501": "Percentage of villages and equivalents with cultural and sports facilities for children",
    "I:0502": "Percentage of communes, wards and towns with cultural and play spaces for children",
    "I:0601": "Percentage of children aged 7 and over consulted on issues concerning children",
    "I:0602": "Percentage of children with raised awareness and capacity on their right to participate",
    "I:0603": "Percentage of children aged 11 and over taking part in models and activities promoting children's participation",
    "I:0604": "Number of times children gave opinions and wishes in making and implementing programmes, policies, legal documents, decisions and socio-economic plans on children",
    "I:0605": "Percentage of children with access to knowledge and skills for a safe online environment",
    "II:0101": "Number of children abused",
    "II:0102": "Number and percentage of children subjected to violence",
    "II:0103": "Number and percentage of children exploited",
    "II:0104": "Number and percentage of children sexually abused",
    "II:0105": "Number and percentage of children trafficked",
    "II:0106": "Number and percentage of children abandoned or neglected",
    "II:0107": "Number and percentage of children abused in other forms",
    "II:0108": "Number and percentage of child abusers who are acquaintances or neighbours",
    "II:0109": "Number and percentage of child abusers who are family members",
    "II:0110": "Number and percentage of child abusers who are managers, teachers or staff of education, social assistance or child protection service facilities",
    "II:0111": "Number and percentage of other child abusers",
    "II:0112": "Number and percentage of abused children who received support",
    "II:0201": "Number of administrative violations involving child abuse",
    "II:0202": "Number of offenders sanctioned administratively for child abuse",
    "II:0203": "Number of child victims in administrative violations involving child abuse",
    "II:0204": "Number of administrative sanction cases for breaching the ban on violence against children",
    "II:0205": "Number of administrative sanction cases for breaching the ban on abuse and exploitation of children",
    "II:0206": "Number of administrative sanction cases for breaching the ban on selling or giving children alcohol, beer, tobacco, addictive substances, stimulants or unsafe food",
    "II:0207": "Number of administrative sanction cases for breaching the ban on disclosing children's private life and personal secrets",
    "II:0208": "Number of administrative sanction cases for organising, assisting, inciting or forcing child marriage",
    "II:0209": "Number of administrative sanction cases for stigmatising or discriminating against children",
    "II:0210": "Number of administrative sanction cases for abandoning or neglecting children",
    "II:0211": "Number of administrative sanction cases for using, inciting, enticing or forcing children to break the law or insult others' honour and dignity",
    "II:0212": "Number of administrative sanction cases for other harmful acts",
}

# Which indicators treem's own records (child, case, school, safe_school_assessment) can feed,
# and the record facts the phase-2 feeders must provide. Everything else is `external`.
# Judged from each indicator's definition and official data source (Phụ lục III/IV).
FROM_RECORDS = {
    # Group I.I: the child population (Phụ lục III 0101: "Trẻ em là người dưới 16 tuổi sống
    # trong phạm vi một địa giới nhất định ... có đến một thời điểm"): every child record is a
    # child with a date of birth, sex, ethnic group and residence. "Thành thị/nông thôn" is not
    # on the record: that breakdown stays with the caller.
    "I:0101": ("none", ["child.date_of_birth", "child.sex", "child.ethnic_group", "child.residence"]),
    # Group I.III: children in special circumstances (Luật Trẻ em 2016, Điều 10) and support.
    "I:0301": ("external", ["child.special_circumstance"]),
    "I:0302": ("records", ["child.special_circumstance", "child.social_assistance", "child.protection_level"]),
    "I:0303": ("records", ["child.special_circumstance"]),
    "I:0304": ("records", ["child.special_circumstance"]),
    "I:0305": ("records", ["child.special_circumstance"]),
    "I:0306": ("records", ["child.special_circumstance", "child.disability"]),
    "I:0307": ("records", ["child.special_circumstance"]),
    "I:0308": ("records", ["child.special_circumstance"]),
    "I:0309": ("records", ["child.special_circumstance"]),
    "I:0310": ("records", ["child.special_circumstance", "child.schooling"]),
    "I:0311": ("records", ["child.special_circumstance"]),
    "I:0312": ("records", ["child.special_circumstance"]),
    "I:0313": ("records", ["child.special_circumstance"]),
    "I:0314": ("records", ["child.special_circumstance"]),
    "I:0315": ("records", ["child.special_circumstance"]),
    "I:0316": ("records", ["child.special_circumstance"]),
    # I:0319, I:0320 (alternative care) are external: the child record does not say where
    # or by whom a child is cared for, except for some sub-categories of groups a and b.
    # Group I.II: injuries come from case records; the rates are per 100,000 children.
    "I:0208": ("external", ["case.injury", "child.sex", "child.date_of_birth", "child.residence"]),
    # I:0209, I:0210 (deaths) are external: the case record has no outcome (death) and no
    # environment of the accident.
    # Group I.IV: attendance and dropout from children's schooling.
    "I:0401": ("external", ["child.schooling"]),
    "I:0402": ("external", ["child.schooling"]),
    "I:0403": ("external", ["child.schooling"]),
    "I:0405": ("external", ["child.schooling"]),
    "I:0407": ("external", ["child.schooling"]),
    # I:0323 birth registration of children under 5 ("Số trẻ em dưới 5 tuổi đã được đăng ký
    # khai sinh tính đến ngày 31/12 năm báo cáo" / "Số trẻ em dưới 5 tuổi tính đến ngày 31/12
    # năm báo cáo"): `birth_registered` and `birth_registration_date` of the child record.
    "I:0323": ("records", ["child.date_of_birth", "child.birth_registered", "child.birth_registration_date", "child.sex", "child.residence"]),
    # I:0409 (dropout) is external: the child record has no dropout fact.
    # Phụ lục II group I: abused children by sex, age group, environment and form.
    "II:0101": ("none", ["case.abuse_form", "case.environment", "child.sex", "child.date_of_birth", "child.residence"]),
    "II:0102": ("records", ["case.abuse_form"]),
    "II:0103": ("records", ["case.abuse_form"]),
    "II:0104": ("records", ["case.abuse_form"]),
    "II:0105": ("records", ["case.abuse_form"]),
    "II:0106": ("records", ["case.abuse_form"]),
    "II:0107": ("records", ["case.abuse_form"]),
    "II:0112": ("records", ["case.abuse_form", "case.steps.implementation", "child.social_assistance"]),
    # Phụ lục II 0108–0111: offenders of abused children by their relation to the child, from
    # the offenders recorded on the case (relation, sex, age). "Nghề nghiệp" is not recorded.
    "II:0108": ("records", ["case.abuse_form", "case.offenders"]),
    "II:0109": ("records", ["case.abuse_form", "case.offenders"]),
    "II:0110": ("records", ["case.abuse_form", "case.offenders"]),
    "II:0111": ("records", ["case.abuse_form", "case.offenders"]),
}

# The breakdowns the record feeders fill (crates/treem/src/indicator/feed/rules.rs): the
# child's sex, age group and ethnic group and the province of the unit for every indicator fed
# by records, and these. Any other breakdown of a record-fed indicator (urban/rural, region,
# "Loại hình" of nursery and kindergarten, the support of trafficked children, occupation)
# is not on the records: it stays with the caller, and the definition says so
# (`from_records: false` on that breakdown).
FED_COMMON = {"sex", "age_group", "ethnic_group", "province"}
FED_EXTRA = {
    "I:0302": {"support_type", "special_circumstance_group"},
    "I:0306": {"disability_type"},
    "I:0312": {"abuse_form"},
    "I:0313": {"abuse_form"},
    "I:0401": {"disability"},
    "I:0402": {"disability"},
    "I:0403": {"disability"},
    "I:0405": {"age_appropriateness", "school_level"},
    "I:0407": {"age_appropriateness", "school_level"},
    "II:0101": {"abuse_environment"},
    "II:0103": {"abuse_form"},
    "II:0104": {"abuse_form"},
    "II:0106": {"abuse_form"},
    "II:0112": {"support_type"},
}


def lead_agency(agency):
    """The unit that collects and compiles: the "Chủ trì" of section 5 ("Cơ quan chịu trách
    nhiệm thu thập, tổng hợp"), or the whole section when it names one body."""
    m = re.search(r"(?:Cơ quan chủ trì|Chủ trì):\s*(.*?)(?:[;.]?\s*-\s*(?:Cơ quan phối hợp|Phối hợp|Bộ)|$)", agency)
    unit = m.group(1) if m else agency
    return unit.strip().rstrip(".;").strip() or None


def disaggregations(ident, dis_text, comp):
    """The main breakdowns, one per dimension. "Tổ chức" and "Cá nhân (giới tính; độ tuổi;
    nghề nghiệp)" (Phụ lục IV 0202, 0204–0211) are the two categories of ONE breakdown, the
    offender: they are joined into one `offender_type` line, quoted as written."""
    out = []
    for item in bullet_items(dis_text):
        text = item.rstrip(";.").strip()
        dim = dimension(item)
        same = [d for d in out if d["dimension"] == dim and dim == "offender_type"]
        if same:
            same[0]["text_vi"] += "; " + text
            continue
        d = {"dimension": dim, "text_vi": text}
        if comp and (dim in FED_COMMON or dim in FED_EXTRA.get(ident, set())):
            d["from_records"] = True
        out.append(d)
    return out


# Factors where the PDF text lost the formula layout; each is read from the definition text,
# which is quoted in `factor_note`.
FACTOR_OVERRIDE = {
    "I:0102": ("per_100", "“số bé trai trên 100 bé gái” (boys per 100 girls; not a percentage of a whole)"),
    "I:0202": ("per_1000", "“tính bình quân trên 1.000 trẻ em sinh ra sống trong năm”"),
    "I:0203": ("per_1000", "“tính bình quân trên một nghìn trẻ em sinh ra sống trong năm”"),
    "I:0201": ("per_1000", "“tính bình quân trên một nghìn trẻ đẻ ra sống trong năm”; formula “x 1.000”"),
    "I:0604": ("number", "a count of occasions (“số lượt”); no formula"),
    "I:0605": ("percent", "formula “… (%) = … x 100”"),
    "II:0101": ("number", "a count; no formula"),
}

# Numerator/denominator where the PDF extraction broke the fraction; quoted from the
# definition text (“Trong đó: …”).
FRACTION_OVERRIDE = {
    "I:0103": ("B: Tổng số sinh trong năm", "P: Dân số trung bình (hoặc dân số giữa năm)"),
    "I:0202": ("5D0 : Số trẻ em chết ở độ tuổi dưới 5 tuổi trong năm", "B : Tổng số trường hợp sinh ra sống trong năm"),
    "I:0203": ("D0 : Số trẻ em chết ở độ tuổi dưới 1tuổi trong năm", "B : Tổng số trường hợp sinh ra sống trong năm"),
    # The numerator line is printed before the word “Công thức”.
    "I:0409": ("Số học sinh bỏ học lớp n năm học t", "Tổng số học sinh nhập học lớp n đầu năm học t"),
}

DIMENSIONS = [
    (r"^Giới tính", "sex"),
    (r"^(Nhóm tuổi|Độ tuổi|Nhóm tháng tuổi|Ngày tuổi)", "age_group"),
    (r"^Dân tộc", "ethnic_group"),
    (r"^Thành thị/nông thôn", "urban_rural"),
    (r"^Tỉnh[/,] thành phố trực thuộc Trung ương|^Tỉnh/thành phố trực thuộc Trung ương", "province"),
    (r"^Vùng", "region"),
    (r"^Khuyết tật", "disability"),
    (r"^Loại khuyết tật", "disability_type"),
    (r"^Cấp học", "school_level"),
    (r"^Chung/đúng tuổi", "age_appropriateness"),
    (r"^Loại hình \(bỏ rơi, bỏ mặc\)", "abuse_form"),
    (r"^Hình thức xâm hại", "abuse_form"),
    (r"^Hình thức bóc lột", "abuse_form"),
    (r"^Môi trường xâm hại", "abuse_environment"),
    (r"^Môi trường xảy ra tai nạn", "accident_environment"),
    (r"^(Loại hình trợ giúp|Loại hình hỗ trợ|Hình thức hỗ trợ)", "support_type"),
    (r"^Đối tượng được trợ giúp", "special_circumstance_group"),
    (r"^Loại hình dịch vụ", "service_type"),
    (r"^Loại hình cơ sở trợ giúp xã hội", "facility_type"),
    (r"^Chăm sóc thay thế bởi người thân thích", "kinship_care"),
    (r"^Yếu tố trong nước", "adoption_origin"),
    (r"^Mức độ suy dinh dưỡng", "malnutrition_level"),
    (r"^Trình độ học vấn của người mẹ", "mother_education"),
    (r"^Nghề nghiệp", "occupation"),
    (r"^(Tổ chức|Cá nhân)", "offender_type"),
    (r"^(Hình thức tham gia|Mô hình, hoạt động)", "participation_form"),
]

PERIODS = [
    (r"5 năm 02 lần", "twice_per_5_years"),
    (r"10 năm", "10_years"),
    (r"(?<![0-9] )(?<!\d)5 năm(?! 02)", "5_years"),
    (r"2 năm", "2_years"),
]


def bullet_items(text):
    """Splits a '- a;\n- b' section into items, joining wrapped lines."""
    items = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("- ") or not items:
            items.append(line[2:].strip() if line.startswith("- ") else line)
        else:
            items[-1] = items[-1] + " " + line
    return items


def join_lines(text):
    return re.sub(r"\s*\n\s*", " ", text).strip()


def dimension(item):
    for pattern, dim in DIMENSIONS:
        if re.search(pattern, item):
            return dim
    return "other"


def periods(text):
    t = text.lower()
    out = []
    if re.search(r"(^|[^0-9] )năm|^năm", t) and re.match(r"\s*năm", t):
        out.append("year")
    if "5 năm 02 lần" in t:
        out.append("twice_per_5_years")
        t = t.replace("5 năm 02 lần", "")
    if re.search(r"(^|[^0-9])5 năm", t):
        out.append("5_years")
    if "10 năm" in t:
        out.append("10_years")
    if re.search(r"(^|[^0-9])2 năm", t):
        out.append("2_years")
    return out


def factor_of(ident, method):
    if ident in FACTOR_OVERRIDE:
        return FACTOR_OVERRIDE[ident]
    mults = set()
    for m in re.findall(r"[×x]\s*(100\.000|1\.000|1000|100)(?![0-9.])", method):
        mults.add({"100": "percent", "1000": "per_1000", "1.000": "per_1000", "100.000": "per_100000"}[m])
    if len(mults) == 1:
        f = mults.pop()
        return f, "read from the formula text"
    if not mults:
        if "Công thức" in method:
            return "unclear", "a formula is given but its multiplier was lost in the PDF text"
        return "number", "no formula: a count"
    return "unclear", "several formulas with different multipliers: " + ", ".join(sorted(mults))


def fraction_of(ident, method):
    if ident in FRACTION_OVERRIDE:
        n, d = FRACTION_OVERRIDE[ident]
        return n, d, "quoted verbatim from the definition text (the fraction layout was lost in the PDF text)"
    flat = join_lines(method)
    m = re.search(r"[Cc]ông thức(?: tính)?[:.]?\s*(.*?)\s*=\s*(.*?)\s*[x×]\s*(?:100\.000|1\.000|1000|100)", flat)
    if not m:
        m = re.search(r"^(.*?)\s*=\s*(.*?)\s*[x×]\s*(?:100\.000|1\.000|1000|100)", flat)
    if not m:
        return None, None, "no formula in the text"
    left, den = m.group(1), m.group(2)
    # The left side holds the numerator followed by the indicator's own name.
    cut = None
    for word in ["Tỷ lệ", "Tỷ suất", "Tỷ số", "CBR", "Tỷ trọng"]:
        i = left.rfind(word)
        if i > 0 and (cut is None or i > cut):
            cut = i
    num = left[:cut].strip() if cut else left.strip()
    note = "extracted from the PDF text of the first formula (layout of the fraction lost; wording verbatim)"
    if left.count("Công thức") or "Công thức" in num:
        num = num.split("Công thức")[-1].lstrip(" tính:.")
    return num or None, den or None, note


def main():
    lists = json.load(open(os.path.join(DATA, "list.json"), encoding="utf-8"))
    parsed = json.load(open(os.path.join(DATA, "parsed.json"), encoding="utf-8"))
    pages = json.load(open(os.path.join(DATA, "pages.json"), encoding="utf-8"))
    content = {"I": {e["code"]: e for e in parsed["III"]}, "II": {e["code"]: e for e in parsed["IV"]}}
    content_name = {"I": "Phụ lục III", "II": "Phụ lục IV"}
    out = []
    for appendix in ["I", "II"]:
        for entry in lists[appendix]:
            code = entry["code"]
            ident = f"{appendix}:{code}"
            body = content[appendix][code]
            sec = body["sec"]
            method = sec.get("Khái niệm", "")
            method = re.sub(r"^, phương pháp tính\s*", "", method)
            note = None
            gazette_sec = sec
            ref = re.search(r"quy định tại mã chỉ tiêu (\d{4}), phụ lục III", join_lines(method))
            if appendix == "II" and ref and "Phân tổ chủ yếu" not in sec:
                gazette_sec = content["I"][ref.group(1)]["sec"]
                note = f"Phân tổ, kỳ công bố, nguồn số liệu và cơ quan theo mã chỉ tiêu {ref.group(1)} Phụ lục III (as the text says)"
            dis_text = gazette_sec.get("Phân tổ chủ yếu", "")
            if appendix == "I" and code == "0205":
                note = "Phụ lục III gives no “Phân tổ chủ yếu” section for this indicator"
            factor, factor_note = factor_of(ident, method)
            num, den, frac_note = fraction_of(ident, method)
            comp = FROM_RECORDS.get(ident)
            group_no = entry["group"].split(".")[0]
            is_school_year = appendix == "I" and code.startswith("04") and "năm học" in method
            d = {
                "id": ident,
                "namespace": "tt13-2021",
                "group": entry["group"],
                "stt": entry["stt"],
                "name_vi": entry["name"],
                "name_en": EN[ident],
                "name_en_note": "our translation",
                "content_name_vi": body["name"] if join_lines(body["name"]) != entry["name"] else None,
                "national_code": entry.get("nat") or None,
                "method_vi": join_lines(method),
                "numerator_vi": num,
                "denominator_vi": den,
                "fraction_note": frac_note,
                "factor": factor,
                "factor_note": factor_note,
                "disaggregations": disaggregations(ident, dis_text, comp),
                "periods": periods(gazette_sec.get("Kỳ công bố", "")),
                "period_text_vi": join_lines(gazette_sec.get("Kỳ công bố", "")) or None,
                "computation_period": "school_year" if is_school_year else "year",
                "data_sources_vi": [s.rstrip(";").strip() for s in bullet_items(gazette_sec.get("Nguồn số liệu", ""))],
                "agency_vi": join_lines(gazette_sec.get("Cơ quan chịu trách nhiệm thu thập, tổng hợp", "")),
                "lead_agency_vi": lead_agency(join_lines(gazette_sec.get("Cơ quan chịu trách nhiệm thu thập, tổng hợp", ""))),
                "in_force_from": "2022-01-01" if appendix == "II" and code.startswith("02") else "2021-11-15",
                "in_force_source": "Thông tư 13/2021/TT-BLĐTBXH, Điều 3 khoản 2" if appendix == "II" and code.startswith("02") else "Thông tư 13/2021/TT-BLĐTBXH, Điều 3 khoản 1",
                "in_force_until": None,
                "computability": "from_records" if comp else "external",
                "denominator_from": None,
                "facts_needed": comp[1] if comp else [],
                "additive": True,
                "source": f"{SOURCE}; Phụ lục {appendix} (STT {entry['stt']}, tr. {pages[appendix][code]}); {content_name[appendix]} mã {code}",
                "note": note,
            }
            if comp:
                d["denominator_from"] = {"records": "records", "external": "external", "none": "none"}[comp[0]]
            else:
                d["denominator_from"] = "none" if factor == "number" else "external"
            # Survey estimates are weighted: only the published value means anything, and values
            # of two units never add up.
            srcs = " ".join(d["data_sources_vi"]).lower()
            survey_only = all(("điều tra" in s.lower() or "khảo sát" in s.lower()) for s in d["data_sources_vi"]) and d["data_sources_vi"]
            d["additive"] = bool(comp) or not survey_only
            d = {k: v for k, v in d.items() if v is not None}
            out.append(d)
    doc = {
        "format": "treem.indicator_definitions/1",
        "namespace": "tt13-2021",
        "title_vi": "Bộ chỉ tiêu thống kê về tình hình trẻ em và tình hình xâm hại trẻ em, xử lý vi phạm hành chính đối với các hành vi xâm hại trẻ em",
        "source": SOURCE + "; https://congbao.chinhphu.vn/van-ban/thong-tu-so-13-2021-tt-bldtbxh-34722.htm",
        "generated_by": "scripts/data/gen_tt13_indicators.py from tests/sources/tt13-2021/ (list.json, parsed.json, pages.json)",
        "definitions": out,
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
