//! The indicator codes a directive's task may cite without the indicator engine: the codes
//! of Thông tư 13/2021/TT-BLĐTBXH (Công báo 933+934, 09-11-2021), Phụ lục I and Phụ lục II.
//!
//! The engine (feature `indicators`) reads the same codes with every definition from
//! `data/indicators/tt13-2021.json`; a directive only asks whether a cited code is one of
//! them, and the engine would bring the whole definition file and its readers into a task
//! report's module (`treem/task-report`). The test below holds the two lists equal.

/// The indicator codes of TT 13/2021, Phụ lục I (the situation of children), in the order of
/// `data/indicators/tt13-2021.json`.
pub(crate) const APPENDIX_I: &[&str] = &[
    "0101", "0102", "0103", "0104", "0105", "0106", "0107", "0108", "0109", "0110", "0201", "0202",
    "0203", "0204", "0205", "0206", "0207", "0208", "0209", "0210", "0211", "0301", "0302", "0303",
    "0304", "0305", "0306", "0307", "0308", "0309", "0310", "0311", "0312", "0313", "0314", "0315",
    "0316", "0317", "0318", "0319", "0320", "0321", "0322", "0323", "0401", "0402", "0403", "0404",
    "0405", "0406", "0407", "0408", "0409", "0501", "0502", "0601", "0602", "0603", "0604", "0605",
];

/// The indicator codes of TT 13/2021, Phụ lục II (abuse of children and the administrative
/// sanctions for it), in the order of `data/indicators/tt13-2021.json`.
pub(crate) const APPENDIX_II: &[&str] = &[
    "0101", "0102", "0103", "0104", "0105", "0106", "0107", "0108", "0109", "0110", "0111", "0112",
    "0201", "0202", "0203", "0204", "0205", "0206", "0207", "0208", "0209", "0210", "0211", "0212",
];

/// Whether `appendix:code` is an indicator of TT 13/2021 (`appendix` `I` or `II`).
pub(crate) fn is_tt13(appendix: &str, code: &str) -> bool {
    let codes = match appendix {
        "I" => APPENDIX_I,
        "II" => APPENDIX_II,
        _ => return false,
    };
    codes.contains(&code)
}

#[cfg(all(test, feature = "indicators"))]
mod tests {
    /// The lists are the built-in definitions' ids in appendices I and II, in order.
    #[test]
    fn the_engine_has_the_same_codes() {
        let builtin = crate::indicator::definition::builtin();
        assert!(builtin.problems.is_empty(), "{:?}", builtin.problems);
        for (appendix, codes) in [("I", super::APPENDIX_I), ("II", super::APPENDIX_II)] {
            let engine: Vec<&str> = builtin
                .definitions
                .iter()
                .filter(|d| d.id.appendix == appendix)
                .map(|d| d.id.code.as_str())
                .collect();
            assert_eq!(engine, codes.to_vec(), "appendix {appendix}");
        }
    }

    #[test]
    fn answers() {
        assert!(super::is_tt13("I", "0101"));
        assert!(super::is_tt13("II", "0212"));
        assert!(!super::is_tt13("II", "0213"));
        assert!(!super::is_tt13("III", "0101"));
        assert!(!super::is_tt13("treem", "safe_school_pass_rate"));
    }
}
