//! The school record (kind `school`): type, levels and grades, ownership, managing authority,
//! address codes, and counts of learners and staff.
//!
//! Rules and their sources:
//! - levels and grades agree with the school type: Luật Giáo dục 2019 Điều 26, Điều 28
//!   khoản 1; Thông tư 18/2023/TT-BGDĐT Điều 1 khoản 2 ([`types`]);
//! - counts are non-negative integers, and teachers and counsellors are part of the staff
//!   (data-quality rules of treem);
//! - the managing authority fits the date: the district level, and with it the Phòng Giáo dục
//!   và Đào tạo, ended on 1 July 2025 (Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền
//!   địa phương 72/2025/QH15 "bỏ cấp huyện"; TT 18/2023 Điều 12 khoản 3 places the Phòng
//!   under the Ủy ban nhân dân cấp huyện). That commune People's Committees took over the
//!   schools the Phòng managed is NOT verified in treem's sources, and which levels each
//!   authority manages (phân cấp quản lý) was not read either: those rules are warnings.
//! - the address codes have the form of their level and name units of their edition's list
//!   that lie inside one another ([`address`]).
//!
//! The levels and types ([`types`]) are also the child record's (`schooling.level`, catalog
//! `school_levels`), so they are built with the `child` feature too; the record, its address
//! and the catalog `school_types` only with `school`. A child form's WebAssembly build
//! without the school kind is 9 KB smaller gzipped.

#[cfg(feature = "school")]
pub mod address;
#[cfg(feature = "school")]
mod checked;
#[cfg(feature = "school")]
mod record;
pub mod types;

#[cfg(feature = "school")]
pub use checked::{Address, School};
#[cfg(feature = "school")]
pub use record::*;

#[cfg(all(test, feature = "school"))]
mod tests;
