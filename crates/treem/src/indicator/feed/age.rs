//! Age groups for the `age_group` disaggregation.
//!
//! TT 13/2021 names "Nhóm tuổi" for the indicators records feed (Phụ lục III 0208–0210,
//! 0303, 0306–0312; Phụ lục IV 0101, 0103) without listing the groups; the only groups it
//! spells out are those of Phụ lục III 0207, "10 - 14 tuổi, 15 - 19 tuổi" (five-year bands).
//! So the default is **ours**, marked as such: the five-year bands of 0207 carried down to 0,
//! cut at 16 because a child is a person under 16 (Luật Trẻ em 2016, Điều 1): `0_4`, `5_9`,
//! `10_14`, `15`. A caller replaces them with the option `age_groups` (lower bounds, e.g.
//! `[0, 6, 11, 15]` → `0_5`, `6_10`, `11_14`, `15`). `unknown` when the birth date is missing.

/// The default lower bounds (ours; see the module comment).
pub(crate) const DEFAULT_BOUNDS: [u32; 4] = [0, 5, 10, 15];

/// The oldest age of a child: under 16 (Luật Trẻ em 2016, Điều 1).
pub(crate) const LAST_CHILD_AGE: u32 = 15;

/// Age groups given by their lower bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeGroups {
    bounds: Vec<u32>,
}

impl Default for AgeGroups {
    fn default() -> AgeGroups {
        AgeGroups {
            bounds: DEFAULT_BOUNDS.to_vec(),
        }
    }
}

impl AgeGroups {
    /// Groups from lower bounds: strictly increasing, starting at 0, all at most 15.
    ///
    /// # Errors
    /// A sentence saying what is wrong.
    ///
    /// # Examples
    /// ```
    /// use treem::indicator::AgeGroups;
    /// assert!(AgeGroups::from_bounds(vec![0, 6, 11]).is_ok());
    /// assert!(AgeGroups::from_bounds(vec![0, 16]).is_err()); // a child is under 16
    /// ```
    pub fn from_bounds(bounds: Vec<u32>) -> Result<AgeGroups, String> {
        if bounds.first() != Some(&0) {
            return Err("the first lower bound must be 0".to_owned());
        }
        if bounds.windows(2).any(|w| w.first() >= w.get(1)) {
            return Err("lower bounds must increase".to_owned());
        }
        if bounds.iter().any(|b| *b > LAST_CHILD_AGE) {
            return Err(
                "a child is under 16 (Luật Trẻ em 2016, Điều 1): bounds are 0–15".to_owned(),
            );
        }
        Ok(AgeGroups { bounds })
    }

    /// The label of the group of `age` (completed years): `10_14`, or `15` for a one-year group.
    ///
    /// # Examples
    /// ```
    /// let groups = treem::indicator::AgeGroups::default(); // 0–4, 5–9, 10–14, 15
    /// assert_eq!(groups.label(Some(12)), "10_14");
    /// assert_eq!(groups.label(None), "unknown");
    /// ```
    pub fn label(&self, age: Option<u32>) -> String {
        let Some(age) = age else {
            return "unknown".to_owned();
        };
        let index = self.bounds.iter().rposition(|b| *b <= age).unwrap_or(0);
        let low = self.bounds.get(index).copied().unwrap_or(0);
        let high = self
            .bounds
            .get(index + 1)
            .map_or(LAST_CHILD_AGE, |next| next - 1);
        if low == high {
            format!("{low}")
        } else {
            format!("{low}_{high}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_groups() {
        let g = AgeGroups::default();
        let labels: Vec<String> = [0, 4, 5, 9, 10, 14, 15]
            .iter()
            .map(|a| g.label(Some(*a)))
            .collect();
        assert_eq!(labels, ["0_4", "0_4", "5_9", "5_9", "10_14", "10_14", "15"]);
        assert_eq!(g.label(None), "unknown");
    }

    #[test]
    fn caller_groups_are_checked() {
        let g = AgeGroups::from_bounds(vec![0, 6, 11, 15]).unwrap();
        assert_eq!(g.label(Some(6)), "6_10");
        assert_eq!(g.label(Some(3)), "0_5");
        assert!(AgeGroups::from_bounds(vec![1, 5]).is_err());
        assert!(AgeGroups::from_bounds(vec![0, 5, 5]).is_err());
        assert!(AgeGroups::from_bounds(vec![0, 16]).is_err());
        assert!(AgeGroups::from_bounds(vec![]).is_err());
    }
}
