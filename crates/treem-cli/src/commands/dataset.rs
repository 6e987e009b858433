//! What `validate` and `clean` share: opening the input, deciding whether it is one record,
//! setting up the checker, and the checking run itself (counts, progress, issues file).

use crate::args::{InputArgs, InputFormat};
use crate::check::{Checker, Mode, Outcome};
use crate::failure::Failure;
use crate::input::{self, Body, Layout, Opened, RawRecord};
use crate::options::RunOptions;
use crate::output::issues::IssueWriter;
use crate::output::summary::{Header, Tally};
use crate::pipeline::{self, CHUNK};
use crate::progress::Progress;

/// An opened dataset with its first records already read.
pub(crate) struct Dataset {
    /// The input.
    pub(crate) opened: Opened,
    /// The records read so far (to be checked first).
    pub(crate) first: Vec<RawRecord>,
    /// The options in force.
    pub(crate) options: RunOptions,
    /// The kind.
    pub(crate) kind: treem::Kind,
}

impl Dataset {
    /// Checks every record in `mode` on `threads` workers (default: every core), counting the
    /// outcomes, showing progress on a terminal and writing each issue to `issues` when given;
    /// hands each outcome to `each` in input order, and returns the counts.
    ///
    /// # Errors
    /// The first read or write failure.
    pub(crate) fn check_all(
        self,
        mode: Mode,
        issues: Option<&std::path::Path>,
        threads: Option<usize>,
        mut each: impl FnMut(&Outcome) -> Result<(), Failure>,
    ) -> Result<Tally, Failure> {
        let checker = self.checker(mode);
        let mut issues_file = issues.map(IssueWriter::for_path).transpose()?;
        let mut tally = Tally::default();
        let progress = Progress::new(self.options.ctx.lang, self.opened.meter.clone());
        pipeline::run(
            self.opened.reader,
            self.first,
            pipeline::threads(threads),
            &checker,
            |outcome| {
                tally.add(&outcome);
                progress.update(tally.records);
                if let Some(file) = issues_file.as_mut() {
                    file.write(outcome.row, &outcome.issues)?;
                }
                each(&outcome)
            },
        )?;
        progress.finish();
        if let Some(file) = issues_file {
            file.finish()?;
        }
        Ok(tally)
    }

    /// Opens the input and reads the first chunk. With `cap_records` a line or element longer
    /// than the record size limit is dropped as it is read (memory stays bounded); without
    /// it (cleaning, which must write every record back) it is read whole, then reported
    /// unparsed.
    pub(crate) fn open(args: &InputArgs, cap_records: bool) -> Result<Dataset, Failure> {
        let options = crate::options::from_args(&args.common)?;
        let kind: treem::Kind = args.kind.parse().map_err(Failure::Core)?;
        let cap = if cap_records {
            options.ctx.max_record_bytes()
        } else {
            usize::MAX
        };
        let mut opened = input::open(
            args.input.as_deref(),
            args.input_format,
            kind,
            args.mapping.as_deref(),
            args.sheet.as_deref(),
            cap,
        )?;
        let mut first = opened.reader.next_chunk(CHUNK)?;
        if first.len() == 1 {
            // Tell one record from a longer input: the next chunk is empty at the end.
            first.extend(opened.reader.next_chunk(CHUNK)?);
        }
        if first.is_empty() {
            return Err(input::no_records(&opened));
        }
        Ok(Dataset {
            opened,
            first,
            options,
            kind,
        })
    }

    /// The JSON text of the only record, when the input is one JSON record (one document or
    /// one line) given as JSON: the answer is then the core's own answer for it.
    pub(crate) fn single_json(&self, args: &InputArgs) -> Option<&[u8]> {
        if args.input_format == Some(InputFormat::Ndjson) || args.input.is_none() {
            return None;
        }
        let json_like = matches!(self.opened.layout, Layout::Ndjson | Layout::Document);
        match self.first.as_slice() {
            [RawRecord {
                body: Body::Json(text),
                ..
            }] if json_like => Some(text),
            _ => None,
        }
    }

    /// The length of the only record, when the input is one JSON record (as for
    /// [`Dataset::single_json`]) too long to have been held: its answer is the core's error.
    pub(crate) fn single_too_large(&self, args: &InputArgs) -> Option<usize> {
        if args.input_format == Some(InputFormat::Ndjson) || args.input.is_none() {
            return None;
        }
        match self.first.as_slice() {
            [RawRecord {
                body: Body::TooLarge(len),
                ..
            }] if matches!(self.opened.layout, Layout::Ndjson) => Some(*len),
            _ => None,
        }
    }

    /// The checker for this dataset.
    pub(crate) fn checker(&self, mode: Mode) -> Checker {
        Checker {
            kind: self.kind,
            ctx: self.options.ctx.clone(),
            mode,
            columns: match &self.opened.layout {
                Layout::Table { columns, .. } => Some(columns.clone()),
                _ => None,
            },
        }
    }

    /// Names on standard error the columns that feed no field, for the output formats that
    /// have no place for them (the table and the JSON summary list them themselves): a
    /// column left out silently would leave its errors unseen.
    pub(crate) fn note_unmapped(&self) {
        let header = self.header();
        if header.unmapped.is_empty() {
            return;
        }
        let columns = header.unmapped.join(", ");
        match self.options.ctx.lang {
            treem::Lang::En => eprintln!(
                "treem: columns not checked (no field of kind {} takes them; kept in cleaned output): {columns}",
                self.kind.name()
            ),
            _ => eprintln!(
                "treem: các cột không được kiểm tra (không ứng với trường nào của loại {}; giữ nguyên khi làm sạch): {columns}",
                self.kind.name()
            ),
        }
    }

    /// The header echoed in the output.
    pub(crate) fn header(&self) -> Header {
        Header {
            source: self.opened.source.clone(),
            kind: self.kind,
            options: self.options.echo.clone(),
            unmapped: match &self.opened.layout {
                Layout::Table { columns, .. } => {
                    columns.unmapped().into_iter().map(str::to_owned).collect()
                }
                _ => Vec::new(),
            },
        }
    }
}
