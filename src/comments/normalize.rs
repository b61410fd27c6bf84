//! Text normalisation shared by every matcher.
//!
//! Two steps. Cleaning removes what a reader does not see — invisible characters,
//! bidi controls, stacked combining marks (zalgo) — and applies NFKC, which turns
//! full-width and mathematical letters into plain ones. Tokenizing then folds case,
//! look-alike letters, leetspeak and Traditional Chinese, and lays the text out as
//! the matchers expect it (see [`Normalized`]). Most comments need nothing of NFKC
//! but a few direct mappings, so [`Normalizer`] does both steps in one pass unless the
//! text has characters that need the full treatment.
//!
//! Legitimate text survives: precomposed letters keep their marks (`й`, `ä`, `ö`),
//! and marks of scripts that need them (Thai, Devanagari, ...) stay attached.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use std::sync::OnceLock;

use super::zh::ZhFold;

/// A text as the matchers see it.
///
/// `skel` is a sequence of words, each followed by one space, with one space at the
/// start: `" fake product "`. Latin, Cyrillic and other alphabetic words are
/// lower-cased and folded; a run of repeated letters is kept once, with its length in
/// `repeats`. Chinese, Japanese, Korean and Thai characters are glued into one run across
/// spaces and punctuation (`"假 貨"` → `"假货"`), so that words in those scripts can
/// match as substrings.
#[derive(Clone, Debug, Default)]
pub(crate) struct Normalized {
    /// The normalised text.
    pub(crate) skel: String,
    /// The letters of `skel` that stood for a run: (byte position, how many times it
    /// was repeated, at most 255), in order. Every other character appeared once.
    pub(crate) repeats: Vec<(u32, u8)>,
    /// The text has a second reading, which the alternative pass (`alt`) gives: a `1`
    /// inside a word was read as `i` (as `l` it may spell something else), or letters
    /// spelt out began with one that is a word on its own (`a s s`: `a` + `ss`, or `ass`).
    pub(crate) ambiguous: bool,
    /// The cleaned text lower-cased and folded to Simplified Chinese, punctuation and
    /// spacing kept: what question and link detection read.
    pub(crate) lowered: String,
    /// The text has a question mark (`?`, `？`, `¿`, `؟`).
    pub(crate) question_mark: bool,
    /// The text has Chinese, Japanese, Korean or Thai characters.
    pub(crate) has_dense: bool,
    /// The text has words with letters in spaced scripts (Latin, Cyrillic, ...).
    pub(crate) has_words: bool,
    /// A run of Chinese, Japanese or Korean ends in a question particle (吗, 呢, か,
    /// 나요 ...) before punctuation, a space or the end.
    pub(crate) particle_end: bool,
    /// A symbol stands between letters, or ends a word in `*` or `#` (`f*ck`, `fu**`):
    /// a word may have a symbol for a letter (see [`masks_letter`]).
    pub(crate) maybe_masked: bool,
}

impl Normalized {
    fn clear(&mut self) {
        self.skel.clear();
        self.repeats.clear();
        self.lowered.clear();
        self.ambiguous = false;
        self.question_mark = false;
        self.has_dense = false;
        self.has_words = false;
        self.particle_end = false;
        self.maybe_masked = false;
        self.skel.push(' ');
    }

    #[inline]
    fn push(&mut self, c: char) {
        self.skel.push(c);
    }

    #[inline]
    fn space(&mut self) {
        if !self.skel.ends_with(' ') {
            self.skel.push(' ');
        }
    }

    /// Counts one more repeat of the letter at byte `at`.
    #[inline]
    fn repeat(&mut self, at: usize) {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        match self.repeats.last_mut() {
            Some((pos, n)) if *pos == at => *n = n.saturating_add(1),
            _ => self.repeats.push((at, 2)),
        }
    }

    /// How many times the character at byte `at` was repeated; `from` is an index into
    /// `repeats` at or before it, advanced for the next call.
    #[inline]
    pub(crate) fn run_at(&self, at: usize, from: &mut usize) -> u8 {
        while let Some(&(pos, n)) = self.repeats.get(*from) {
            match (pos as usize).cmp(&at) {
                std::cmp::Ordering::Less => *from += 1,
                std::cmp::Ordering::Equal => return n,
                std::cmp::Ordering::Greater => return 1,
            }
        }
        1
    }

    /// The text with long runs shortened to one letter and doubled letters kept, for
    /// people and tests.
    pub(crate) fn display(&self) -> String {
        let mut out = String::with_capacity(self.skel.len());
        let mut from = 0;
        for (i, c) in self.skel.char_indices() {
            out.push(c);
            if self.run_at(i, &mut from) == 2 {
                out.push(c);
            }
        }
        out.trim().to_owned()
    }
}

/// Normalises a text the way the filter matches it: invisible characters and zalgo
/// marks removed, NFKC, lower case, look-alike letters and leetspeak folded, long
/// letter repeats shortened, Traditional Chinese folded to Simplified, punctuation
/// turned into single spaces, and Chinese/Japanese/Korean/Thai glued across spaces.
///
/// `normalize("F.A.K.E ｐｒｏｄｕｃｔ")` is `"fake product"`; `normalize("假 貨！")` is
/// `"假货"`.
pub fn normalize(text: &str) -> String {
    let mut out = Normalized::default();
    Normalizer::default().run(text, false, &mut out);
    out.display()
}

/// Cleans and tokenizes, in one pass when the text allows. Keeps its buffers.
#[derive(Debug, Default)]
pub(crate) struct Normalizer {
    cleaner: Cleaner,
    tokenizer: Tokenizer,
}

impl Normalizer {
    /// Normalises `text` into `out`. With `alt`, the second reading (see
    /// [`Normalized::ambiguous`]): a `1` inside a word reads as `l` instead of `i`, and
    /// letters spelt out are one word even when the first is a word on its own.
    pub(crate) fn run(&mut self, text: &str, alt: bool, out: &mut Normalized) {
        if !self.tokenizer.run(text, alt, true, out) {
            let clean = self.cleaner.clean(text);
            self.tokenizer.run(clean, alt, false, out);
        }
    }
}

/// Whether the tokenizer cannot clean `c` on the fly: a combining diacritic (to
/// compose or strip) or anything NFKC might change.
#[inline]
fn needs_cleaning(c: char) -> bool {
    is_diacritic_mark(c) || !(nfkc_stable(c) || is_invisible(c) || inline_compat(c).is_some())
}

/// The compatibility characters comments use all the time, mapped as NFKC would:
/// full-width ASCII (CJK punctuation), ideographic and no-break spaces, the ellipsis.
#[inline]
fn inline_compat(c: char) -> Option<char> {
    match c as u32 {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0),
        0x3000 | 0xA0 => Some(' '),
        0x2026 => Some('.'),
        _ => None,
    }
}

/// Removes invisible characters and zalgo, then applies NFKC. Keeps its buffers.
#[derive(Debug, Default)]
struct Cleaner {
    pre: String,
    nfkc: String,
}

impl Cleaner {
    /// The cleaned text: borrowed from `text` when it is plain printable ASCII.
    fn clean<'a>(&'a mut self, text: &'a str) -> &'a str {
        if text
            .bytes()
            .all(|b| matches!(b, 0x20..=0x7E | b'\t' | b'\n' | b'\r'))
        {
            return text;
        }
        self.pre.clear();
        // Whether any character may change under NFKC; most comments have none, and
        // NFKC is the most expensive step.
        let mut maybe_compat = false;
        // Start of the current run of combining diacritics in `pre`, and whether the run
        // must go: more than one mark on a letter, or an overlay, is decoration.
        let mut run_start: Option<usize> = None;
        let mut run_len = 0usize;
        let mut run_drop = false;
        for c in text.chars() {
            // Printable ASCII and CJK need nothing but copying.
            if matches!(c as u32, 0x20..=0x7E | 0x4E00..=0x9FFF) && run_start.is_none() {
                self.pre.push(c);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if is_diacritic_mark(c) {
                if run_start.is_none() {
                    run_start = Some(self.pre.len());
                }
                run_len += 1;
                run_drop |= is_overlay_mark(c);
                maybe_compat = true;
                self.pre.push(c);
                continue;
            }
            if let Some(start) = run_start.take() {
                if run_len > 1 || run_drop {
                    self.pre.truncate(start);
                }
                run_len = 0;
                run_drop = false;
            }
            match inline_compat(c) {
                Some(mapped) => self.pre.push(mapped),
                None => {
                    maybe_compat |= !nfkc_stable(c);
                    self.pre.push(c);
                }
            }
        }
        if let Some(start) = run_start
            && (run_len > 1 || run_drop)
        {
            self.pre.truncate(start);
        }
        if !maybe_compat || is_nfkc_quick(self.pre.chars()) == IsNormalized::Yes {
            return &self.pre;
        }
        self.nfkc.clear();
        self.nfkc.extend(self.pre.nfkc());
        &self.nfkc
    }
}

/// Characters that NFKC leaves alone whatever surrounds them, in the blocks comments
/// mostly use; anything else is checked properly.
#[inline]
fn nfkc_stable_slow(c: char) -> bool {
    matches!(
        c as u32,
        0x20..=0x7E
            | 0xC0..=0xFF
            | 0x391..=0x3A9
            | 0x3B1..=0x3C9
            | 0x400..=0x45F
            | 0xE01..=0xE32
            | 0xE34..=0xE3A
            | 0xE3F..=0xE5B
            | 0x2600..=0x27BF
            | 0x3001..=0x3002
            | 0x3008..=0x3011
            | 0x3041..=0x3096
            | 0x30A1..=0x30FA
            | 0x30FC..=0x30FE
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
            | 0x1F300..=0x1F64F
            | 0x1F680..=0x1F6FF
            | 0x1F900..=0x1F9FF
            | 0x1FA70..=0x1FAFF
    )
}

/// Characters that render as nothing (or as blank space that is not a space) and are
/// used to split words invisibly: zero-width spaces and joiners, word joiner, BOM,
/// soft hyphen, bidi controls, variation selectors, tags, Hangul fillers, Braille
/// blank, and control characters other than tab and line breaks.
fn is_invisible_slow(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r');
    }
    matches!(
        cp,
        0x80..=0x9F
            | 0xAD
            | 0x34F
            | 0x61C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x2800
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Combining marks of the generic diacritic blocks (the ones zalgo text stacks), as
/// opposed to the marks of scripts such as Thai or Devanagari.
fn is_diacritic_mark_slow(c: char) -> bool {
    matches!(
        c as u32,
        0x300..=0x36F | 0x483..=0x489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Marks drawn through or around a letter rather than above or below it.
fn is_overlay_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x334..=0x338 | 0x488..=0x489 | 0x20D2..=0x20D3 | 0x20D8..=0x20DA | 0x20DD..=0x20E0 | 0x20E2..=0x20E6 | 0x20EA..=0x20EB
    )
}

/// Scripts written without spaces between words (or whose words take particles
/// without a space): words in them match as substrings.
fn is_dense_slow(c: char) -> bool {
    let cp = c as u32;
    if cp < 0xE00 {
        return false;
    }
    match cp {
        // Thai and Lao letters, vowel signs and tone marks (not their digits)
        0xE01..=0xE3A | 0xE40..=0xE4E | 0xE81..=0xECE => true,
        // Myanmar (not its digits)
        0x1000..=0x103F | 0x104A..=0x108F | 0x109A..=0x109F => true,
        // Hangul Jamo (not the invisible fillers)
        0x1100..=0x115E | 0x1161..=0x11FF => true,
        // Khmer (not its digits)
        0x1780..=0x17D3 => true,
        // 々 〆 〇, Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun,
        // Bopomofo extended, Katakana extensions
        0x3005..=0x3007
        | 0x3041..=0x30FF
        | 0x3105..=0x312F
        | 0x3131..=0x3163
        | 0x3165..=0x318F
        | 0x31A0..=0x31FF => true,
        // CJK Extension A, Unified Ideographs
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
        // Hangul Jamo extended A, syllables, Jamo extended B
        0xA960..=0xA97F | 0xAC00..=0xD7FF => true,
        // CJK compatibility ideographs
        0xF900..=0xFAFF => true,
        // Supplementary ideographs
        0x20000..=0x3134F => true,
        _ => false,
    }
}

/// `char::is_alphabetic` with the common blocks answered without a table lookup.
fn is_letter_slow(c: char) -> bool {
    match c as u32 {
        0x61..=0x7A | 0x41..=0x5A => true,
        0..=0x7F => false,
        0x400..=0x481 | 0x48A..=0x52F | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF => true,
        0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0x3041..=0x3096 | 0x30A1..=0x30FA => true,
        cp if is_never_alnum(cp) => false,
        _ => c.is_alphabetic(),
    }
}

/// Emoji, punctuation and symbol blocks: no letters or digits there.
#[inline]
fn is_never_alnum(cp: u32) -> bool {
    matches!(
        cp,
        0x1F000..=0x1FAFF
            | 0x2000..=0x20FF
            | 0x2190..=0x245F
            | 0x2500..=0x2BFF
            | 0x3000..=0x3004
            | 0x3008..=0x3020
            | 0xFE00..=0xFE0F
            | 0xFF00..=0xFF0F
    )
}

/// `char::is_alphanumeric` with the common blocks answered without a table lookup.
fn is_alnum_slow(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        cp if is_never_alnum(cp) => false,
        _ => is_letter_slow(c) || c.is_numeric(),
    }
}

const F_DENSE: u8 = 1;
const F_INVISIBLE: u8 = 1 << 1;
const F_DIACRITIC: u8 = 1 << 2;
const F_STABLE: u8 = 1 << 3;
const F_LETTER: u8 = 1 << 4;
const F_MARK: u8 = 1 << 5;
const F_ALNUM: u8 = 1 << 6;

fn flags_slow(c: char) -> u8 {
    let mut f = 0;
    for (yes, flag) in [
        (is_dense_slow(c), F_DENSE),
        (is_invisible_slow(c), F_INVISIBLE),
        (is_diacritic_mark_slow(c), F_DIACRITIC),
        (nfkc_stable_slow(c), F_STABLE),
        (is_letter_slow(c), F_LETTER),
        (is_combining_mark(c), F_MARK),
        (is_alnum_slow(c), F_ALNUM),
    ] {
        if yes {
            f |= flag;
        }
    }
    f
}

/// The character classes above for the whole Basic Multilingual Plane, computed once:
/// one load per character instead of a chain of range tests.
fn bmp_table() -> &'static [u8] {
    static TABLE: OnceLock<Box<[u8]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|cp| char::from_u32(cp).map_or(0, flags_slow))
            .collect()
    })
}

#[inline]
fn flags(c: char) -> u8 {
    flags_in(bmp_table(), c)
}

/// [`flags`] with the table at hand.
#[inline]
fn flags_in(table: &[u8], c: char) -> u8 {
    let cp = c as usize;
    match table.get(cp) {
        Some(&f) => f,
        // Emoji: nothing but stable.
        None if matches!(
            cp,
            0x1F300..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF | 0x1FA70..=0x1FAFF
        ) =>
        {
            F_STABLE
        }
        None => flags_slow(c),
    }
}

/// Characters that NFKC leaves alone whatever surrounds them (in the blocks comments
/// mostly use; anything else is checked properly).
#[inline]
fn nfkc_stable(c: char) -> bool {
    flags(c) & F_STABLE != 0
}

/// See [`is_invisible_slow`].
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    flags(c) & F_INVISIBLE != 0
}

/// See [`is_diacritic_mark_slow`].
#[inline]
pub(crate) fn is_diacritic_mark(c: char) -> bool {
    flags(c) & F_DIACRITIC != 0
}

/// Scripts written without spaces between words (see [`is_dense_slow`]).
#[inline]
pub(crate) fn is_dense(c: char) -> bool {
    flags(c) & F_DENSE != 0
}

/// `char::is_alphabetic`, from the table.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    flags(c) & F_LETTER != 0
}

/// `char::is_alphanumeric`, from the table.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    flags(c) & F_ALNUM != 0
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x400..=0x52F => Script::Cyrillic,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        _ => Script::Other,
    }
}

/// Lower-case Cyrillic and Greek letters that look like a Latin letter, in print or in
/// capitals (`к`, `м`, `н`, `т`, `в` look Latin only as capitals). Used inside words
/// that mix scripts.
fn cyrillic_greek_as_latin(c: char) -> Option<char> {
    Some(match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'г' => 'r',
        'һ' | 'н' => 'h',
        'і' | 'ι' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'η' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'ү' | 'γ' => 'y',
        _ => return None,
    })
}

/// Cyrillic letters indistinguishable from a Latin lower-case letter. A word written
/// only with these (`ѕсаm` without the `m`) is read as Latin.
fn cyrillic_homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'с' => 'c',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'ӏ' => 'l',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'ԝ' => 'w',
        'х' => 'x',
        'у' | 'ү' => 'y',
        _ => return None,
    })
}

/// Latin letters that look like a Cyrillic one, for Latin letters slipped into a
/// Cyrillic word (`тупoй` with a Latin `o`).
fn latin_as_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

/// Leetspeak inside a Latin word.
fn latin_leet(c: char, one_as_l: bool) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' if one_as_l => 'l',
        '1' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Leetspeak inside a Cyrillic word.
fn cyrillic_leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'о',
        '3' => 'з',
        '4' => 'ч',
        '6' => 'б',
        '@' => 'а',
        '$' => 'с',
        _ => return None,
    })
}

/// Letters that lower-casing leaves alone but that stand for a plain letter: dotless
/// i, final sigma, `ё` (usually written `е`), small capitals used as "fancy text".
fn fold_letter(c: char) -> char {
    match c {
        'ı' => 'i',
        'ȷ' => 'j',
        'ς' => 'σ',
        'ё' => 'е',
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ғ' | 'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ǫ' => 'q',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        _ => c,
    }
}

/// Lower-cases `c` into `buf`, returning how many characters it became.
#[inline]
pub(crate) fn lower(c: char, buf: &mut [char; 3]) -> usize {
    if c.is_ascii() {
        buf[0] = c.to_ascii_lowercase();
        return 1;
    }
    let cp = c as u32;
    let fast = match cp {
        // Basic Cyrillic capitals, then Ѐ..Џ.
        0x410..=0x42F => char::from_u32(cp + 0x20),
        0x400..=0x40F => char::from_u32(cp + 0x50),
        0x430..=0x45F => Some(c),
        // Latin-1 capitals (not ×).
        0xC0..=0xD6 | 0xD8..=0xDE => char::from_u32(cp + 0x20),
        0xDF..=0xFF => Some(c),
        0x130 => Some('i'),
        _ if is_dense(c) => Some(c),
        _ => None,
    };
    if let Some(l) = fast {
        buf[0] = fold_letter(l);
        return 1;
    }
    let mut n = 0;
    for l in c.to_lowercase() {
        if n < buf.len() {
            buf[n] = fold_letter(l);
            n += 1;
        }
    }
    n
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Ends a word.
    Sep,
    /// A letter or digit: part of a word.
    Word,
    /// `$` or `@`: a letter inside a word that has letters, else nothing.
    Leet,
    /// A character of a script without word spaces.
    Dense,
    /// A combining mark that belongs to the character before it.
    Mark,
    /// A generic diacritic left over after composition: decoration.
    DropMark,
}

#[inline]
fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | '0'..='9' => Class::Word,
            '$' | '@' => Class::Leet,
            _ => Class::Sep,
        };
    }
    let f = flags(c);
    if f & F_DENSE != 0 {
        Class::Dense
    } else if f & F_DIACRITIC != 0 {
        Class::DropMark
    } else if f & F_MARK != 0 {
        Class::Mark
    } else if f & F_ALNUM != 0 {
        Class::Word
    } else {
        Class::Sep
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Latin,
    Cyrillic,
    Keep,
}

/// Splits a text into words and lays them out in a [`Normalized`]. Cleans on the fly
/// what needs no NFKC (invisibles, full-width ASCII); anything else must have gone
/// through [`Cleaner`]. Keeps its buffers between calls.
#[derive(Debug, Default)]
struct Tokenizer {
    word: Vec<char>,
    /// One-character words waiting to see whether more follow (`f a k e`).
    singles: Vec<char>,
    last_dense: bool,
    /// A dense run is open: the next other character ends it.
    dense_open: bool,
    /// Where the open dense run starts in `skel`, to be copied to `lowered`.
    dense_copy: Option<usize>,
}

impl Tokenizer {
    /// Tokenizes `clean` into `out`. With `raw`, the text has not been through the
    /// [`Cleaner`]: returns false, unfinished, at the first character that needs it.
    fn run(&mut self, clean: &str, alt: bool, raw: bool, out: &mut Normalized) -> bool {
        out.clear();
        self.word.clear();
        self.singles.clear();
        self.last_dense = false;
        self.dense_open = false;
        self.dense_copy = None;
        let zh = ZhFold::get();
        let table = bmp_table();
        let mut buf = ['\0'; 3];
        // Start of a run of dense characters that fold to themselves, copied in one go
        // when the run ends.
        let mut pending: Option<usize> = None;
        let bytes = clean.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            if bytes[next].is_ascii() {
                if self.dense_open {
                    self.end_dense(clean, next, &mut pending, out);
                }
                next = self.ascii_run(clean, next, alt, out);
                continue;
            }
            let i = next;
            let Some(c) = clean[i..].chars().next() else {
                break;
            };
            next += c.len_utf8();
            let f = flags_in(table, c);
            if f & F_DENSE != 0 {
                // Chinese, Japanese, Korean, Thai: no case, no words to build.
                if !self.dense_open {
                    self.end_word(alt, out);
                    self.flush_singles(alt, out);
                    out.has_dense = true;
                    self.last_dense = true;
                    self.dense_open = true;
                }
                // The run is written to `skel` only, and copied to `lowered` when it
                // ends.
                if self.dense_copy.is_none() {
                    self.dense_copy = Some(out.skel.len());
                }
                push_dense(zh, clean, i, c, &mut pending, out);
                // The rest of the run, while it is three-byte dense characters (most
                // Chinese, Japanese, Korean and Thai): the same steps, decoded here.
                while let Some(&[b0, b1, b2]) = bytes.get(next..next + 3) {
                    if !(0xE0..=0xEF).contains(&b0) {
                        break;
                    }
                    let cp = u32::from(b0 & 0x0F) << 12
                        | u32::from(b1 & 0x3F) << 6
                        | u32::from(b2 & 0x3F);
                    let Some(c) = char::from_u32(cp).filter(|&c| flags_in(table, c) & F_DENSE != 0)
                    else {
                        break;
                    };
                    push_dense(zh, clean, next, c, &mut pending, out);
                    next += 3;
                }
                continue;
            }
            if self.dense_open {
                self.end_dense(clean, i, &mut pending, out);
            }
            // Two kinds of characters take a short cut (`plain_letter_lower` and the
            // tests say why it gives the same result as the long way): Cyrillic and
            // Latin-1 letters, which only need lower-casing, ...
            if let Some(l) = plain_letter_lower(c, f) {
                out.lowered.push(l);
                self.word.push(l);
                // The rest of the word, while its letters are two bytes long and take
                // the same short cut (most of Russian and Finnish).
                while let Some(&[b0, b1]) = bytes.get(next..next + 2) {
                    if !(0xC0..=0xDF).contains(&b0) {
                        break;
                    }
                    let cp = u32::from(b0 & 0x1F) << 6 | u32::from(b1 & 0x3F);
                    let Some(l) =
                        char::from_u32(cp).and_then(|c| plain_letter_lower(c, flags_in(table, c)))
                    else {
                        break;
                    };
                    out.lowered.push(l);
                    self.word.push(l);
                    next += 2;
                }
                continue;
            }
            // ... and emoji and symbols, which only end a word.
            if f == F_STABLE {
                out.lowered.push(c);
                self.end_word(alt, out);
                continue;
            }
            let c = match inline_compat(c) {
                Some(mapped) => {
                    out.question_mark |= mapped == '?';
                    mapped
                }
                None if is_invisible(c) => continue,
                None if raw && needs_cleaning(c) => return false,
                None => {
                    out.question_mark |= matches!(c, '¿' | '؟');
                    c
                }
            };
            let n = lower(c, &mut buf);
            for &l in &buf[..n] {
                let apostrophe = matches!(l, '\'' | '’' | '‘' | 'ʼ');
                out.lowered.push(if apostrophe { '\'' } else { l });
                // An apostrophe inside a word keeps it whole: `it's`, `don't`, `f'a'k'e`.
                if apostrophe && !self.word.is_empty() {
                    continue;
                }
                match class(l) {
                    Class::Word | Class::Leet => self.word.push(l),
                    Class::Sep => self.end_word(alt, out),
                    Class::Dense => {
                        // Already in `lowered` as it is: nothing to copy.
                        self.end_word(alt, out);
                        self.flush_singles(alt, out);
                        out.push(zh.fold(l));
                        out.has_dense = true;
                        self.last_dense = true;
                        self.dense_open = true;
                    }
                    Class::Mark => {
                        if !self.word.is_empty() {
                            self.word.push(l);
                        } else if self.last_dense && self.singles.is_empty() {
                            out.push(l);
                        }
                    }
                    Class::DropMark => {}
                }
            }
        }
        self.end_dense(clean, bytes.len(), &mut pending, out);
        self.end_word(alt, out);
        self.flush_singles(alt, out);
        out.space();
        true
    }

    /// A character that is not dense at byte `at`: writes out the dense run before it,
    /// copies it to `lowered`, and notes whether it ended in a question particle.
    fn end_dense(
        &mut self,
        clean: &str,
        at: usize,
        pending: &mut Option<usize>,
        out: &mut Normalized,
    ) {
        if let Some(start) = pending.take() {
            out.skel.push_str(&clean[start..at]);
        }
        if let Some(from) = self.dense_copy.take() {
            out.lowered.push_str(&out.skel[from..]);
        }
        if self.dense_open {
            self.close_dense(out);
        }
    }

    /// Tokenizes the run of ASCII starting at byte `start`; returns where it ends.
    fn ascii_run(&mut self, clean: &str, start: usize, alt: bool, out: &mut Normalized) -> usize {
        let bytes = clean.as_bytes();
        let mut i = start;
        let mut controls = false;
        while let Some(&b) = bytes.get(i) {
            match ASCII_CLASS[usize::from(b)] {
                A_WORD | A_LETTER => {
                    let from = i;
                    let mut letters = true;
                    let mut repeats = false;
                    let mut prev = 0;
                    while let Some(&b) = bytes.get(i) {
                        // Letters without the table: they are most of the bytes here.
                        let l = b | 0x20;
                        if l.wrapping_sub(b'a') < 26 {
                            repeats |= l == prev;
                            prev = l;
                        } else if ASCII_CLASS[usize::from(b)] == A_WORD {
                            letters = false;
                            if matches!(b, b'@' | b'$') {
                                out.maybe_masked |= masks_letter(bytes, i);
                            }
                        } else {
                            break;
                        }
                        i += 1;
                    }
                    // A word of plain letters that ends here is written at once; the
                    // rest (digits and leetspeak, apostrophes, invisible controls, words
                    // that go on with a non-ASCII letter: `päivää`) is gathered letter by
                    // letter.
                    let whole = bytes
                        .get(i)
                        .is_none_or(|&b| matches!(ASCII_CLASS[usize::from(b)], A_SEP | A_QUESTION));
                    if letters && whole && self.word.is_empty() {
                        if i - from == 1 {
                            self.singles.push(char::from(bytes[from] | 0x20));
                        } else {
                            self.flush_singles(alt, out);
                            emit_ascii_word(&clean[from..i], repeats, out);
                            self.last_dense = false;
                        }
                    } else {
                        self.word.extend(
                            bytes[from..i]
                                .iter()
                                .map(|b| char::from(b.to_ascii_lowercase())),
                        );
                    }
                    continue;
                }
                A_NON_ASCII => break,
                // An apostrophe inside a word keeps it whole (`it's`, `f'a'k'e`); outside
                // one it ends nothing.
                A_APOSTROPHE => {}
                A_QUESTION => {
                    out.question_mark = true;
                    out.maybe_masked |= masks_letter(bytes, i);
                    self.end_word(alt, out);
                }
                // Other control characters than tab and line breaks are invisible: they
                // do not split words.
                A_CONTROL => controls = true,
                _ => {
                    if is_mask_byte(b) {
                        out.maybe_masked |= masks_letter(bytes, i);
                    }
                    self.end_word(alt, out);
                }
            }
            i += 1;
        }
        let from = out.lowered.len();
        if controls {
            out.lowered.extend(
                clean[start..i]
                    .chars()
                    .filter(|&c| ASCII_CLASS[c as usize] != A_CONTROL),
            );
        } else {
            out.lowered.push_str(&clean[start..i]);
        }
        out.lowered[from..].make_ascii_lowercase();
        i
    }

    /// A run of dense characters ended: did it end in a question particle?
    #[inline]
    fn close_dense(&mut self, out: &mut Normalized) {
        if !self.dense_open {
            return;
        }
        self.dense_open = false;
        let skel = out.skel.as_str();
        let particle = match skel.chars().next_back() {
            Some('吗' | '呢' | '么' | 'か' | '까' | '냐') => true,
            Some('な') => skel.ends_with("かな"),
            Some('요') => ["나요", "가요", "까요", "는지요"]
                .iter()
                .any(|e| skel.ends_with(e)),
            _ => false,
        };
        out.particle_end |= particle;
    }

    #[inline]
    fn end_word(&mut self, alt: bool, out: &mut Normalized) {
        match self.word.len() {
            0 => {}
            1 => {
                self.singles.push(self.word[0]);
                self.word.clear();
            }
            _ => {
                self.flush_singles(alt, out);
                emit_word(&self.word, alt, out);
                self.word.clear();
                self.last_dense = false;
            }
        }
    }

    /// One-letter words in a row are one word spelt out (`f a k e`, `s.c.a.m`).
    #[inline]
    fn flush_singles(&mut self, alt: bool, out: &mut Normalized) {
        if !self.singles.is_empty() {
            self.write_singles(alt, out);
        }
    }

    fn write_singles(&mut self, alt: bool, out: &mut Normalized) {
        let letters = self.singles.iter().filter(|&&c| is_letter(c)).count();
        if self.singles.len() >= 3 && matches!(self.singles[0], 'a' | 'i' | 'o') {
            // `a s c a m`, `i a m`, `o m g`: the first letter may be a word of its own
            // — or the first letter of the word spelt out (`a s s`, `i d i o t`), which
            // the second reading joins.
            out.ambiguous = true;
            if alt {
                emit_word(&self.singles, alt, out);
                self.singles.clear();
                self.last_dense = false;
                return;
            }
            emit_word(&self.singles[..1], alt, out);
            emit_word(&self.singles[1..], alt, out);
        } else if self.singles.len() >= 2 && letters >= 1 {
            emit_word(&self.singles, alt, out);
        } else {
            for i in 0..self.singles.len() {
                emit_word(&self.singles[i..=i], alt, out);
            }
        }
        self.singles.clear();
        self.last_dense = false;
    }
}

/// Writes the dense character `c`, at byte `at` of `clean`, to `skel` folded to
/// Simplified Chinese. Characters that fold to themselves are copied later in one go,
/// from `pending` on. Called for every dense character: always inlined (merely
/// `#[inline]`, the compiler kept it out of the loops, 3% more instructions).
#[inline(always)]
fn push_dense(
    zh: &ZhFold,
    clean: &str,
    at: usize,
    c: char,
    pending: &mut Option<usize>,
    out: &mut Normalized,
) {
    let f = zh.fold(c);
    if f == c {
        pending.get_or_insert(at);
    } else {
        if let Some(start) = pending.take() {
            out.skel.push_str(&clean[start..at]);
        }
        out.skel.push(f);
    }
}

/// Symbols people put for a letter inside a word (`f*ck`, `sh!t`, `бл@дь`).
#[inline]
pub(crate) fn is_mask_byte(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'#' | b'!' | b'@' | b'$' | b'.' | b'%' | b'_' | b'-' | b'?'
    )
}

/// Whether the symbol at byte `i` may stand for a letter: it follows a letter, and
/// another letter follows the symbols, or it is `*` or `#` (`fu**`). Letters here are
/// ASCII and the two-byte ones (Latin-1 and Extended, Greek, Cyrillic); Chinese,
/// Japanese and Korean are not (`嗎？我` is punctuation). Looked at only where the
/// tokenizer meets a symbol; kept out of line, so the tokenizer's loops stay tight.
#[inline(never)]
pub(crate) fn masks_letter(bytes: &[u8], i: usize) -> bool {
    let Some(&b) = bytes.get(i) else {
        return false;
    };
    if i == 0 || !is_mask_byte(b) {
        return false;
    }
    let prev = bytes[i - 1];
    let after_letter = prev.is_ascii_alphabetic()
        || (matches!(prev, 0x80..=0xBF) && i >= 2 && matches!(bytes[i - 2], 0xC3..=0xD4));
    if !after_letter {
        return false;
    }
    if matches!(b, b'*' | b'#') {
        return true;
    }
    let mut j = i + 1;
    while bytes.get(j).is_some_and(|&b| is_mask_byte(b)) {
        j += 1;
    }
    bytes
        .get(j)
        .is_some_and(|&n| n.is_ascii_alphabetic() || matches!(n, 0xC3..=0xD4))
}

/// What an ASCII byte is to the tokenizer.
const A_SEP: u8 = 0;
/// `a`–`z`, `A`–`Z`.
const A_LETTER: u8 = 1;
/// Digits, and `$` and `@` (leetspeak): part of a word.
const A_WORD: u8 = 2;
const A_APOSTROPHE: u8 = 3;
const A_QUESTION: u8 = 4;
/// Control characters other than tab and line breaks: invisible.
const A_CONTROL: u8 = 5;
/// Not ASCII: ends a run of ASCII.
const A_NON_ASCII: u8 = 6;

static ASCII_CLASS: [u8; 256] = {
    let mut t = [A_SEP; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => A_LETTER,
            b'0'..=b'9' | b'$' | b'@' => A_WORD,
            b'\'' => A_APOSTROPHE,
            b'?' => A_QUESTION,
            b'\t' | b'\n' | b'\r' => A_SEP,
            0..=0x1F | 0x7F => A_CONTROL,
            0x80..=0xFF => A_NON_ASCII,
            _ => A_SEP,
        };
        b += 1;
    }
    t
};

/// A word of ASCII letters (any case), as [`emit_word`] writes it once lower-cased:
/// nothing to fold, repeats collapsed (`repeats`: it has a letter twice in a row).
fn emit_ascii_word(word: &str, repeats: bool, out: &mut Normalized) {
    out.has_words = true;
    out.space();
    if !repeats {
        let at = out.skel.len();
        out.skel.push_str(word);
        out.skel[at..].make_ascii_lowercase();
    } else {
        let mut prev = 0;
        let mut at = 0;
        for b in word.bytes() {
            let l = b.to_ascii_lowercase();
            if l == prev {
                out.repeat(at);
            } else {
                prev = l;
                at = out.skel.len();
                out.skel.push(char::from(l));
            }
        }
    }
    out.skel.push(' ');
}

/// Lower-case letters that [`emit_word`] leaves as they are: Latin (`a`–`z`, `ß`–`ÿ`
/// but `÷`) or basic Cyrillic (`а`–`џ`).
#[inline]
fn plain_latin(c: char) -> bool {
    matches!(c, 'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ')
}

#[inline]
fn plain_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='џ')
}

/// Whether [`emit_word`] writes `chars` as they are: all plain Latin letters (the
/// target is Latin and no letter maps), or all plain Cyrillic letters, not all of them
/// look-alikes of Latin ones (the target is Cyrillic and no letter maps).
#[inline]
fn folds_to_itself(chars: &[char]) -> bool {
    match chars.first() {
        Some(&c) if plain_latin(c) => chars.iter().all(|&c| plain_latin(c)),
        Some(&c) if plain_cyrillic(c) => {
            chars.iter().all(|&c| plain_cyrillic(c))
                && chars.iter().any(|&c| cyrillic_homoglyph(c).is_none())
        }
        _ => false,
    }
}

/// The short cut of [`Tokenizer::run`] for Cyrillic and Latin-1 letters (`f` is the
/// character's flags): a letter, stable under NFKC, visible, not a mark, whose lower
/// case is one letter of the same kind. The long way would clean nothing, lower-case
/// it with [`lower`] and add it to the word, which is what the caller does with the
/// letter returned.
#[inline]
fn plain_letter_lower(c: char, f: u8) -> Option<char> {
    const PLAIN: u8 = F_LETTER | F_ALNUM | F_STABLE;
    if f & !(F_ALNUM | F_STABLE) != F_LETTER || f & PLAIN != PLAIN {
        return None;
    }
    let cp = c as u32;
    let l = match cp {
        0x410..=0x42F => cp + 0x20,
        0x400..=0x40F => cp + 0x50,
        0x430..=0x45F => cp,
        0xC0..=0xD6 | 0xD8..=0xDE => cp + 0x20,
        0xDF..=0xF6 | 0xF8..=0xFF => cp,
        _ => return None,
    };
    // Of these, `fold_letter` changes only `ё`.
    if l == 'ё' as u32 {
        return Some('е');
    }
    char::from_u32(l)
}

/// Writes one word: look-alikes and leetspeak folded into the word's script, repeats
/// collapsed.
fn emit_word(chars: &[char], alt: bool, out: &mut Normalized) {
    // Most words are plain lower-case letters of one script: nothing to fold.
    if folds_to_itself(chars) {
        out.has_words = true;
        out.space();
        let mut prev = '\0';
        let mut at = 0;
        for &c in chars {
            if c == prev {
                out.repeat(at);
            } else {
                prev = c;
                at = out.skel.len();
                out.push(c);
            }
        }
        out.push(' ');
        return;
    }
    let (mut latin, mut cyrillic, mut greek, mut other) = (0usize, 0usize, 0usize, 0usize);
    let (mut cg_broad, mut cg_strict, mut latin_cyr) = (true, true, true);
    for &c in chars {
        if !is_letter(c) {
            continue;
        }
        match script(c) {
            Script::Latin => {
                latin += 1;
                latin_cyr &= latin_as_cyrillic(c).is_some();
            }
            s @ (Script::Cyrillic | Script::Greek) => {
                if s == Script::Cyrillic {
                    cyrillic += 1;
                } else {
                    greek += 1;
                }
                cg_broad &= cyrillic_greek_as_latin(c).is_some();
                cg_strict &= cyrillic_homoglyph(c).is_some();
            }
            Script::Other => other += 1,
        }
    }
    let letters = latin + cyrillic + greek + other;
    if letters == 0 {
        // A number: digits as they are, no leetspeak; `$` and `@` alone are nothing.
        if chars.iter().all(|&c| c == '$' || c == '@') {
            return;
        }
        out.space();
        for &c in chars {
            if c != '$' && c != '@' {
                out.push(c);
            }
        }
        out.push(' ');
        return;
    }
    out.space();
    out.has_words = true;
    let cg = cyrillic + greek;
    let target = if latin > 0 && cg > 0 {
        if cg_broad {
            Target::Latin
        } else if greek == 0 && latin_cyr {
            Target::Cyrillic
        } else {
            Target::Keep
        }
    } else if latin > 0 {
        Target::Latin
    } else if cg > 0 {
        if cg_strict && other == 0 {
            Target::Latin
        } else if cyrillic > 0 {
            Target::Cyrillic
        } else {
            Target::Keep
        }
    } else {
        Target::Keep
    };
    let mut prev: Option<(char, usize)> = None;
    for &c in chars {
        let mapped = match target {
            Target::Latin => {
                if let Some(l) = latin_leet(c, alt) {
                    if c == '1' {
                        out.ambiguous = true;
                    }
                    Some(l)
                } else if matches!(script(c), Script::Cyrillic | Script::Greek) {
                    Some(cyrillic_greek_as_latin(c).unwrap_or(c))
                } else {
                    Some(c)
                }
            }
            Target::Cyrillic => {
                if let Some(l) = cyrillic_leet(c) {
                    Some(l)
                } else if script(c) == Script::Latin {
                    Some(latin_as_cyrillic(c).unwrap_or(c))
                } else {
                    Some(c)
                }
            }
            Target::Keep => (c != '$' && c != '@').then_some(c),
        };
        let Some(m) = mapped else { continue };
        if !m.is_ascii() && !is_letter(m) && is_combining_mark(m) {
            out.push(m);
            prev = None;
            continue;
        }
        match prev {
            Some((p, at)) if p == m => out.repeat(at),
            _ => {
                prev = Some((m, out.skel.len()));
                out.push(m);
            }
        }
    }
    out.push(' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s)
    }

    #[test]
    fn latin_evasions_fold_to_the_plain_word() {
        for s in [
            "fake",
            "FAKE!!",
            "f a k e",
            "f.a.k.e",
            "ｆａｋｅ",
            "fаke",
            "f4ke",
            "faaaake",
            "f̵a̵k̵e̵",
            "f\u{200B}a\u{200D}k\u{2060}e",
            "𝐟𝐚𝐤𝐞",
            "ꜰᴀᴋᴇ",
            "f-a-k-e",
            "ＦＡＫＥ",
        ] {
            assert_eq!(norm(s), "fake", "{s:?}");
        }
        assert_eq!(norm("ѕсаm"), "scam");
        assert_eq!(norm("sc4m"), "scam");
        assert_eq!(norm("s c a m"), "scam");
        assert_eq!(norm("İSTANBUL ıi"), "istanbul ii");
    }

    #[test]
    fn words_are_not_joined_or_split_wrongly() {
        assert_eq!(norm("the fa key"), "the fa key");
        assert_eq!(norm("is cam working?"), "is cam working");
        assert_eq!(norm("what a l0ser"), "what a loser");
        assert_eq!(norm("scampi"), "scampi");
        assert_eq!(norm("price 2026, 50% off"), "price 2026 50 off");
        assert_eq!(norm("一$ก @ $$"), "一ก");
        assert_eq!(norm("good food"), "good food");
        assert_eq!(norm("it's a s c a m"), "its a scam");
        assert_eq!(norm("don’t f'a'k'e"), "dont fake");
        assert_eq!(norm("'quoted'"), "quoted");
    }

    #[test]
    fn chinese_is_glued_and_folded_to_simplified() {
        assert_eq!(norm("根本假 貨"), "根本假货");
        assert_eq!(norm("假\u{200B}貨"), "假货");
        assert_eq!(norm("垃 圾 直 播"), "垃圾直播");
        assert_eq!(norm("請問運費怎麼算？"), "请问运费怎么算");
        assert_eq!(norm("假😀貨"), "假货");
        assert_eq!(norm("好fake"), "好 fake");
        // Chinese runs separated by a Latin word stay apart.
        assert_eq!(norm("假 fake 貨"), "假 fake 货");
        // Compatibility ideographs and full-width punctuation.
        assert_eq!(norm("（假貨）"), "假货");
    }

    #[test]
    fn russian_keeps_its_letters() {
        assert_eq!(norm("Спасибо"), "спасибо");
        assert_eq!(norm("ТУПОЙ"), "тупой");
        // й stays й, precomposed or not; ё reads as е.
        assert_eq!(norm("Йогурт"), "йогурт");
        assert_eq!(norm("и\u{306}огурт"), "йогурт");
        assert_eq!(norm("ещё"), "еще");
        // A Latin o inside a Russian word is read as Cyrillic.
        assert_eq!(norm("тупoй"), "тупой");
        assert_eq!(norm("т0пой"), "топой");
    }

    #[test]
    fn finnish_keeps_a_and_o_with_dots() {
        assert_eq!(norm("Kiitos, hyvää päivää!"), "kiitos hyvää päivää");
        assert_eq!(norm("Ä Ö ä ö"), "äöäö");
        assert_eq!(norm("Ihana väri"), "ihana väri");
        // Decomposed input composes.
        assert_eq!(norm("va\u{308}ri"), "väri");
    }

    #[test]
    fn thai_and_devanagari_marks_survive() {
        let thai = "สวัสดีครับ";
        assert_eq!(norm(thai), thai);
        assert_eq!(norm("ขอบคุณ ค่ะ"), "ขอบคุณค่ะ");
        let hindi = "नमस्ते दोस्तों";
        assert_eq!(norm(hindi), hindi);
        assert_eq!(norm("क्या"), "क्या");
    }

    #[test]
    fn japanese_and_korean_survive() {
        assert_eq!(norm("ありがとう！"), "ありがとう");
        assert_eq!(norm("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(norm("감사합니다"), "감사합니다");
    }

    #[test]
    fn the_one_pass_path_agrees_with_full_cleaning() {
        for s in [
            "假\u{200B}貨？",
            "ＦＡＫＥ！",
            "a\u{3000}b\u{A0}c…",
            "ok\u{7}ay",
            "Kiitos ä ö",
            "Спасибо й",
            "f̵a̵k̵e̵",
            "𝐟𝐚𝐤𝐞",
            "ｶﾀｶﾅ",
            "va\u{308}ri",
            "สวัสดีครับ",
            "नमस्ते",
        ] {
            let mut fast = Normalized::default();
            let finished = Tokenizer::default().run(s, false, true, &mut fast);
            let mut full = Normalized::default();
            let mut cleaner = Cleaner::default();
            Tokenizer::default().run(cleaner.clean(s), false, false, &mut full);
            let mut chosen = Normalized::default();
            Normalizer::default().run(s, false, &mut chosen);
            assert_eq!(chosen.skel, full.skel, "{s:?}");
            assert_eq!(chosen.lowered, full.lowered, "{s:?}");
            assert_eq!(chosen.question_mark, full.question_mark, "{s:?}");
            if finished {
                assert_eq!(fast.skel, full.skel, "{s:?}");
            }
        }
    }

    #[test]
    fn symbols_between_letters_are_flagged() {
        let flagged = |s: &str| {
            let mut n = Normalized::default();
            Normalizer::default().run(s, false, &mut n);
            n.maybe_masked
        };
        for s in [
            "f*ck",
            "sh!t",
            "fu**",
            "бл@дь",
            "х*й",
            "ää*liö",
            "a f.ck b",
            "sc$m",
        ] {
            assert!(flagged(s), "{s:?}");
        }
        for s in [
            "wow!!! so",
            "50% off?",
            "好！好",
            "嗎？我",
            "😍!😍",
            "ok. fine",
            "#tag",
            "@host hi",
            "$5",
        ] {
            assert!(!flagged(s), "{s:?}");
        }
    }

    #[test]
    fn invisible_and_bidi_characters_are_removed() {
        assert_eq!(norm("abc\u{202E}dlrow"), "abcdlrow");
        assert_eq!(norm("\u{FEFF}hi\u{2066}there\u{2069}"), "hithere");
        assert_eq!(norm("\u{3164}\u{2800}"), "");
    }

    #[test]
    fn runs_record_repeats() {
        let mut t = Normalizer::default();
        let mut n = Normalized::default();
        t.run("goood", false, &mut n);
        assert_eq!(n.skel, " god ");
        assert_eq!(n.repeats, [(2, 3)]);
        t.run("aa ööö b", false, &mut n);
        assert_eq!(n.repeats, [(1, 2), (3, 3)]);
        let mut from = 0;
        let runs = [1, 2, 3, 6].map(|at| n.run_at(at, &mut from));
        assert_eq!(runs, [2, 1, 3, 1]);
        t.run("sh1t", false, &mut n);
        assert_eq!(n.skel, " shit ");
        assert!(n.ambiguous);
        t.run("l0ser", true, &mut n);
        assert_eq!(n.skel, " loser ");
        t.run("Ｗｈａｔ？ ＷＷＷ", false, &mut n);
        assert_eq!(n.lowered, "what? www");
        assert!(n.question_mark);
    }
}
