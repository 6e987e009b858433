//! The indicator computation one item at a time: [`Accumulator`] takes the items of
//! [`crate::api::indicators`] (records tagged by kind, caller values, partials) one by one and
//! gives the same [`Answer`] as the whole set at once, without holding the records.
//! [`super::compute`] is built on it, so there is one path.
//!
//! Cases join their children by `child_id`: give every item that is not a child first, then
//! call [`Accumulator::close_cases`], then the children; each child is then counted as it
//! comes and forgotten. What stays is proportional to the cases (their few facts, until their
//! child comes), plus a 64-bit hash and an index per child id (to refuse a repeated id), plus
//! the partial's cells. Children given before `close_cases` are not lost: their facts wait
//! (a few hundred bytes each) until it is called or the accumulator finishes.
//!
//! Issues come out in the whole-set order whatever the order items are given in: by phase
//! (reading items; children; cases and assessments; counting), then item index. At most
//! [`crate::report::MAX_ISSUES`] are kept, the first in that order, and the rest counted.
//!
//! ```
//! use treem::indicator::{stream::Accumulator, Options};
//! let options = Options::from_json(br#"{"as_of": "2026-06-30", "output": "partial"}"#).unwrap();
//! let mut acc = Accumulator::new(&options);
//! let case = serde_json::json!({"kind": "case", "record": {"child_id": "C1"}});
//! let child = serde_json::json!({"kind": "child", "record": {"id": "C1"}});
//! acc.add_item(1, case.clone());
//! acc.close_cases();
//! acc.add_item(0, child.clone());
//! let answer = acc.finish();
//! let whole = format!("{child}\n{case}\n");
//! assert_eq!(answer, treem::indicator::compute(whole.as_bytes(), &options).unwrap());
//! ```

use std::collections::BTreeMap;

use super::definition::{self, Definition};
use super::feed::{self, Joiner, Phase};
use super::partial::{Partial, PARTIAL_FORMAT};
use super::period::Period;
use super::{
    check_builtin, facts, table, values, Answer, Options, OutputForm, INDICATOR_ITEM_INVALID,
    INDICATOR_RECORD_PENDING,
};
use crate::report::{Issue, IssueSink, Location, Severity, MAX_ISSUES};

/// Issues kept in the whole-set order (phase, item index, then as raised), at most
/// [`MAX_ISSUES`]: past it the last in that order is dropped and counted.
#[derive(Debug, Default)]
struct Ordered {
    kept: BTreeMap<(Phase, usize, u64), Issue>,
    seq: u64,
    dropped: usize,
    dropped_error: bool,
}

impl Ordered {
    /// Moves the issues of `sink`, all raised at item `index` in `phase`.
    fn take(&mut self, phase: Phase, index: usize, sink: IssueSink) {
        if sink.is_empty() {
            return;
        }
        for issue in sink.into_issues() {
            self.seq = self.seq.wrapping_add(1);
            self.kept.insert((phase, index, self.seq), issue);
            if self.kept.len() > MAX_ISSUES {
                if let Some((_, last)) = self.kept.pop_last() {
                    self.dropped += 1;
                    self.dropped_error |= last.severity == Severity::Error;
                }
            }
        }
    }
}

/// The indicator computation fed one item at a time (see the module docs).
#[derive(Debug)]
pub struct Accumulator {
    lang: crate::Lang,
    period: Option<Period>,
    threshold: u64,
    output: OutputForm,
    /// Definitions the caller added (option `definitions`).
    caller_defs: Vec<Definition>,
    /// Issues with the options, listed first and never limited (as in [`super::compute`]).
    option_issues: Vec<Issue>,
    partial: Partial,
    /// The record feeders; `None` without `as_of` (records are then counted, not fed).
    joiner: Option<Joiner>,
    /// Records given without `as_of`.
    unfed: usize,
    ordered: Ordered,
}

impl Accumulator {
    /// An accumulator for `options` (definitions the caller adds are read here; their issues
    /// point into `/options/definitions`).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{stream::Accumulator, Options};
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let answer = Accumulator::new(&options).finish();
    /// assert!(answer.ok && answer.table.unwrap().cells.is_empty());
    /// ```
    pub fn new(options: &Options) -> Accumulator {
        let lang = options.ctx.lang;
        let mut caller_defs = Vec::new();
        let mut option_issues = Vec::new();
        if let Some(defs) = &options.definitions {
            let existing: Vec<_> = definition::builtin()
                .definitions
                .iter()
                .map(|d| d.id.clone())
                .collect();
            let mut def_sink = IssueSink::new(lang);
            caller_defs = definition::load_definitions_value(defs, &existing, false, &mut def_sink);
            // Definition issues point into the `definitions` option, not the input.
            for mut issue in def_sink.into_issues() {
                issue.path = format!("/options/definitions{}", issue.path);
                option_issues.push(issue);
            }
        }
        let joiner = options.ctx.as_of.map(|as_of| {
            let period = options
                .period
                .unwrap_or(Period::Year(chrono::Datelike::year(&as_of)));
            Joiner::new(feed::FeedSettings {
                ctx: options.ctx.clone(),
                facts: facts::FactContext {
                    as_of,
                    period,
                    school_year: feed::rules::school_year_of(period, as_of),
                    age_groups: options.age_groups.clone(),
                },
                edition: options.ctx.edition(),
            })
        });
        Accumulator {
            lang,
            period: options.period,
            threshold: options.threshold,
            output: options.output,
            caller_defs,
            option_issues,
            partial: Partial::new(),
            joiner,
            unfed: 0,
            ordered: Ordered::default(),
        }
    }

    /// True when `item` is a child record item: the items to give after
    /// [`Accumulator::close_cases`].
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::stream::Accumulator;
    /// assert!(Accumulator::is_child(&serde_json::json!({"kind": "child", "record": {}})));
    /// assert!(!Accumulator::is_child(&serde_json::json!({"kind": "case", "record": {}})));
    /// ```
    pub fn is_child(item: &serde_json::Value) -> bool {
        item.get("format").and_then(serde_json::Value::as_str) != Some(PARTIAL_FORMAT)
            && item.get("kind").and_then(serde_json::Value::as_str) == Some("child")
    }

    /// Adds item number `index` of the input (its issues' paths start with `/index`): a record
    /// `{"kind": "child" | "case" | "safe_school_assessment" | "school", "record": {...}}`, an
    /// `indicator_value`, or a partial. Cases must come before [`Accumulator::close_cases`];
    /// a case given after it is refused (`indicator.item_invalid`), never half joined.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{stream::Accumulator, Options};
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let mut acc = Accumulator::new(&options);
    /// let value = serde_json::json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31",
    ///     "period": "2025", "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120});
    /// acc.add_item(0, value);
    /// assert!(acc.finish().ok);
    /// ```
    pub fn add_item(&mut self, index: usize, item: serde_json::Value) {
        let root = Location::root();
        let at = root.index(index);
        let mut sink = IssueSink::new(self.lang);
        if !item.is_object() {
            sink.push(
                &INDICATOR_ITEM_INVALID,
                &at,
                [(
                    "reason",
                    format!(
                        "expected an object, found {}",
                        crate::json::type_name(&item)
                    )
                    .into(),
                )],
            );
            self.ordered.take(Phase::Intake, index, sink);
            return;
        }
        if item.get("format").and_then(serde_json::Value::as_str) == Some(PARTIAL_FORMAT) {
            match <Partial as crate::json::data::FromJson>::from_json(&item) {
                Ok(p) => self.partial.merge(&p),
                Err(e) => e.report(&at, &mut sink),
            }
            self.ordered.take(Phase::Intake, index, sink);
            return;
        }
        let kind = match item.get("kind").and_then(serde_json::Value::as_str) {
            Some("indicator_value") => {
                let definitions: Vec<&Definition> = definition::builtin()
                    .definitions
                    .iter()
                    .chain(self.caller_defs.iter())
                    .collect();
                values::add_value(
                    &item,
                    &at,
                    &definitions,
                    self.period,
                    &mut self.partial,
                    &mut sink,
                );
                None
            }
            Some("school") => {
                sink.push(&INDICATOR_RECORD_PENDING, &at, [("kind", "school".into())]);
                None
            }
            Some(kind @ ("child" | "case" | "safe_school_assessment")) => {
                match item.get("record") {
                    Some(serde_json::Value::Object(_)) => Some(match kind {
                        "child" => "child",
                        "case" => "case",
                        _ => "safe_school_assessment",
                    }),
                    other => {
                        sink.push(
                            &INDICATOR_ITEM_INVALID,
                            &at.key("record"),
                            [(
                                "reason",
                                format!(
                                    "expected the record as an object, found {}",
                                    other.map_or("nothing", crate::json::type_name)
                                )
                                .into(),
                            )],
                        );
                        None
                    }
                }
            }
            _ => {
                sink.push(
                    &INDICATOR_ITEM_INVALID,
                    &at.key("kind"),
                    [(
                        "reason",
                        "expected kind indicator_value, child, case, school, safe_school_assessment, or a partial".into(),
                    )],
                );
                None
            }
        };
        self.ordered.take(Phase::Intake, index, sink);
        // The record is taken out of the item: its texts move into the checked record.
        if let (Some(kind), serde_json::Value::Object(mut map)) = (kind, item) {
            if let Some(record) = map.remove("record") {
                self.add_record(index, kind, record);
            }
        }
    }

    /// Reports item number `index` as not JSON (`column` where the parser stopped).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{stream::Accumulator, Options};
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let mut acc = Accumulator::new(&options);
    /// acc.add_not_json(0, 7);
    /// let answer = acc.finish();
    /// assert!(!answer.ok);
    /// assert_eq!(answer.issues[0].path, "/0");
    /// ```
    pub fn add_not_json(&mut self, index: usize, column: usize) {
        let mut sink = IssueSink::new(self.lang);
        sink.push(
            &INDICATOR_ITEM_INVALID,
            &Location::root().index(index),
            [("reason", format!("not JSON (column {column})").into())],
        );
        self.ordered.take(Phase::Intake, index, sink);
    }

    /// Feeds one record (an object) of `kind` to its feeder.
    fn add_record(&mut self, index: usize, kind: &str, record: serde_json::Value) {
        let Some(joiner) = self.joiner.as_mut() else {
            self.unfed += 1;
            return;
        };
        let mut sink = IssueSink::new(self.lang);
        match kind {
            "child" => {
                let mut counting = IssueSink::new(self.lang);
                joiner.child(index, record, &mut self.partial, &mut sink, &mut counting);
                self.ordered.take(Phase::Children, index, sink);
                self.ordered.take(Phase::Counting, index, counting);
            }
            "case" if joiner.is_closed() => {
                sink.push(
                    &INDICATOR_ITEM_INVALID,
                    &Location::root().index(index),
                    [(
                        "reason",
                        "a case given after the children were counted (close_cases) cannot join its child".into(),
                    )],
                );
                self.ordered.take(Phase::Intake, index, sink);
            }
            "case" => {
                joiner.case(index, record, &mut sink);
                self.ordered.take(Phase::Others, index, sink);
            }
            _ => {
                joiner.assessment(index, record, &mut self.partial, &mut sink);
                self.ordered.take(Phase::Others, index, sink);
            }
        }
    }

    /// Ends the cases: children given so far are counted with their cases, and children given
    /// from now on are counted as they come (and not kept).
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{stream::Accumulator, Options};
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let mut acc = Accumulator::new(&options);
    /// acc.add_item(0, serde_json::json!({"kind": "case", "record": {"child_id": "C1"}}));
    /// acc.close_cases();
    /// acc.add_item(1, serde_json::json!({"kind": "child", "record": {"id": "C1"}}));
    /// assert!(acc.finish().table.is_some());
    /// ```
    pub fn close_cases(&mut self) {
        let Some(joiner) = self.joiner.as_mut() else {
            return;
        };
        if joiner.is_closed() {
            return;
        }
        for (index, dossier) in joiner.close_cases() {
            let mut counting = IssueSink::new(self.lang);
            joiner.count(index, dossier, &mut self.partial, &mut counting);
            self.ordered.take(Phase::Counting, index, counting);
        }
    }

    /// The answer: the table (suppressed) or the partial, and every issue.
    ///
    /// # Examples
    ///
    /// ```
    /// use treem::indicator::{stream::Accumulator, Options};
    /// let options = Options::from_json(br#"{"as_of": "2025-12-31"}"#).unwrap();
    /// let mut acc = Accumulator::new(&options);
    /// let value = serde_json::json!({"kind": "indicator_value", "indicator": "I:0101", "unit": "31",
    ///     "period": "2025", "breakdown": {"dimension": "urban_rural", "category": "urban"}, "numerator": 120});
    /// acc.add_item(0, value);
    /// assert_eq!(acc.finish().table.unwrap().cells[0].value, Some(120.0));
    /// ```
    pub fn finish(mut self) -> Answer {
        self.close_cases();
        let mut sink = IssueSink::new(self.lang);
        check_builtin(&mut sink);
        match &self.joiner {
            Some(joiner) => {
                for index in joiner.unjoined() {
                    let mut one = IssueSink::new(self.lang);
                    feed::case_child_missing(index, &mut one);
                    self.ordered.take(Phase::Others, index, one);
                }
            }
            None if self.unfed > 0 => {
                let mut one = IssueSink::new(self.lang);
                one.push(
                    &feed::INDICATOR_RECORDS_NEED_AS_OF,
                    &Location::root(),
                    [("count", self.unfed.into())],
                );
                // Raised where the records would have been fed: after reading every item.
                self.ordered.take(Phase::Children, 0, one);
            }
            None => {}
        }
        let ordered = std::mem::take(&mut self.ordered);
        sink.extend(IssueSink::from_parts(
            self.lang,
            ordered.kept.into_values().collect(),
            ordered.dropped,
            ordered.dropped_error,
        ));
        let definitions: Vec<&Definition> = definition::builtin()
            .definitions
            .iter()
            .chain(self.caller_defs.iter())
            .collect();
        let (table, partial) = match self.output {
            OutputForm::Table => (
                Some(table::build(
                    &self.partial,
                    &definitions,
                    self.threshold,
                    &mut sink,
                )),
                None,
            ),
            OutputForm::Partial => (None, Some(self.partial)),
        };
        // Counted before the issues are taken: past MAX_ISSUES an error may be counted only.
        let dropped_error = sink.has_errors();
        let mut issues = self.option_issues;
        issues.extend(sink.into_issues());
        let mut report = crate::report::Report::from_issues(issues);
        report.ok &= !dropped_error;
        Answer {
            ok: report.ok,
            issues: report.issues,
            table,
            partial,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const CHILDREN: &str = include_str!("../../../../examples/data/children.ndjson");
    const CASES: &str = include_str!("../../../../examples/data/cases.ndjson");

    /// The bundled children and cases, tagged, cases interleaved with the children, plus a
    /// repeated child, a school, a record that is not an object and an item of no kind.
    fn items() -> Vec<serde_json::Value> {
        let tag = |kind: &str, line: &str| serde_json::json!({"kind": kind, "record": serde_json::from_str::<serde_json::Value>(line).unwrap()});
        let children: Vec<_> = CHILDREN.lines().map(|l| tag("child", l)).collect();
        let mut cases = CASES.lines().map(|l| tag("case", l));
        let mut out = Vec::new();
        for child in &children {
            out.push(child.clone());
            if let Some(case) = cases.next() {
                out.push(case);
            }
        }
        out.extend(cases);
        out.push(children[0].clone());
        out.push(serde_json::json!({"kind": "school", "record": {}}));
        out.push(serde_json::json!({"kind": "child", "record": 7}));
        out.push(serde_json::json!({"record": {}}));
        out
    }

    fn run(
        options: &Options,
        items: &[serde_json::Value],
        order: &[usize],
        close_at: usize,
    ) -> Answer {
        let mut acc = Accumulator::new(options);
        for (step, &index) in order.iter().enumerate() {
            if step == close_at {
                acc.close_cases();
            }
            acc.add_item(index, items[index].clone());
        }
        acc.finish()
    }

    #[test]
    fn any_order_of_cases_gives_the_whole_set_answer() {
        let items = items();
        let whole: String = items.iter().map(|i| format!("{i}\n")).collect();
        for output in ["table", "partial"] {
            let options = Options::from_json(
                format!(r#"{{"as_of": "2026-11-28", "output": "{output}"}}"#).as_bytes(),
            )
            .unwrap();
            let expected = super::super::compute(whole.as_bytes(), &options).unwrap();
            for code in [
                "indicator.case_child_missing",
                "indicator.child_id_repeated",
                "indicator.record_pending",
                "indicator.item_invalid",
            ] {
                assert!(
                    expected.issues.iter().any(|i| i.code == code),
                    "the set raises {code}"
                );
            }
            let all: Vec<usize> = (0..items.len()).collect();
            let (children, others): (Vec<usize>, Vec<usize>) =
                all.iter().partition(|&&i| Accumulator::is_child(&items[i]));
            // As given: every child waits for the end.
            assert_eq!(run(&options, &items, &all, usize::MAX), expected);
            // Others in reverse, then the children in order, each counted at once.
            let mut order: Vec<usize> = others.iter().rev().copied().collect();
            let close_at = order.len();
            order.extend(&children);
            assert_eq!(run(&options, &items, &order, close_at), expected);
            // Children first: they wait for the cases given after them.
            let mut order = children.clone();
            order.extend(&others);
            assert_eq!(run(&options, &items, &order, usize::MAX), expected);
        }
    }

    #[test]
    fn a_case_after_the_children_were_counted_is_refused_not_lost() {
        let options = Options::from_json(br#"{"as_of": "2026-11-28"}"#).unwrap();
        let mut acc = Accumulator::new(&options);
        acc.close_cases();
        acc.add_item(
            0,
            serde_json::json!({"kind": "case", "record": {"child_id": "X"}}),
        );
        let answer = acc.finish();
        assert!(!answer.ok);
        assert_eq!(answer.issues[0].code, "indicator.item_invalid");
        assert_eq!(answer.issues[0].path, "/0");
    }

    #[test]
    fn past_the_limit_the_first_issues_in_input_order_are_kept() {
        let options = Options::from_json(br#"{"as_of": "2026-11-28"}"#).unwrap();
        let bad = serde_json::json!({"kind": "child", "record": 7});
        let count = MAX_ISSUES + 20;
        let mut acc = Accumulator::new(&options);
        for index in (0..count).rev() {
            acc.add_item(index, bad.clone());
        }
        let answer = acc.finish();
        assert_eq!(answer.issues.len(), MAX_ISSUES + 1);
        assert_eq!(answer.issues[0].path, "/0/record");
        assert_eq!(
            answer.issues[MAX_ISSUES - 1].path,
            format!("/{}/record", MAX_ISSUES - 1)
        );
        assert_eq!(answer.issues[MAX_ISSUES].code, "report.truncated");
        assert_eq!(answer.issues[MAX_ISSUES].params["dropped"], 20);
    }
}
