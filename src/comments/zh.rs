//! Traditional → Simplified Chinese folding, one character at a time.
//!
//! Matching folds both the word lists and the comments to Simplified, so a hidden
//! 假貨 also hides 假货 and the other way round. The table is OpenCC's
//! `TSCharacters.txt` (Apache-2.0, see `assets/README.md`); where OpenCC lists several
//! Simplified forms the first, most common one is used.

use std::sync::OnceLock;

const TS_CHARACTERS: &str = include_str!("../../assets/zh-fold/TSCharacters.txt");

/// The common CJK blocks (Extension A and the Unified Ideographs) as a direct table.
const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xA000;

pub(crate) struct ZhFold {
    /// `dense[c - DENSE_START]` is the Simplified form, or 0 when `c` has none.
    dense: Vec<u32>,
    /// Everything else (supplementary planes), sorted by code point.
    sparse: Vec<(char, char)>,
}

impl ZhFold {
    /// The folding table, parsed on first use.
    pub(crate) fn get() -> &'static ZhFold {
        static TABLE: OnceLock<ZhFold> = OnceLock::new();
        TABLE.get_or_init(|| ZhFold::parse(TS_CHARACTERS))
    }

    fn parse(src: &str) -> ZhFold {
        let mut dense = vec![0u32; (DENSE_END - DENSE_START) as usize];
        let mut sparse = Vec::new();
        for line in src.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split(['\t', ' ']).filter(|f| !f.is_empty());
            let (Some(from), Some(to)) = (fields.next(), fields.next()) else {
                continue;
            };
            let (Some(from), Some(to)) = (single_char(from), single_char(to)) else {
                continue;
            };
            if from == to {
                continue;
            }
            let cp = from as u32;
            if (DENSE_START..DENSE_END).contains(&cp) {
                dense[(cp - DENSE_START) as usize] = to as u32;
            } else {
                sparse.push((from, to));
            }
        }
        sparse.sort_unstable();
        ZhFold { dense, sparse }
    }

    /// The Simplified form of `c`, or `c` itself.
    #[inline]
    pub(crate) fn fold(&self, c: char) -> char {
        let cp = c as u32;
        if (DENSE_START..DENSE_END).contains(&cp) {
            let to = self.dense[(cp - DENSE_START) as usize];
            if to != 0 {
                return char::from_u32(to).unwrap_or(c);
            }
            return c;
        }
        if cp < 0x2_0000 {
            return c;
        }
        match self.sparse.binary_search_by_key(&c, |&(from, _)| from) {
            Ok(i) => self.sparse[i].1,
            Err(_) => c,
        }
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_to_simplified_and_leaves_the_rest() {
        let t = ZhFold::get();
        let fold = |s: &str| s.chars().map(|c| t.fold(c)).collect::<String>();
        assert_eq!(fold("假貨"), "假货");
        assert_eq!(fold("假货"), "假货");
        assert_eq!(fold("運費怎麼算"), "运费怎么算");
        assert_eq!(fold("臺灣"), "台湾");
        assert_eq!(fold("裡裏"), "里里");
        assert_eq!(fold("fake é й"), "fake é й");
        assert!(t.dense.iter().filter(|&&c| c != 0).count() > 3000);
    }
}
