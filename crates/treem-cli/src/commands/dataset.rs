//! What `validate` and `clean` share: opening the input, deciding whether it is one record,
//! and setting up the checker.

use crate::args::{InputArgs, InputFormat};
use crate::check::{Checker, Mode};
use crate::failure::Failure;
use crate::input::{self, Body, Layout, Opened, RawRecord};
use crate::options::RunOptions;
use crate::output::summary::Header;
use crate::pipeline::CHUNK;

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
    /// Opens the input and reads the first chunk.
    pub(crate) fn open(args: &InputArgs) -> Result<Dataset, Failure> {
        let options = crate::options::from_args(&args.common)?;
        let kind: treem::Kind = args.kind.parse().map_err(Failure::Core)?;
        let mut opened = input::open(
            args.input.as_deref(),
            args.input_format,
            kind,
            args.mapping.as_deref(),
            args.sheet.as_deref(),
        )?;
        let mut first = opened.reader.next_chunk(CHUNK)?;
        if first.len() == 1 {
            // Tell one record from a longer input: the next chunk is empty at the end.
            first.extend(opened.reader.next_chunk(CHUNK)?);
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
