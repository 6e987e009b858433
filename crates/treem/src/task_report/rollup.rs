//! Roll-up of task reports: mergeable partials (school → district or commune → city).
//!
//! A [`RollupPartial`] holds one summary per reporting unit, so partials computed on any
//! machine merge by union, in any order and grouping, to exactly the partial of all the
//! reports together. A unit that reports in two shards is kept once (the greater summary in a
//! fixed order, so the choice does not depend on merge order) and listed in `duplicates`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::TaskReportDraft;
use super::rules::count;
use crate::json::Field;
use crate::report::{IssueSink, Location};
use crate::sorted_map::{SortedMap, SortedSet};

/// Activity totals: events, campaigns by occasion, participants by group, products by type.
/// `BTreeMap<String, u64>` as `RollupPartial::rejected` is (which grows with the units): one
/// type, its code compiled once.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, treem_derive::Data)]
pub struct Totals {
    /// Activities by kind (`event`, `media`, `campaign`), counting `count` (default 1).
    pub activities: BTreeMap<String, u64>,
    /// Campaigns and events by occasion.
    pub occasions: BTreeMap<String, u64>,
    /// Participants by group (`learners`, `teachers`, `parents`, `others`).
    pub participants: BTreeMap<String, u64>,
    /// Communication products by media type.
    pub media: BTreeMap<String, u64>,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        for (mine, theirs) in [
            (&mut self.activities, &other.activities),
            (&mut self.occasions, &other.occasions),
            (&mut self.participants, &other.participants),
            (&mut self.media, &other.media),
        ] {
            for (key, n) in theirs {
                let slot = mine.entry(key.clone()).or_insert(0);
                *slot = slot.saturating_add(*n);
            }
        }
    }
}

/// One task in one unit's report.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, treem_derive::Data)]
pub struct TaskSummary {
    /// `done`, `in_progress` or `not_started`.
    pub status: String,
    /// What was done for it.
    pub totals: Totals,
}

/// One unit's report, summarised.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, treem_derive::Data)]
pub struct UnitSummary {
    /// The unit's type.
    pub unit_type: String,
    /// The report's period.
    pub period: String,
    /// Per task id.
    pub tasks: SortedMap<String, TaskSummary>,
}

/// A mergeable partial roll-up of task reports on one directive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, treem_derive::Data)]
pub struct RollupPartial {
    /// Reports accepted, per unit code. A `BTreeMap`, as `rejected` is: both grow with the
    /// number of units (a whole province), merged one report at a time.
    pub units: BTreeMap<String, UnitSummary>,
    /// Units that reported more than once across the merged inputs (normally none or few).
    pub duplicates: SortedSet<String>,
    /// Reports left out because they had errors, per unit code (`?` when the code is missing).
    pub rejected: BTreeMap<String, u64>,
}

impl RollupPartial {
    /// The partial of one report. A report with errors is counted in `rejected`, not summed.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::RollupPartial;
    /// let report = serde_json::json!({"directive": "hai-phong-2024", "period": "2024-2025",
    ///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "1b-4", "status": "done"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    /// let partial = RollupPartial::of_report(&report, &ctx);
    /// assert!(partial.units.contains_key("U1") && partial.rejected.is_empty());
    /// ```
    pub fn of_report(report: &serde_json::Value, ctx: &crate::Context) -> RollupPartial {
        let mut partial = RollupPartial::default();
        let draft: Option<TaskReportDraft> = crate::document::draft_of(report.clone()).ok();
        let code = draft
            .as_ref()
            .and_then(|d| d.unit.value())
            .and_then(|u| u.code.value())
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| "?".to_owned());
        let Some(draft) = draft else {
            partial.rejected.insert(code, 1);
            return partial;
        };
        let mut sink = IssueSink::new(ctx.lang);
        super::rules::check(&draft, ctx, &mut sink);
        if sink.has_errors() {
            partial.rejected.insert(code, 1);
            return partial;
        }
        partial.units.insert(code, summarise(&draft));
        partial
    }

    /// Merges `other` into this partial. Associative and commutative.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::RollupPartial;
    /// let report = serde_json::json!({"directive": "hai-phong-2024", "period": "2024-2025",
    ///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "1b-4", "status": "done"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    /// let mut other = report.clone();
    /// other["unit"]["code"] = "U2".into();
    /// let both = RollupPartial::of_report(&report, &ctx).merge(RollupPartial::of_report(&other, &ctx));
    /// assert_eq!(both.units.len(), 2);
    /// ```
    pub fn merge(mut self, other: RollupPartial) -> RollupPartial {
        self.duplicates.extend(other.duplicates);
        for (code, n) in other.rejected {
            let slot = self.rejected.entry(code).or_insert(0);
            *slot = slot.saturating_add(n);
        }
        for (code, summary) in other.units {
            match self.units.get_mut(&code) {
                Some(existing) => {
                    self.duplicates.insert(code);
                    if summary > *existing {
                        *existing = summary;
                    }
                }
                None => {
                    self.units.insert(code, summary);
                }
            }
        }
        self
    }

    /// The published table: per task and unit type, how many units report it done, in
    /// progress or not started, with activity totals; and which expected units have not
    /// reported (`expected`: unit code → unit type).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::RollupPartial;
    /// let report = serde_json::json!({"directive": "hai-phong-2024", "period": "2024-2025",
    ///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "1b-4", "status": "done"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    /// let expected = [("U2".to_string(), "thpt_school".to_string())].into();
    /// let table = RollupPartial::of_report(&report, &ctx).table(&expected);
    /// assert_eq!((table.units_reporting, table.not_reported.len()), (1, 1));
    /// ```
    pub fn table(&self, expected: &BTreeMap<String, String>) -> RollupTable {
        let mut rows: SortedMap<(String, String), RollupRow> = SortedMap::new();
        for summary in self.units.values() {
            for (task, t) in &summary.tasks {
                let row = rows
                    .entry((task.clone(), summary.unit_type.clone()))
                    .or_insert_with(|| RollupRow {
                        task: task.clone(),
                        unit_type: summary.unit_type.clone(),
                        ..RollupRow::default()
                    });
                row.units_reporting += 1;
                match t.status.as_str() {
                    "done" => row.done += 1,
                    "in_progress" => row.in_progress += 1,
                    _ => row.not_started += 1,
                }
                row.totals.add(&t.totals);
            }
        }
        let rows: Vec<RollupRow> = rows
            .into_values()
            .map(|mut row| {
                row.share_done_percent = share(row.done, row.units_reporting);
                row
            })
            .collect();
        let not_reported = expected
            .iter()
            .filter(|(code, _)| !self.units.contains_key(*code))
            .map(|(code, unit_type)| NotReported {
                code: code.clone(),
                unit_type: unit_type.clone(),
            })
            .collect();
        RollupTable {
            units_reporting: self.units.len() as u64,
            rows,
            not_reported,
            duplicates: self.duplicates.iter().cloned().collect(),
            rejected: self.rejected.clone(),
        }
    }
}

/// Percent with one decimal, computed from whole numbers so it is the same everywhere.
fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| ((part * 1000 + whole / 2) / whole) as f64 / 10.0)
}

fn summarise(draft: &TaskReportDraft) -> UnitSummary {
    // Checked drafts only: counts that failed their rules never get here.
    let mut scratch = IssueSink::new(crate::Lang::Vi);
    let root = Location::root();
    let mut tasks = SortedMap::new();
    for progress in draft.tasks.value().map(Vec::as_slice).unwrap_or_default() {
        let (Some(id), Some(status)) = (progress.task.value(), progress.status.value()) else {
            continue;
        };
        let mut totals = Totals::default();
        for activity in progress
            .activities
            .value()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let n = count(&activity.count, &root, &mut scratch).unwrap_or(1);
            if let Some(kind) = activity.kind.value() {
                *totals.activities.entry(kind.clone()).or_insert(0) += n;
            }
            if let Some(occasion) = activity.occasion.value() {
                *totals.occasions.entry(occasion.clone()).or_insert(0) += n;
            }
            if let Some(p) = activity.participants.value() {
                for (group, field) in [
                    ("learners", &p.learners),
                    ("teachers", &p.teachers),
                    ("parents", &p.parents),
                    ("others", &p.others),
                ] {
                    if let Some(k) = count(field, &root, &mut scratch) {
                        *totals.participants.entry(group.to_owned()).or_insert(0) += k;
                    }
                }
            }
            for (media, value) in activity.media.value().into_iter().flatten() {
                if let Some(k) = count(&Field::Value(value.clone()), &root, &mut scratch) {
                    *totals.media.entry(media.clone()).or_insert(0) += k;
                }
            }
        }
        tasks.insert(
            id.clone(),
            TaskSummary {
                status: status.clone(),
                totals,
            },
        );
    }
    UnitSummary {
        unit_type: draft
            .unit
            .value()
            .and_then(|u| u.r#type.value())
            .cloned()
            .unwrap_or_default(),
        period: draft.period.value().cloned().unwrap_or_default(),
        tasks,
    }
}

/// One row of the roll-up: a task for one unit type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RollupRow {
    /// Task id.
    pub task: String,
    /// Unit type.
    pub unit_type: String,
    /// Units of that type that reported on the task.
    pub units_reporting: u64,
    /// ... of which done.
    pub done: u64,
    /// ... in progress.
    pub in_progress: u64,
    /// ... not started.
    pub not_started: u64,
    /// `done / units_reporting` in percent, one decimal.
    pub share_done_percent: Option<f64>,
    /// Activity totals.
    pub totals: Totals,
}

/// An expected unit that has not reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotReported {
    /// Unit code.
    pub code: String,
    /// Unit type.
    pub unit_type: String,
}

/// The published roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollupTable {
    /// Units whose reports were accepted.
    pub units_reporting: u64,
    /// Per task and unit type.
    pub rows: Vec<RollupRow>,
    /// Expected units without a report.
    pub not_reported: Vec<NotReported>,
    /// Units that reported more than once.
    pub duplicates: Vec<String>,
    /// Reports rejected for errors, per unit code.
    pub rejected: BTreeMap<String, u64>,
}

impl RollupTable {
    /// The rows as CSV (header + one line per task and unit type), for spreadsheets.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::task_report::RollupPartial;
    /// let report = serde_json::json!({"directive": "hai-phong-2024", "period": "2024-2025",
    ///     "unit": {"type": "thpt_school", "code": "U1"}, "tasks": [{"task": "1b-4", "status": "done"}]});
    /// let ctx = treem::Context::at(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    /// let csv = RollupPartial::of_report(&report, &ctx).table(&Default::default()).to_csv();
    /// assert!(csv.lines().nth(1).unwrap().starts_with("1b-4,thpt_school,1,1,0,0,100,"));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "task,unit_type,units_reporting,done,in_progress,not_started,share_done_percent,events,campaigns,media_products,learners,teachers,parents,others\n",
        );
        for row in &self.rows {
            let t = &row.totals;
            let get = |m: &BTreeMap<String, u64>, k: &str| m.get(k).copied().unwrap_or(0);
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                row.task,
                row.unit_type,
                row.units_reporting,
                row.done,
                row.in_progress,
                row.not_started,
                row.share_done_percent
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                get(&t.activities, "event"),
                get(&t.activities, "campaign"),
                t.media.values().sum::<u64>(),
                get(&t.participants, "learners"),
                get(&t.participants, "teachers"),
                get(&t.participants, "parents"),
                get(&t.participants, "others"),
            ));
        }
        out
    }
}
