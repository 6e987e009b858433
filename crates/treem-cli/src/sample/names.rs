//! Vietnamese names for synthetic records. Family names are weighted roughly by how common
//! they are (Nguyễn far ahead); middle and given names are common ones, by sex. Synthetic
//! data only: any likeness to a real child is chance.

/// Family names with rough weights (per thousand).
pub(crate) const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 50),
    ("Phan", 45),
    ("Vũ", 39),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đào", 10),
    ("Đinh", 8),
    ("Mai", 6),
    ("Trịnh", 6),
    ("Lương", 5),
    ("Cao", 5),
];

/// Middle names of boys.
pub(crate) const MIDDLE_MALE: &[&str] = &[
    "Văn", "Đức", "Minh", "Quang", "Hoàng", "Gia", "Thành", "Hữu", "Tuấn", "Anh", "Bảo", "Đăng",
    "Trung", "Xuân",
];

/// Middle names of girls.
pub(crate) const MIDDLE_FEMALE: &[&str] = &[
    "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Bảo", "Khánh", "Hà", "Mai", "Thảo", "Diệu",
    "Hoài", "Kim",
];

/// Given names of boys.
pub(crate) const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa",
    "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Toàn",
    "Trí", "Tùng", "Việt", "Vinh", "Bảo", "Đăng",
];

/// Given names of girls.
pub(crate) const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan",
    "Mai", "My", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Trâm",
    "Uyên", "Vân", "Vy", "Yến", "Hân", "Nhi", "Thư",
];
