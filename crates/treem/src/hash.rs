//! One 64-bit text hash for the places that keep a hash instead of a text (the dedup keys'
//! IDs and names, the indicator feed's set of child ids).

/// A 64-bit FNV-1a hash finished by MurmurHash3's `fmix64`, so that texts which differ in
/// their last bytes spread over the whole range. Ours because the WebAssembly package has no
/// hasher to spare (`std`'s would link SipHash). Two different texts share it with
/// probability about n²/2⁶⁵ (under 10⁻⁶ for five million).
pub(crate) fn text64(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}
