//! Words with a symbol standing for a letter: `f*ck`, `sh!t`, `b#tch`, `f.ck`, `бл*дь`,
//! `п@зда`, `х*й`.
//!
//! The automaton cannot match "any letter" without a pattern for every letter a symbol
//! may hide, which would multiply its size (and the hidden words of a big account are
//! thousands). Such words are rare, so they are looked up apart: only in comments that
//! have a symbol between letters, each such word against the single words of the lists
//! that start with the same letter, a symbol matching any one letter.

use std::collections::HashMap;

use super::forms;
use super::normalize::{is_dense, is_letter, is_mask_byte};

/// A single word of a list, as its letters (doubled letters doubled).
#[derive(Debug)]
pub(crate) struct MaskWord {
    pub(crate) letters: Box<[char]>,
    /// Matches the start of a word.
    pub(crate) prefix: bool,
    /// The lexicon's entry.
    pub(crate) entry: usize,
}

/// The lists' single words by first letter, and the Russian roots.
#[derive(Debug, Default)]
pub(crate) struct MaskIndex {
    words: HashMap<char, Vec<MaskWord>>,
    roots: Vec<(Box<[char]>, usize)>,
}

/// Symbols people put for a letter.
fn is_mask(c: char) -> bool {
    c.is_ascii() && is_mask_byte(c as u8)
}

/// A letter of the word, or a symbol standing for one (`None`).
type Slot = Option<char>;

impl MaskIndex {
    pub(crate) fn add_word(&mut self, word: MaskWord) {
        if let Some(&first) = word.letters.first() {
            self.words.entry(first).or_default().push(word);
        }
    }

    pub(crate) fn add_root(&mut self, root: &str, entry: usize) {
        self.roots.push((root.chars().collect(), entry));
    }

    /// Calls `found(entry)` for each list word a masked word of `lowered` (the
    /// comment lower-cased, punctuation kept) may stand for. Called only for comments
    /// the tokenizer flagged (`Normalized::maybe_masked`).
    pub(crate) fn find(&self, lowered: &str, mut found: impl FnMut(usize)) {
        let mut slots: Vec<Slot> = Vec::new();
        let mut before = String::new();
        // Only the stretches between spaces that have a symbol are read letter by
        // letter.
        let chunks = lowered
            .split_ascii_whitespace()
            .filter(|chunk| chunk.bytes().any(is_mask_byte));
        let in_word = |c: char| is_mask(c) || (is_letter(c) && !is_dense(c)) || c.is_ascii_digit();
        for token in chunks.flat_map(|chunk| chunk.split(move |c: char| !in_word(c))) {
            if !masked_word(token, &mut slots) {
                continue;
            }
            let Some(Some(first)) = slots.first() else {
                continue;
            };
            for w in self.words.get(first).into_iter().flatten() {
                let fits = if w.prefix {
                    slots.len() >= w.letters.len()
                } else {
                    slots.len() == w.letters.len()
                };
                if fits && fills(&slots, &w.letters) {
                    found(w.entry);
                }
            }
            // Russian roots only in Cyrillic words.
            if ('\u{400}'..='\u{4FF}').contains(first) {
                for (root, entry) in &self.roots {
                    if root_fits(&slots, root, &mut before) {
                        found(*entry);
                    }
                }
            }
        }
    }
}

/// Reads `token` into `slots` and says whether it is a word with a symbol for a
/// letter: leading symbols dropped (`#tag`, `@handle`), trailing ones too unless they
/// are `*` or `#` (`fu**`, but `bitch!`), at least two letters, at least one symbol
/// left, and no more symbols than letters.
fn masked_word(token: &str, slots: &mut Vec<Slot>) -> bool {
    slots.clear();
    let token = token.trim_start_matches(|c: char| !is_letter(c));
    let token = token.trim_end_matches(|c: char| !is_letter(c) && !matches!(c, '*' | '#'));
    if token.len() > 64 {
        return false;
    }
    let (mut letters, mut masks) = (0, 0);
    for c in token.chars() {
        if is_mask(c) {
            masks += 1;
            slots.push(None);
        } else {
            if is_letter(c) {
                letters += 1;
            }
            slots.push(Some(if c == 'ё' { 'е' } else { c }));
        }
    }
    masks >= 1 && letters >= 2 && masks <= letters
}

/// Whether `slots` spell `letters` (from its start), a symbol standing for any letter.
fn fills(slots: &[Slot], letters: &[char]) -> bool {
    slots
        .iter()
        .zip(letters)
        .all(|(s, l)| s.is_none_or(|c| c == *l))
}

/// Whether `slots` are a Russian root behind nothing or one prefix (written out), a
/// symbol standing for any letter of the root. `before` is a buffer.
fn root_fits(slots: &[Slot], root: &[char], before: &mut String) -> bool {
    before.clear();
    for at in 0..slots.len().min(6) {
        if at > 0 {
            match slots[at - 1] {
                Some(c) => before.push(c),
                None => return false,
            }
        }
        let rest = &slots[at..];
        if rest.len() >= root.len()
            && fills(rest, root)
            && rest[..root.len()].iter().any(Option::is_none)
        {
            let root: String = root.iter().collect();
            if forms::ru_prefix_ok(before, &root) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> MaskIndex {
        let mut index = MaskIndex::default();
        for (i, (w, prefix)) in [
            ("fuck", true),
            ("shit", false),
            ("bitch", false),
            ("сука", false),
        ]
        .into_iter()
        .enumerate()
        {
            index.add_word(MaskWord {
                letters: w.chars().collect(),
                prefix,
                entry: i,
            });
        }
        index.add_root("бля", 10);
        index.add_root("пизд", 11);
        index
    }

    fn found(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        index().find(&text.to_lowercase(), |e| out.push(e));
        out
    }

    #[test]
    fn symbols_stand_for_letters() {
        assert_eq!(found("f*ck this"), [0]);
        assert_eq!(found("what the f**king"), [0]);
        assert_eq!(found("sh!t."), [1]);
        assert_eq!(found("b#tch!"), [2]);
        assert_eq!(found("ну ты с*ка"), [3]);
        assert_eq!(found("бл*дь"), [10]);
        assert_eq!(found("сп*здил"), [11]);
    }

    #[test]
    fn ordinary_punctuation_is_not_a_mask() {
        for s in [
            "bitch!",
            "shit.",
            "#fuck",
            "@shit",
            "f***",
            "first-time buyer",
            "cock-a-doodle",
            "www.example.com",
            "50% off",
            "пот*ебляю",
            "хл*б",
            "好漂亮！已經下單",
            "嗎？我的皮膚",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }
}
