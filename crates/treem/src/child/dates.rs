//! Rules on the dates of a child record that depend on the date of birth and on `as_of`.

use chrono::NaiveDate;

use crate::context::Context;
use crate::report::{IssueSink, Location};

crate::codes! {
    /// A date (identification, registration, assistance) lies after `as_of`: it cannot have
    /// happened yet.
    CHILD_DATE_AFTER_AS_OF = "child.date_after_as_of", Error, "child.dates", "treem",
        "Ngày này sau ngày tính {as_of}",
        "This date is after the as-of date {as_of}";
    /// A date about the child (identification, registration, assistance) lies before the
    /// child was born.
    CHILD_DATE_BEFORE_BIRTH = "child.date_before_birth", Error, "child.dates", "treem",
        "Ngày này trước ngày sinh của trẻ",
        "This date is before the child's date of birth";
}

/// What the date rules know: the date of birth (when it parsed) and the date of judgement.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Dates {
    /// The child's date of birth, when given and valid.
    pub(crate) birth: Option<NaiveDate>,
    /// `as_of` of the context.
    pub(crate) as_of: Option<NaiveDate>,
    /// Set when a rule needed `as_of` and there was none.
    pub(crate) needed_as_of: bool,
}

impl Dates {
    /// Checks a date about the child: not before birth, not after `as_of`.
    pub(crate) fn event(&mut self, date: NaiveDate, at: &Location<'_>, sink: &mut IssueSink) {
        if let Some(birth) = self.birth {
            if date < birth {
                sink.push(&CHILD_DATE_BEFORE_BIRTH, at, []);
            }
        }
        match self.as_of {
            Some(as_of) if date > as_of => {
                sink.push(
                    &CHILD_DATE_AFTER_AS_OF,
                    at,
                    [("as_of", as_of.to_string().into())],
                );
            }
            Some(_) => {}
            None => self.needed_as_of = true,
        }
    }

    /// Starts from the context.
    pub(crate) fn new(ctx: &Context) -> Dates {
        Dates {
            birth: None,
            as_of: ctx.as_of,
            needed_as_of: false,
        }
    }
}
