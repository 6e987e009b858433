// Generated from the Rust types of treem 0.1.0 by bindings/wasm/src/typescript.rs.
// Do not edit. Regenerate with:
//   cargo run -q -p treem-wasm --bin treem-wasm-types > bindings/wasm/types/treem.d.ts

/**
 * One activity carried out for a task.
 */
export interface ActivityDraft {
  /**
   * How many events of this kind (default 1).
   */
  count?: unknown;
  /**
   * The date it took place (or started).
   */
  date?: string | null;
  /**
   * `event`, `media` or `campaign` (catalog `activity_kinds`).
   */
  kind?: string | null;
  /**
   * Communication products by type (catalog `media_types`) → number produced.
   */
  media?: {
    [key: string]: unknown;
  } | null;
  /**
   * The occasion it marked (catalog `occasions`).
   */
  occasion?: string | null;
  /**
   * Participants by group.
   */
  participants?: ParticipantsDraft | null;
  /**
   * A short title.
   */
  title?: string | null;
}

/**
 * Address codes as typed: every member optional.
 */
export interface AddressDraft {
  /**
   * Mã xã (5 digits).
   */
  commune_code?: string | null;
  /**
   * Mã huyện (3 digits; 2024 edition only).
   */
  district_code?: string | null;
  /**
   * `2024` or `2025`; when absent, the edition of the context.
   */
  edition?: string | null;
  /**
   * Mã tỉnh (2 digits).
   */
  province_code?: string | null;
}

/**
 * Monthly social assistance received.
 */
export interface AssistanceDraft {
  /**
   * Category (catalog `social_assistance_categories`).
   */
  category?: string | null;
  /**
   * The date assistance started.
   */
  since?: string | null;
  /**
   * The beneficiary, 16 or older, is studying (học văn hóa, học nghề, trung học chuyên
   * nghiệp, cao đẳng, đại học văn bằng thứ nhất): assistance under khoản 1 continues to the
   * end of study, at most to 22 (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2). A `schooling`
   * of the current school year counts as studying too.
   */
  studying?: boolean | null;
}

/**
 * A protection case as typed by a person.
 */
export interface CaseInput {
  /**
   * Forms of abuse (catalog `abuse_forms`).
   */
  abuse_forms?: Array<string | null> | null;
  /**
   * The `id` of the child record the case is about.
   */
  child_id?: string | null;
  /**
   * The child needs emergency protection (Nghị định 56/2017/NĐ-CP, Điều 31 khoản 1): the
   * 12-hour limit applies and the working-day limits of Điều 28 do not.
   */
  emergency?: boolean | null;
  /**
   * Where the abuse happened (catalog `case_environments`): the breakdown "Môi trường xâm
   * hại" of Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0101.
   */
  environment?: string | null;
  /**
   * The case's identifier in the caller's system.
   */
  id?: string | null;
  /**
   * When the incident happened.
   */
  incident_date?: string | null;
  /**
   * Accidents and injuries (catalog `injury_types`).
   */
  injuries?: Array<string | null> | null;
  /**
   * The people who abused the child, one entry each: what the breakdowns of Thông tư
   * 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111 need (relation, sex, age).
   */
  offenders?: Array<OffenderDraft | null> | null;
  /**
   * The protection level applied (catalog `protection_levels`).
   */
  protection_level?: string | null;
  /**
   * When the information was received (Nghị định 56/2017/NĐ-CP, Điều 25): `2026-11-28T08:30`
   * (local time); a date alone counts from its first minute. The 12-hour limits run from it.
   */
  reported_at?: string | null;
  /**
   * The temporary separation from parents or caregivers (Điều 32), when decided.
   */
  separation?: SeparationDraft | null;
  /**
   * When each step was completed (catalog `case_steps`).
   */
  steps?: StepsDraft | null;
}

/**
 * One rewrite made by `normalize`. Old and new values are not echoed (they may be personal
 * data); the path and the kind of rewrite are.
 */
export interface Change {
  /**
   * What was done, e.g. `whitespace`, `date_iso`, `canonical_code`.
   */
  how: string;
  /**
   * The change described in the requested language.
   */
  message: string;
  /**
   * JSON Pointer of the rewritten value.
   */
  path: string;
}

/**
 * A child record as typed by a person.
 */
export interface ChildInput {
  /**
   * Whether the birth has been registered (đăng ký khai sinh).
   */
  birth_registered?: boolean | null;
  /**
   * Date of the birth registration.
   */
  birth_registration_date?: string | null;
  /**
   * Ngày sinh, in any accepted date form (see [`crate::vn::date`]).
   */
  date_of_birth?: string | null;
  /**
   * Disability (Luật Người khuyết tật, Điều 3).
   */
  disability?: DisabilityDraft | null;
  /**
   * Dân tộc: the code (`01`–`54`) or a name of the 54-group list ([`crate::vn::ethnic`]);
   * `normalize` writes the code.
   */
  ethnic_group?: string | null;
  /**
   * Họ và tên.
   */
  full_name?: string | null;
  /**
   * Parents, caregivers and guardians.
   */
  guardians?: Array<GuardianDraft | null> | null;
  /**
   * The record's identifier in the caller's system (opaque; cases refer to it).
   */
  id?: string | null;
  /**
   * Số định danh cá nhân: 12 digits, consistent with the date of birth and sex
   * ([`crate::vn::personal_id`]).
   */
  personal_id?: string | null;
  /**
   * The level of protection the child currently receives (Luật Trẻ em, Điều 47).
   */
  protection_level?: string | null;
  /**
   * Where the child lives.
   */
  residence?: ResidenceDraft | null;
  /**
   * Schooling.
   */
  schooling?: SchoolingDraft | null;
  /**
   * Giới tính: `male`/`nam` or `female`/`nữ`.
   */
  sex?: string | null;
  /**
   * Monthly social assistance (Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1).
   */
  social_assistance?: AssistanceDraft | null;
  /**
   * Groups of special circumstances the child was identified in (Luật Trẻ em, Điều 10).
   */
  special_circumstances?: Array<CircumstanceDraft | null> | null;
}

/**
 * One group of special circumstances the child was identified in.
 */
export interface CircumstanceDraft {
  /**
   * The group: code, or the letter of Luật Trẻ em Điều 10 khoản 1 (catalog `special_circumstances`).
   */
  group?: string | null;
  /**
   * The date the child was identified in this group.
   */
  identified_on?: string | null;
  /**
   * The sub-category: the khoản number of the Nghị định 56/2017/NĐ-CP article of the group.
   */
  sub_category?: number | null;
}

/**
 * How much of the official list a copy holds.
 */
export type Completeness = "thresholds_only" | "partial" | "complete";

/**
 * A content area (nội dung) of a set.
 */
export interface ContentArea {
  /**
   * Stable code within the set.
   */
  code: string;
  /**
   * Title as the document writes it.
   */
  title: string;
}

/**
 * A versioned set of criteria from one official document.
 */
export interface CriteriaSetInput {
  /**
   * School type codes (catalog `school_types`) the set is for, or `ho_gia_dinh` for homes.
   */
  applies_to: string[];
  /**
   * How much of the official list this copy holds.
   */
  completeness: Completeness;
  /**
   * Content areas (nội dung) the criteria are grouped in.
   */
  content_areas?: ContentArea[];
  /**
   * The criteria (empty when only the thresholds are known).
   */
  criteria?: Criterion[];
  /**
   * Events that make the result "Chưa đạt" whatever the criteria.
   */
  disqualifying_events?: Event[];
  /**
   * The document the set comes from.
   */
  document: DocumentRef;
  /**
   * Stable identifier, e.g. `tt18-2023`.
   */
  id: string;
  /**
   * What treem knows and does not know about the set, with sources.
   */
  notes?: string[];
  /**
   * True when the document asks for a remedy plan for every criterion not met.
   */
  remedy_required?: boolean;
  /**
   * The number of mandatory criteria a source reports, when known.
   */
  reported_mandatory?: number | null;
  /**
   * The total number of criteria a source reports for the official list, when known.
   */
  reported_total?: number | null;
  /**
   * The pass rule.
   */
  threshold: Threshold;
  /**
   * Title of the set.
   */
  title: string;
  /**
   * Version of the set (the date of the document for the built-in sets).
   */
  version: string;
}

/**
 * One criterion (tiêu chí).
 */
export interface Criterion {
  /**
   * Code of its content area, when the set has areas.
   */
  area?: string | null;
  /**
   * Stable code within the set (the document's numbering where it has one).
   */
  code: string;
  /**
   * True when the criterion applies only where the thing exists ("(nếu có)"), so
   * "không áp dụng" is an allowed answer.
   */
  conditional?: boolean;
  /**
   * Tiêu chí bắt buộc.
   */
  mandatory?: boolean;
  /**
   * Text as the document writes it.
   */
  text: string;
}

/**
 * A directive (a công văn, kế hoạch, chỉ thị ... that assigns tasks to units), as written.
 *
 * The components follow Nghị định 30/2020/NĐ-CP Điều 8 khoản 2 (thể thức văn bản hành
 * chính): issuing body, number and symbol, place and date, type and summary, content,
 * signer, recipients.
 */
export interface DirectiveInput {
  /**
   * The documents the directive implements ("Thực hiện ..."), each dated.
   */
  basis?: DocumentRefDraft[] | null;
  /**
   * Other documents its tasks cite.
   */
  cited?: DocumentRefDraft[] | null;
  /**
   * Thời gian ban hành (Điều 8 khoản 2 điểm d), in any accepted date form; a blank day or
   * month ("ngày tháng năm 2024") is reported as incomplete.
   */
  date?: string | null;
  /**
   * Tên loại văn bản (Điều 7), by name or abbreviation: `Công văn`, `Kế hoạch` / `KH`,
   * `Hướng dẫn` / `HD`, ... (catalog `document_types`, plus Công văn and Thư công).
   */
  doc_type?: string | null;
  /**
   * A stable identifier of ours for the directive, e.g. `hai-phong-2024`.
   */
  id?: string | null;
  /**
   * Tên cơ quan, tổ chức ban hành văn bản (Điều 8 khoản 2 điểm b).
   */
  issuer?: string | null;
  /**
   * Số, ký hiệu của văn bản (Điều 8 khoản 2 điểm c), e.g. `1234/SGDĐT-CTTT`.
   */
  number?: string | null;
  /**
   * Địa danh (Điều 8 khoản 2 điểm d).
   */
  place?: string | null;
  /**
   * Nơi nhận (Điều 8 khoản 2 điểm i) and the "Kính gửi" addressees, each with its unit type.
   */
  recipients?: RecipientDraft[] | null;
  /**
   * The numbered sections that hold the tasks.
   */
  sections?: SectionDraft[] | null;
  /**
   * Chức vụ, họ tên người ký (Điều 8 khoản 2 điểm g) and the signing capacity (Điều 13).
   */
  signer?: SignerDraft | null;
  /**
   * Trích yếu nội dung (Điều 8 khoản 2 điểm đ).
   */
  summary?: string | null;
}

/**
 * The child's disability.
 */
export interface DisabilityDraft {
  /**
   * Level of disability (catalog `disability_levels`).
   */
  level?: string | null;
  /**
   * Types of disability (catalog `disability_types`); a person may have several.
   */
  types?: Array<string | null> | null;
}

/**
 * The official document a set comes from.
 */
export interface DocumentRef {
  /**
   * The articles that carry the criteria and the pass rule.
   */
  articles: string;
  /**
   * First day in force (ISO 8601), when known.
   */
  in_force_from?: string | null;
  /**
   * Date of issue (ISO 8601), when known.
   */
  issued?: string | null;
  /**
   * Số, ký hiệu, e.g. `18/2023/TT-BGDĐT`.
   */
  number: string;
  /**
   * Title of the document.
   */
  title: string;
}

/**
 * A reference to another document.
 */
export interface DocumentRefDraft {
  /**
   * Date of issue.
   */
  date?: string | null;
  /**
   * Identifier used by tasks' `cites`.
   */
  id?: string | null;
  /**
   * Issuing body.
   */
  issuer?: string | null;
  /**
   * Số, ký hiệu (state form `56/2017/NĐ-CP` or Party form `28-CT/TW`); absent for a law
   * cited by its title only.
   */
  number?: string | null;
  /**
   * Title or summary.
   */
  title?: string | null;
}

/**
 * An edition of the national list of administrative units.
 *
 * The wire codes stay `"2024"` and `"2025"` (portals and stored records send them), but the
 * `"2024"` edition is not the state of 2024: it is the three-level list in force from
 * 01/03/2025 to 30/06/2025, after the mergers of NQ 1365/NQ-UBTVQH15 and earlier
 * resolutions. Its name says so ([`Edition::label`]), with its dates ([`Edition::valid_from`],
 * [`Edition::valid_to`]); the code `"2025-03"` (the month it came into force) is read as
 * the same edition. Renaming the wire code itself would break every stored record and
 * every portal that sends `"2024"`, for a name that only people read.
 */
export type Edition = "2024" | "2025";

/**
 * An event that disqualifies the result for the year.
 */
export interface Event {
  /**
   * Stable code within the set.
   */
  code: string;
  /**
   * Description, with its source when not the document's own wording.
   */
  text: string;
}

/**
 * A parent, caregiver or guardian of the child.
 */
export interface GuardianDraft {
  /**
   * Họ và tên.
   */
  full_name?: string | null;
  /**
   * Phone number as written, checked as a Vietnamese number ([`crate::vn::phone`]);
   * `normalize` writes the national form.
   */
  phone?: string | null;
  /**
   * Relationship to the child (catalog `relationships`).
   */
  relationship?: string | null;
  /**
   * Living, deceased or declared missing (catalog `person_statuses`).
   */
  status?: string | null;
}

/**
 * A day of the caller's calendar: an ISO date, or the date with a name.
 */
export type HolidayDay = string | {
  /**
   * ISO date.
   */
  date: string;
  /**
   * What the day is.
   */
  name?: string | null;
};

/**
 * The option `holidays` (read by `treem::Holidays::from_value`).
 */
export interface HolidaysOption {
  /**
   * Days off: ISO dates, or `{date, name}`.
   */
  days_off?: HolidayDay[] | null;
  /**
   * Working days (make-up Saturdays): ISO dates, or `{date, name}`.
   */
  working_days?: HolidayDay[] | null;
  /**
   * The years the lists describe fully (their announced schedule): in them the library
   * keeps only the days the law fixes by date, and deadlines say `calendar: "caller"`.
   */
  years?: number[] | null;
}

/**
 * A link from a task to an indicator of TT 13/2021/TT-BLĐTBXH.
 */
export interface IndicatorRefDraft {
  /**
   * `I` (Phụ lục I, children) or `II` (Phụ lục II, abuse and sanctions).
   */
  appendix?: string | null;
  /**
   * `cited` when the directive names the indicator set; `implied` when the link is our
   * reading of the task text (not part of the directive).
   */
  basis?: string | null;
  /**
   * The four-digit code, or `*` for the whole appendix.
   */
  code?: string | null;
}

/**
 * One thing found wrong (or worth a look) in a record.
 */
export interface Issue {
  /**
   * Stable dotted code, e.g. `phone.unknown_prefix`. The code is the contract.
   */
  code: string;
  /**
   * The message rendered in the requested language.
   */
  message: string;
  /**
   * The values the message needs (never a full personal ID, phone number or name).
   */
  params?: {
    [key: string]: unknown;
  };
  /**
   * RFC 6901 JSON Pointer into the input, e.g. `/guardians/0/phone`; `""` is the whole record.
   */
  path: string;
  /**
   * The rule that raised the issue, e.g. `vn.phone`.
   */
  rule: string;
  /**
   * `error` or `warning`.
   */
  severity: Severity;
}

/**
 * The language messages and labels are rendered in.
 */
export type Lang = "vi" | "en";

/**
 * The answer of `normalize`: the cleaned record, the changes, and the report of what is
 * still wrong after cleaning.
 */
export interface Normalized {
  /**
   * The rewrites made, in input order.
   */
  changes: Change[];
  /**
   * The record in canonical form (every input member kept).
   */
  record: unknown;
  /**
   * Validation of the cleaned record.
   */
  report: Report;
}

/**
 * A person who abused the child (Thông tư 13/2021/TT-BLĐTBXH, Phụ lục IV mã 0108–0111:
 * "đối tượng xâm hại trẻ em", by "Giới tính; Nhóm tuổi; Nghề nghiệp"). Occupation is not
 * recorded: that breakdown stays with the caller.
 */
export interface OffenderDraft {
  /**
   * The offender's age in completed years when the abuse happened (0–150).
   */
  age?: number | null;
  /**
   * The offender's relation to the child (catalog `offender_relations`: the four groups of
   * mã 0108–0111).
   */
  relation?: string | null;
  /**
   * The offender's sex (`male`, `female`, `nam`, `nữ`; catalog `sexes`).
   */
  sex?: string | null;
}

/**
 * The options every entry point takes; every member is optional.
 */
export interface Options {
  /**
   * The date rules are judged at, ISO 8601 (`2026-11-28`). The core never reads the
   * clock: without it, rules that need a date report `context.as_of_missing`.
   */
  as_of?: string | null;
  /**
   * Extra days off (ISO dates) for working-day deadlines: the compensatory and Tết days
   * fixed each year by the Prime Minister (Bộ luật Lao động 2019, Điều 112 khoản 3).
   */
  days_off?: string[] | null;
  /**
   * Catalog filter: only units inside this district-level unit (edition 2024).
   */
  district?: string | null;
  /**
   * The administrative-geography edition: `2024` (three levels, until 30 June 2025) or
   * `2025` (two levels, from 1 July 2025); chosen from `as_of` when absent.
   */
  edition?: Edition | null;
  /**
   * The caller's holiday calendar for working-day deadlines, which takes precedence over
   * the built-in one (announced schedules 2025–2026; the law with an estimate otherwise).
   */
  holidays?: HolidaysOption | null;
  /**
   * The language of messages and labels: `vi` (default) or `en`.
   */
  lang?: Lang | null;
  /**
   * The size limit of one record in bytes of UTF-8 (default 1048576, 1 MiB; at least 1).
   * A longer record is refused unparsed: `validate` and `normalize` throw `TreemError`
   * with code `record_too_large`; in `validateMany` its report has the issue
   * `record.too_large`.
   */
  max_record_bytes?: number | null;
  /**
   * Catalog filter: only units inside this province (code or name).
   */
  province?: string | null;
}

/**
 * Participants of an activity by group.
 */
export interface ParticipantsDraft {
  /**
   * Learners (học sinh, trẻ em).
   */
  learners?: unknown;
  /**
   * Others.
   */
  others?: unknown;
  /**
   * Parents.
   */
  parents?: unknown;
  /**
   * Teachers and staff.
   */
  teachers?: unknown;
}

/**
 * One addressee.
 */
export interface RecipientDraft {
  /**
   * The addressee as written, e.g. "Hiệu trưởng các trường THPT".
   */
  text?: string | null;
  /**
   * The unit type (see the catalog `unit_types`).
   */
  type?: string | null;
}

/**
 * A remedy plan (TT 18/2023 Điều 12 khoản 1).
 */
export interface RemedyDraft {
  /**
   * `tu_khac_phuc` (the school remedies) or `kien_nghi` (request to the competent authority).
   */
  by?: string | null;
  /**
   * Planned completion date (any accepted date form).
   */
  deadline?: string | null;
  /**
   * Kế hoạch, biện pháp.
   */
  measures?: string | null;
}

/**
 * The outcome of validating one record: `ok` is false when any issue is an error.
 */
export interface Report {
  /**
   * Every issue found, in input order then rule order.
   */
  issues: Issue[];
  /**
   * True when no issue has severity `error` (warnings do not make a record invalid).
   */
  ok: boolean;
}

/**
 * Where the child lives: administrative units of either edition.
 */
export interface ResidenceDraft {
  /**
   * Street address, village, hamlet (free text).
   */
  address?: string | null;
  /**
   * Commune code (5 digits) of the edition's list, inside the province (and district).
   */
  commune_code?: string | null;
  /**
   * District code (3 digits; edition 2024 only).
   */
  district_code?: string | null;
  /**
   * The edition the codes belong to: `2024` (three levels) or `2025` (two levels).
   * When absent, the edition of the context.
   */
  edition?: string | null;
  /**
   * Province code (2 digits) of the edition's list; `normalize` resolves a name to it.
   */
  province_code?: string | null;
}

/**
 * One criterion's result as typed.
 */
export interface ResultDraft {
  /**
   * The criterion's code in its set.
   */
  criterion?: string | null;
  /**
   * Minh chứng.
   */
  evidence?: string | null;
  /**
   * For "chưa đạt": the remedy plan.
   */
  remedy?: RemedyDraft | null;
  /**
   * `dat`, `chua_dat` or `khong_ap_dung` (or the Vietnamese words).
   */
  result?: string | null;
}

/**
 * A self-assessment as typed.
 */
export interface SafeSchoolAssessmentInput {
  /**
   * The id of a built-in set (catalog `criteria_sets`), or a complete set inline.
   */
  criteria_set?: unknown;
  /**
   * The version of the set.
   */
  criteria_set_version?: string | null;
  /**
   * Codes of the set's disqualifying events that happened during the year.
   */
  disqualifying_events?: Array<string | null> | null;
  /**
   * One result per criterion.
   */
  results?: Array<ResultDraft | null> | null;
  /**
   * The school, as a `school` record.
   */
  school?: SchoolDraft | null;
  /**
   * Năm học, e.g. `2024-2025`.
   */
  school_year?: string | null;
}

/**
 * A school record as typed by a person: every field optional, strings as written.
 */
export interface SchoolDraft {
  /**
   * The address as administrative-unit codes.
   */
  address?: AddressDraft | null;
  /**
   * Mã trường (the code in the sector's database).
   */
  code?: string | null;
  /**
   * Number of staff doing school counselling (tư vấn tâm lý, công tác xã hội trong nhà
   * trường; TT 18/2023 Điều 4 khoản 5).
   */
  counsellors?: number | null;
  /**
   * Grades taught (1–12); none for mầm non.
   */
  grades?: Array<number | null> | null;
  /**
   * Number of learners (children or pupils).
   */
  learners?: number | null;
  /**
   * Codes of the catalog `school_levels`; when absent, the levels of a single-level type.
   */
  levels?: Array<string | null> | null;
  /**
   * `so_gddt`, `phong_gddt` or `ubnd_xa`.
   */
  managing_authority?: string | null;
  /**
   * Tên trường.
   */
  name?: string | null;
  /**
   * `cong_lap`, `dan_lap` or `tu_thuc`.
   */
  ownership?: string | null;
  /**
   * A code of the catalog `school_types` (or its Vietnamese name).
   */
  school_type?: string | null;
  /**
   * Number of managers, teachers and other staff in all.
   */
  staff?: number | null;
  /**
   * Number of teachers.
   */
  teachers?: number | null;
}

/**
 * A school record as typed by a person: every field optional, strings as written.
 */
export interface SchoolInput {
  /**
   * The address as administrative-unit codes.
   */
  address?: AddressDraft | null;
  /**
   * Mã trường (the code in the sector's database).
   */
  code?: string | null;
  /**
   * Number of staff doing school counselling (tư vấn tâm lý, công tác xã hội trong nhà
   * trường; TT 18/2023 Điều 4 khoản 5).
   */
  counsellors?: number | null;
  /**
   * Grades taught (1–12); none for mầm non.
   */
  grades?: Array<number | null> | null;
  /**
   * Number of learners (children or pupils).
   */
  learners?: number | null;
  /**
   * Codes of the catalog `school_levels`; when absent, the levels of a single-level type.
   */
  levels?: Array<string | null> | null;
  /**
   * `so_gddt`, `phong_gddt` or `ubnd_xa`.
   */
  managing_authority?: string | null;
  /**
   * Tên trường.
   */
  name?: string | null;
  /**
   * `cong_lap`, `dan_lap` or `tu_thuc`.
   */
  ownership?: string | null;
  /**
   * A code of the catalog `school_types` (or its Vietnamese name).
   */
  school_type?: string | null;
  /**
   * Number of managers, teachers and other staff in all.
   */
  staff?: number | null;
  /**
   * Number of teachers.
   */
  teachers?: number | null;
}

/**
 * Where and in what grade the child studies.
 */
export interface SchoolingDraft {
  /**
   * Grade (lớp) 1–12; none for preschool.
   */
  grade?: number | null;
  /**
   * School level: a code of the catalog `school_levels` (`tieu_hoc`, `thcs`, ...), a
   * Vietnamese name, or the English codes `primary`, `lower_secondary`, ...
   */
  level?: string | null;
  /**
   * The school's code in the education database (not checked: treem holds no school list).
   */
  school_code?: string | null;
  /**
   * The school year, `2025-2026`. When absent, the grade is judged against both school
   * years `as_of` may fall in.
   */
  school_year?: string | null;
}

/**
 * A section: `1`, `3.1`, `a)`, or an unnumbered closing part.
 */
export interface SectionDraft {
  /**
   * Stable identifier, e.g. `3.1`.
   */
  id?: string | null;
  /**
   * The number as printed (`1`, `3.1`, `a)`), or null for an unnumbered part.
   */
  number?: string | null;
  /**
   * Sub-sections.
   */
  sections?: SectionDraft[] | null;
  /**
   * Tasks directly under this section.
   */
  tasks?: TaskDraft[] | null;
  /**
   * The heading, in Vietnamese.
   */
  title?: string | null;
  /**
   * An English label (ours).
   */
  title_en?: string | null;
}

/**
 * A temporary separation (Nghị định 56/2017/NĐ-CP, Điều 32 khoản 3).
 */
export interface SeparationDraft {
  /**
   * Last day of the separation (absent while it lasts).
   */
  end?: string | null;
  /**
   * A competent authority required the separation to continue beyond 15 days.
   */
  extended_by_authority?: boolean | null;
  /**
   * First day of the separation.
   */
  start?: string | null;
}

/**
 * How serious an issue is.
 */
export type Severity = "error" | "warning";

/**
 * Who signed, and in what capacity.
 */
export interface SignerDraft {
  /**
   * `TM`, `KT`, `TL`, `TUQ`, `Q` (Nghị định 30/2020/NĐ-CP Điều 13), or absent when the
   * head signs in their own name.
   */
  capacity?: string | null;
  /**
   * The signer's name (never echoed in messages).
   */
  name?: string | null;
  /**
   * The title after the capacity, e.g. "Giám đốc" in "KT. GIÁM ĐỐC".
   */
  on_behalf_of?: string | null;
  /**
   * The signer's own title, e.g. "Phó Giám đốc".
   */
  title?: string | null;
}

/**
 * The completion of one step.
 */
export interface StepDraft {
  /**
   * When the step was completed (date and time, or a date).
   */
  done_at?: string | null;
}

/**
 * The completion of each step; a step not done is absent.
 */
export interface StepsDraft {
  /**
   * Điều 27, Mẫu số 03.
   */
  detailed_assessment?: StepDraft | null;
  /**
   * Điều 26 khoản 3, Điều 31.
   */
  emergency_intervention?: StepDraft | null;
  /**
   * Điều 29.
   */
  implementation?: StepDraft | null;
  /**
   * Điều 26, Mẫu số 02.
   */
  initial_assessment?: StepDraft | null;
  /**
   * Điều 25, Mẫu số 01.
   */
  intake?: StepDraft | null;
  /**
   * Điều 28 khoản 4, Mẫu số 05.
   */
  plan_approval?: StepDraft | null;
  /**
   * Điều 30, Mẫu số 06.
   */
  review?: StepDraft | null;
  /**
   * Điều 28 khoản 1, Mẫu số 04.
   */
  support_plan?: StepDraft | null;
  /**
   * Điều 32, Mẫu số 07.
   */
  temporary_separation?: StepDraft | null;
}

/**
 * One task.
 */
export interface TaskDraft {
  /**
   * Kinds of activity that carry the task out (`event`, `media`, `campaign`).
   */
  activities?: string[] | null;
  /**
   * Unit types the task is assigned to (catalog `unit_types`).
   */
  assignees?: string[] | null;
  /**
   * Ids of the documents (in `basis` or `cited`) the task cites.
   */
  cites?: string[] | null;
  /**
   * Hotlines the task publicises (`111`, `18006605`).
   */
  hotlines?: string[] | null;
  /**
   * Stable identifier, unique in the directive, e.g. `1b-4`.
   */
  id?: string | null;
  /**
   * Indicators that measure the task.
   */
  indicators?: IndicatorRefDraft[] | null;
  /**
   * An English label (ours).
   */
  label_en?: string | null;
  /**
   * Communication products the task names (catalog `media_types`).
   */
  media_types?: string[] | null;
  /**
   * Occasions the task's campaigns are tied to (catalog `occasions`).
   */
  occasions?: string[] | null;
  /**
   * The task as the directive words it (Vietnamese).
   */
  text?: string | null;
}

/**
 * Progress on one task.
 */
export interface TaskProgressDraft {
  /**
   * What was done.
   */
  activities?: ActivityDraft[] | null;
  /**
   * Difficulties met.
   */
  difficulties?: string | null;
  /**
   * Links to evidence (documents, photos, articles).
   */
  evidence?: string[] | null;
  /**
   * Proposals to the directing body.
   */
  proposals?: string | null;
  /**
   * `done`, `in_progress` or `not_started` (catalog `task_statuses`).
   */
  status?: string | null;
  /**
   * The task's id in the directive, e.g. `1b-4`.
   */
  task?: string | null;
}

/**
 * One unit's report on the tasks of one directive for one period.
 */
export interface TaskReportInput {
  /**
   * The directive reported on: the id of a built-in directive (catalog `directives`).
   */
  directive?: string | null;
  /**
   * The period: a school year `2024-2025`, a year `2024`, or a half-year `2024-H1` / `2024-H2`.
   */
  period?: string | null;
  /**
   * Progress per task.
   */
  tasks?: TaskProgressDraft[] | null;
  /**
   * The reporting unit.
   */
  unit?: UnitDraft | null;
}

/**
 * The pass rule of a set.
 */
export type Threshold = {
  /**
   * Every mandatory criterion must be met.
   */
  all_mandatory: boolean;
  /**
   * Minimum share of criteria met, in percent (1–100).
   */
  min_percent: number;
  rule: "percent";
} | {
  /**
   * Minimum number of mandatory criteria met.
   */
  min_mandatory_met: number;
  /**
   * Minimum number of criteria met.
   */
  min_met: number;
  rule: "count";
} | {
  rule: "checklist";
};

/**
 * The reporting unit.
 */
export interface UnitDraft {
  /**
   * The unit's code (school code or the code the Sở uses); identifies it in roll-ups.
   */
  code?: string | null;
  /**
   * For a school: its number of learners (from its school record), which caps the
   * learners taking part in any one activity.
   */
  learners?: unknown;
  /**
   * The unit's name.
   */
  name?: string | null;
  /**
   * The unit type (catalog `unit_types`; not `education_institution`, which is a group).
   */
  type?: string | null;
}

/** The input form of each kind, by kind name. */
export interface KindInputs {
  child: ChildInput;
  case: CaseInput;
  school: SchoolInput;
  safe_school_assessment: SafeSchoolAssessmentInput;
  criteria_set: CriteriaSetInput;
  directive: DirectiveInput;
  task_report: TaskReportInput;
}

/** A kind of record (`child`, `case`, `school`, `safe_school_assessment`, `criteria_set`, `directive`, `task_report`). */
export type KindName = keyof KindInputs;

/** A catalog name; unknown names throw `TreemError` with code `unknown_name`. */
export type CatalogName = "issue_codes" | "kinds" | "indicators" | "editions" | "provinces" | "districts" | "communes" | "sexes" | "ethnic_groups" | "document_types" | "school_levels" | "school_types" | "criteria_sets" | "special_circumstances" | "disability_types" | "disability_levels" | "social_assistance_categories" | "protection_levels" | "relationships" | "person_statuses" | "abuse_forms" | "injury_types" | "case_environments" | "offender_relations" | "case_steps" | "directives" | "directive/hai-phong-2024" | "unit_types" | "signing_capacities" | "occasions" | "task_statuses" | "activity_kinds" | "media_types" | (string & {});

/** A parser name; unknown names throw `TreemError` with code `unknown_name`. */
export type ParserName = "date" | "personal_id" | "phone" | "name" | "ethnic_group" | "document_number" | "admin_unit" | "special_circumstances" | (string & {});

/** A domain operation name; unknown names throw `TreemError` with code `unknown_name`. */
export type OperationName = "case_deadlines" | "dedup" | "indicators" | "residence_successors" | "safe_school_assess" | "safe_school_rollup" | "safe_school_rollup_merge" | "task_report_rollup" | "task_report_table" | (string & {});

/** The codes a `TreemError` carries. */
export type TreemErrorCode =
  | "unknown_kind"
  | "unknown_name"
  | "not_json"
  | "invalid_utf8"
  | "wrong_top_level_type"
  | "invalid_option"
  | "record_too_large"
  | "invalid_argument"
  | "not_initialised"
  | "trap"
  | "internal";

/**
 * Thrown for misuse only (unknown kind, catalog or parser; input that is not JSON; a bad
 * option), never for invalid data, which is the report. `trap` means the WebAssembly module
 * trapped: the call failed, and the module was instantiated again for the next call.
 */
export declare class TreemError extends Error {
  readonly code: TreemErrorCode;
  /** `record_too_large`: the record's size and the limit, in bytes. */
  readonly params?: { bytes: number; limit: number };
  /** `record_too_large`: the message in Vietnamese. */
  readonly message_vi?: string;
}

/** A record: a JS object, or its JSON text. */
export type RecordInput<K extends KindName | string> =
  | (K extends keyof KindInputs ? KindInputs[K] : Record<string, unknown>)
  | string;

/** Options: a JS object, or its JSON text. */
export type OptionsInput = Options | string | null | undefined;

/** A parsed primitive: the value, or the issues that kept it from being read. */
export type Parsed =
  | { ok: true; value: unknown; issues?: Issue[] }
  | { ok: false; issues: Issue[] };

/** A catalog for select boxes. */
export interface Catalog {
  name: string;
  /** The legal document (and edition) the catalog comes from. */
  source: string;
  lang: Lang;
  items: Array<{ code: string; label: string; [key: string]: unknown }>;
}

/** The library version and the editions of its data. */
export interface Version {
  name: string;
  version: string;
  kinds: string[];
  geography_editions: string[];
  [key: string]: unknown;
}

/**
 * Loads the WebAssembly module; call and await it once before anything else. Browser entry:
 * from `source`, by default `treem_wasm_bg.wasm` beside the script. Node entry: a no-op (the
 * module loads on import).
 */
export default function init(
  source?: WebAssembly.Module | BufferSource | Response | URL | string | Promise<Response>
): Promise<void>;

/** Validates one record of `kind`. */
export function validate<K extends KindName | string>(
  kind: K,
  record: RecordInput<K>,
  options?: OptionsInput
): Report;

/**
 * Validates many records at once (one crossing of the boundary): an array, or JSON text
 * holding an array or NDJSON. One report per record, in input order.
 */
export function validateMany<K extends KindName | string>(
  kind: K,
  records: Array<RecordInput<K>> | string,
  options?: OptionsInput
): Report[];

/** Rewrites one record into canonical form and validates the result. */
export function normalize<K extends KindName | string>(
  kind: K,
  record: RecordInput<K>,
  options?: OptionsInput
): Normalized;

/** The JSON Schema (draft 2020-12) of the lenient input form of `kind`. */
export function schema(kind: KindName | string): Record<string, unknown>;

/** Parses one primitive (`date`, ...) from text. */
export function parse(what: ParserName, text: string, options?: OptionsInput): Parsed;

/** A catalog for select boxes, in the language of `options.lang`. */
export function catalog(name: CatalogName, options?: OptionsInput): Catalog;

/** The library version and the editions of its data. */
export function version(): Version;

/**
 * Computes indicators (TT 13/2021/TT-BLĐTBXH and treem's own) from caller values, tagged
 * records or partials; options add `period`, `suppression_threshold`, `output`
 * (`table` | `partial`) and `definitions`.
 */
export function indicators(input: unknown, options?: OptionsInput): Record<string, unknown>;

/** Runs a named domain operation (`case_deadlines`, `task_report_rollup`, ...). The operations over many records (`dedup`, `safe_school_rollup`, `safe_school_rollup_merge`, `task_report_rollup`, `task_report_table`) are in the full package (`treem`) only; a form module (`treem/child`, ...) throws `unknown_name` for them. */
export function call(operation: OperationName, input: unknown, options?: OptionsInput): unknown;

/**
 * Loads the national administrative-unit tables (the text of `national.tsv`); without it only
 * Hải Phòng's units are known. Kept across re-instantiation after a trap.
 */
export function loadGeography(text: string): { ok: boolean; coverage?: string; error?: string; message?: string };

/**
 * The Standard Schema v1 interface (https://standardschema.dev), as `@standard-schema/spec`
 * 1.1.0 declares it (MIT), copied so that the package needs no dependency: a `TreemSchema`
 * is assignable to that package's `StandardSchemaV1`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * One issue of a treem Standard Schema: `message` in the schema's language and `path` (the
 * issue's JSON Pointer split into keys, array indices as numbers; absent for the whole
 * record), and the rest of the treem `Issue`.
 */
export interface TreemStandardIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  /** The issue's stable code (`date.impossible`), or the misuse code of a value that is not a record (`wrong_top_level_type`, `not_json`, `record_too_large`). */
  readonly code: string;
  readonly severity: Severity;
  readonly params: { [key: string]: unknown };
  readonly rule?: string;
}

/**
 * The options of a Standard Schema: treem's `Options`, where `as_of` may also be a function
 * answering the date, asked at every validation (a page open past midnight).
 */
export type StandardSchemaOptions = Omit<Options, "as_of"> & { as_of?: string | null | (() => string) };

/** The answer of `validate`: the spec's, plus the warnings (which never fail validation). */
export type TreemStandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined; readonly warnings: ReadonlyArray<TreemStandardIssue> }
  | { readonly issues: ReadonlyArray<TreemStandardIssue>; readonly warnings: ReadonlyArray<TreemStandardIssue> };

/** The `~standard` property of a treem schema: the spec's, with treem's answer. */
export interface TreemStandardProps<Output> extends StandardSchemaV1.Props<Output, Output> {
  readonly vendor: "treem";
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => TreemStandardResult<Output>;
}

/**
 * A kind as a Standard Schema v1 validator (React Hook Form's `standardSchemaResolver`,
 * TanStack Form, `@hono/standard-validator`, ...). `validate` is synchronous (once `init()`
 * resolved): `{ value }` holds the normalised record (`normalize`), `{ issues }` the errors;
 * warnings do not fail it. `libraryOptions` of a call are treem options for that call.
 */
export interface TreemSchema<K extends KindName | string = KindName>
  extends StandardSchemaV1<RecordOf<K>, RecordOf<K>> {
  readonly "~standard": TreemStandardProps<RecordOf<K>>;
  readonly kind: K;
  readonly options: Readonly<StandardSchemaOptions>;
  /** The same schema answering in `lang`. */
  withLang(lang: Lang): TreemSchema<K>;
  /** The same schema with more options (`as_of`, `edition`, ...). */
  withOptions(options: StandardSchemaOptions): TreemSchema<K>;
  /** Errors, warnings, the normalised record (even with errors) and the changes made to it. */
  validateAll(value: unknown, options?: StandardSchemaOptions): {
    value: RecordOf<K> | undefined;
    issues: TreemStandardIssue[];
    warnings: TreemStandardIssue[];
    changes: Change[];
  };
  /** The warnings only: for a form to show beside its fields without blocking submit. */
  warnings(value: unknown, options?: StandardSchemaOptions): TreemStandardIssue[];
}

/** The record type of a kind (its input form; a normalised record is one too). */
export type RecordOf<K extends KindName | string> = K extends keyof KindInputs ? KindInputs[K] : Record<string, unknown>;

/** The Standard Schema of `kind`, with options used at every validation. */
export function standardSchema<K extends KindName | string>(kind: K, options?: StandardSchemaOptions): TreemSchema<K>;

/** The Standard Schema of each kind, with the core's default options (messages in Vietnamese). */
export const child: TreemSchema<"child">;
/** The protection case record's (`case` is a reserved word; also exported as `case`). */
export const caseRecord: TreemSchema<"case">;
export { caseRecord as case };
export const school: TreemSchema<"school">;
export const safeSchoolAssessment: TreemSchema<"safe_school_assessment">;
export const criteriaSet: TreemSchema<"criteria_set">;
export const directive: TreemSchema<"directive">;
export const taskReport: TreemSchema<"task_report">;

/** A JSON Pointer as a Standard Schema path (array indices as numbers; `undefined` for `""`). */
export function pointerPath(pointer: string): Array<string | number> | undefined;
