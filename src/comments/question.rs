//! Question detection and near-duplicate questions.
//!
//! A comment is a question when the host could answer it, with or without a question
//! mark: Chinese particles and question words, A-not-A forms (是不是, 可不可以),
//! English wh-words and inverted auxiliaries (but not exclamations: `what a beautiful
//! color`), Russian `ли` and question words, Finnish `-ko/-kö` and question words,
//! Japanese `か`, Korean `-까/-나요`.
//!
//! Two questions are the same question when, once normalised and stripped of filler
//! and light words (`請問`, `可以`, `please`, `new`), they are made of the same content
//! words (Chinese: the same characters), a few ways of asking the same folded together
//! (`怎麼算` and `多少`). A question that names one more thing — an ingredient, a size,
//! a place, a product — is another question, so no word more or less is forgiven:
//! `敏感肌可以用A醇嗎` is not `請問敏感肌可以用嗎`, `寄澎湖運費多少` is not `運費怎麼算`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use std::ops::ControlFlow;

use aho_corasick::dfa::DFA;
use memchr::memmem;

use super::lexicon::{dfa, for_each_match};
use super::normalize::{Normalized, Normalizer, is_alnum, is_dense, is_letter};

/// Whether a normalised comment asks something.
// Kept out of line, like `question_key`, `QuestionIndex::link` and `spam::pairs_of`:
// inlined into `Filter::classify` they cost it 1.3% more instructions on the
// benchmark corpus (callgrind).
#[inline(never)]
pub(crate) fn is_question(n: &Normalized) -> bool {
    // Nothing but punctuation and emoji asks nothing.
    if n.skel.len() <= 1 {
        return false;
    }
    if n.question_mark {
        return true;
    }
    // Particles ending a run, question words and A-not-A anywhere in the glued
    // Chinese/Japanese/Korean runs ...
    if n.has_dense && (n.particle_end || dense_is_question(&n.skel)) {
        return true;
    }
    // ... and the first words of each clause.
    n.has_words && clauses_ask(&n.lowered)
}

/// A piece of a lower-cased comment, as clause detection reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// A word, trimmed of punctuation (apostrophes kept); never empty.
    Word(&'a str),
    /// The end of a clause: sentence punctuation, a comma, a line break or an emoji.
    Break,
}

const P_CHAR: u8 = 0;
const P_SPACE: u8 = 1;
const P_BREAK: u8 = 2;

/// [`piece_kind`] of each ASCII character.
static ASCII_PIECE: [u8; 128] = {
    let mut t = [P_CHAR; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'.' | b'!' | b',' | b';' | b'~' | b'|' | b'\n' | b'\r' => P_BREAK,
            b'\t' | 0x0B | 0x0C | b' ' => P_SPACE,
            _ => P_CHAR,
        };
        b += 1;
    }
    t
};

/// What the character at byte `i` is to [`pieces`], and its length. Works on bytes:
/// full-width punctuation is already ASCII in the lower-cased text, so only `。`, `、`,
/// emoji and the Unicode spaces are multi-byte.
#[inline(always)]
fn piece_kind(bytes: &[u8], i: usize) -> (u8, usize) {
    let b = bytes[i];
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match b {
        0..=0x7F => (ASCII_PIECE[usize::from(b)], 1),
        // U+0085, no-break space
        0xC2 if matches!(next(1), 0x85 | 0xA0) => (P_SPACE, 2),
        0xC0..=0xDF => (P_CHAR, 2),
        // Ogham space mark
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => (P_SPACE, 3),
        // En quad .. hair space, line and paragraph separators, narrow no-break
        // space, medium mathematical space
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => {
            (P_SPACE, 3)
        }
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => (P_SPACE, 3),
        // ⌚..⏿ and ☀..➿
        0xE2 if matches!(next(1), 0x8C..=0x8F | 0x98..=0x9E) => (P_BREAK, 3),
        // Ideographic space, then 、 。
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => (P_SPACE, 3),
        0xE3 if next(1) == 0x80 && matches!(next(2), 0x81 | 0x82) => (P_BREAK, 3),
        0xE0..=0xEF => (P_CHAR, 3),
        // Emoji and other pictographs (U+1F000..U+1FFFF)
        0xF0 if next(1) == 0x9F => (P_BREAK, 4),
        _ => (P_CHAR, 4),
    }
}

/// The words and clause breaks of a lower-cased comment, in one pass over its bytes.
/// Words are split at white space and trimmed of what is neither a letter, a digit
/// nor an apostrophe; words that were nothing else are skipped.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (kind, len) = piece_kind(bytes, i);
            if kind == P_BREAK {
                i = (i + len).min(bytes.len());
                return Some(Piece::Break);
            }
            if kind == P_SPACE {
                i += len;
                continue;
            }
            let start = i;
            while i < bytes.len() {
                let (kind, len) = piece_kind(bytes, i);
                if kind != P_CHAR {
                    break;
                }
                i = (i + len).min(bytes.len());
            }
            let word = text[start..i].trim_matches(|c: char| !is_alnum(c) && c != '\'');
            if !word.is_empty() {
                return Some(Piece::Word(word));
            }
        }
        None
    })
}

/// Whether any clause opens the way a question does: the first word that is not an
/// opener (`hi`, `so`, `привет` ...) and the word after it, or Russian `ли` after it.
fn clauses_ask(text: &str) -> bool {
    // The clause's first word with its flags, then the word after it.
    let mut first: Option<(&str, u32)> = None;
    let mut second: Option<&str> = None;
    for piece in pieces(text) {
        match (piece, first, second) {
            (Piece::Word(w), None, _) => {
                let f = word_flags(w);
                if f & OPENER_F == 0 {
                    first = Some((w, f));
                }
            }
            (Piece::Word(w), Some((first, f)), None) => {
                second = Some(w);
                if w == "ли" || opens_question(first, w, f) {
                    return true;
                }
            }
            (Piece::Word(w), Some(_), Some(_)) => {
                if w == "ли" {
                    return true;
                }
            }
            (Piece::Break, _, _) => {
                if let (Some((first, f)), None) = (first, second)
                    && opens_question(first, "", f)
                {
                    return true;
                }
                first = None;
                second = None;
            }
        }
    }
    matches!((first, second), (Some((first, f)), None) if opens_question(first, "", f))
}

const EN_WH: &[&str] = &[
    "what", "what's", "whats", "where", "where's", "wheres", "when", "when's", "why", "who",
    "who's", "whom", "whose", "which", "how", "how's", "hows",
];
const EN_EXCLAIM: &[&str] = &[
    "a",
    "an",
    "beautiful",
    "lovely",
    "nice",
    "great",
    "cute",
    "pretty",
    "amazing",
    "gorgeous",
    "wonderful",
    "awesome",
    "cool",
    "fun",
    "brilliant",
    "fantastic",
    "perfect",
    "good",
    "sweet",
    "adorable",
    "stunning",
    "fabulous",
    "incredible",
    "elegant",
    "lucky",
    "cares",
    "funny",
];
const EN_SUBJECT: &[&str] = &[
    "i", "you", "u", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there",
    "the", "your", "ur", "my", "our", "his", "her", "their", "any", "anyone", "anybody", "someone",
    "somebody", "y'all", "ya", "i'm",
];
const EN_AUX: &[&str] = &[
    "can",
    "could",
    "would",
    "will",
    "should",
    "shall",
    "may",
    "might",
    "is",
    "are",
    "was",
    "were",
    "am",
    "does",
    "did",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "doesn't",
    "didn't",
    "can't",
    "cannot",
    "won't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "hasn't",
];
/// `do it now` is an order, `do you ship` a question.
const EN_DO_SUBJECT: &[&str] = &[
    "you", "u", "i", "we", "they", "these", "those", "the", "your", "ur", "any", "anyone", "y'all",
    "ya",
];
/// `have a nice day` is a wish, `have you tried` a question.
const EN_HAVE_SUBJECT: &[&str] = &["you", "u", "i", "we", "they", "anyone", "anybody", "y'all"];

const RU_WH: &[&str] = &[
    "кто",
    "что",
    "где",
    "куда",
    "откуда",
    "когда",
    "почему",
    "зачем",
    "сколько",
    "чей",
    "чья",
    "чье",
    "чьи",
    "как",
    "каков",
    "какова",
    "какой",
    "какая",
    "какое",
    "какие",
    "каким",
    "какую",
];
/// `как красиво`, `какой милый`: exclamations.
const RU_EXCLAIM: &[&str] = &[
    "красиво",
    "классно",
    "круто",
    "здорово",
    "мило",
    "прекрасно",
    "чудесно",
    "хорошо",
    "приятно",
    "замечательно",
    "великолепно",
    "шикарно",
    "нежно",
    "ярко",
    "жаль",
    "же",
    "красивый",
    "красивая",
    "красивое",
    "красивые",
    "милый",
    "милая",
    "милое",
    "классный",
    "классная",
    "прекрасный",
    "прекрасная",
    "чудесный",
    "хороший",
    "хорошая",
    "шикарный",
    "шикарная",
    "нежный",
    "нежная",
    "крутой",
    "крутая",
    "приятный",
    "прелесть",
    "красота",
];
/// `а есть ...`, `а можно ...`: a question in speech without a mark.
const RU_A_QUESTION: &[&str] = &[
    "есть",
    "можно",
    "будет",
    "будут",
    "когда",
    "где",
    "как",
    "сколько",
    "что",
    "кто",
    "почему",
    "у",
    "вы",
    "доставка",
    "скидка",
    "скидки",
    "цена",
    "размер",
    "это",
    "если",
];
const RU_ASK: &[&str] = &["можно", "подскажите", "подскажи", "подскажете", "скажите"];

const FI_WH: &[&str] = &[
    "mikä",
    "mitä",
    "missä",
    "mistä",
    "mihin",
    "milloin",
    "miksi",
    "kuka",
    "ketkä",
    "kenen",
    "kenelle",
    "keneltä",
    "miten",
    "millainen",
    "millaisia",
    "millä",
    "miltä",
    "minkä",
    "minkälainen",
    "montako",
    "paljonko",
    "kuinka",
    "kumpi",
    "mikäs",
    "mitäs",
    "missäs",
];
const FI_EXCLAIM: &[&str] = &[
    "ihana",
    "ihanaa",
    "ihania",
    "ihanan",
    "kaunis",
    "kaunista",
    "kauniita",
    "kauniin",
    "upea",
    "upeaa",
    "upeita",
    "upean",
    "hieno",
    "hienoa",
    "hienoja",
    "hienon",
    "söpö",
    "söpöä",
    "kiva",
    "kivaa",
    "kivan",
    "mahtava",
    "mahtavaa",
    "hyvä",
    "hyvää",
    "loistava",
    "loistavaa",
    "täydellinen",
];
const FI_COLLOQUIAL: &[&str] = &[
    "onks",
    "voiks",
    "saaks",
    "ooks",
    "tuleeks",
    "meneeks",
    "pitääks",
    "tarviiks",
    "löytyyks",
    "toimiiks",
    "käyks",
    "onkse",
    "oisko",
    "olisko",
    "voisko",
    "saisko",
];
/// Finnish words that end in `-ko` without being questions.
const FI_NOT_CLITIC: &[&str] = &[
    "pelko", "halko", "selko", "lanko", "ruoko", "kauko", "jalko", "valko", "helko", "silko",
    "hauko", "tokko", "lasko",
];

/// Words that open a clause without carrying it: greetings, fillers, mentions.
const OPENERS: &[&str] = &[
    "hi",
    "hey",
    "hello",
    "ok",
    "okay",
    "so",
    "and",
    "but",
    "also",
    "btw",
    "um",
    "hmm",
    "oh",
    "wow",
    "guys",
    "pls",
    "please",
    "привет",
    "здравствуйте",
    "ну",
    "moi",
    "hei",
    "terve",
];

const EN_WH_F: u32 = 1;
const EN_EXCLAIM_F: u32 = 1 << 1;
const EN_SUBJECT_F: u32 = 1 << 2;
const EN_AUX_F: u32 = 1 << 3;
const EN_DO_SUBJECT_F: u32 = 1 << 4;
const EN_HAVE_SUBJECT_F: u32 = 1 << 5;
const RU_WH_F: u32 = 1 << 6;
const RU_EXCLAIM_F: u32 = 1 << 7;
const RU_A_QUESTION_F: u32 = 1 << 8;
const RU_ASK_F: u32 = 1 << 9;
const FI_WH_F: u32 = 1 << 10;
const FI_EXCLAIM_F: u32 = 1 << 11;
const FI_COLLOQUIAL_F: u32 = 1 << 12;
const FI_NOT_CLITIC_F: u32 = 1 << 13;
const OPENER_F: u32 = 1 << 14;

/// What each listed word is, looked up once per word instead of list by list.
fn word_flags(word: &str) -> u32 {
    static TABLE: OnceLock<HashMap<&'static str, u32, BuildHasherDefault<WordHasher>>> =
        OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u32); 15] = [
            (EN_WH, EN_WH_F),
            (EN_EXCLAIM, EN_EXCLAIM_F),
            (EN_SUBJECT, EN_SUBJECT_F),
            (EN_AUX, EN_AUX_F),
            (EN_DO_SUBJECT, EN_DO_SUBJECT_F),
            (EN_HAVE_SUBJECT, EN_HAVE_SUBJECT_F),
            (RU_WH, RU_WH_F),
            (RU_EXCLAIM, RU_EXCLAIM_F),
            (RU_A_QUESTION, RU_A_QUESTION_F),
            (RU_ASK, RU_ASK_F),
            (FI_WH, FI_WH_F),
            (FI_EXCLAIM, FI_EXCLAIM_F),
            (FI_COLLOQUIAL, FI_COLLOQUIAL_F),
            (FI_NOT_CLITIC, FI_NOT_CLITIC_F),
            (OPENERS, OPENER_F),
        ];
        let mut table = HashMap::default();
        for (list, flag) in lists {
            for &w in list {
                *table.entry(w).or_insert(0) |= flag;
            }
        }
        table
    });
    if word.len() > 40 {
        return 0;
    }
    table.get(word).copied().unwrap_or(0)
}

/// Whether a clause that starts with `first` (flags `f`), then `second` (or nothing),
/// asks something.
fn opens_question(first: &str, second: &str, f: u32) -> bool {
    let s = word_flags(second);
    english(first, second, f, s) || russian(first, second, f, s) || finnish(first, f, s)
}

fn english(first: &str, second: &str, f: u32, s: u32) -> bool {
    if f & EN_WH_F != 0 {
        let exclaim = matches!(first, "what" | "how" | "who") && s & EN_EXCLAIM_F != 0;
        return !exclaim;
    }
    if f & EN_AUX_F != 0 && s & EN_SUBJECT_F != 0 {
        return true;
    }
    match first {
        "do" | "don't" => s & EN_DO_SUBJECT_F != 0,
        "have" | "haven't" => s & EN_HAVE_SUBJECT_F != 0,
        "has" => matches!(
            second,
            "anyone" | "anybody" | "it" | "the" | "he" | "she" | "this"
        ),
        "had" => matches!(second, "you" | "u" | "anyone"),
        "any" | "anyone" | "anybody" => !second.is_empty(),
        _ => false,
    }
}

fn russian(first: &str, second: &str, f: u32, s: u32) -> bool {
    if f & RU_WH_F != 0 {
        return s & RU_EXCLAIM_F == 0;
    }
    match first {
        "а" => s & RU_A_QUESTION_F != 0,
        "не" => matches!(second, "подскажете" | "подскажите"),
        _ => {
            (f & RU_ASK_F != 0 && !second.is_empty())
                || matches!(first, "подскажите" | "подскажете")
        }
    }
}

fn finnish(first: &str, f: u32, s: u32) -> bool {
    if f & FI_WH_F != 0 {
        let exclaim =
            matches!(first, "mikä" | "mitä" | "kuinka" | "miten") && s & FI_EXCLAIM_F != 0;
        return !exclaim;
    }
    if f & FI_COLLOQUIAL_F != 0 {
        return true;
    }
    f & FI_NOT_CLITIC_F == 0 && is_ko_clitic(first)
}

/// `onko`, `voiko`, `toimitetaanko`, `onkohan`: the question clitic on the first word
/// (`pakko`, `kukko` end in `-kko` and are not questions).
fn is_ko_clitic(word: &str) -> bool {
    if word.len() < 4
        || !(word.ends_with('o')
            || word.ends_with('ö')
            || word.ends_with('s')
            || word.ends_with('n'))
    {
        return false;
    }
    let stem = ["kohan", "köhän", "kos", "kös", "ko", "kö"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix));
    match stem {
        Some(stem) => stem
            .chars()
            .next_back()
            .is_some_and(|c| is_letter(c) && c != 'k'),
        None => false,
    }
}

/// Question words of Chinese (folded to Simplified), Japanese and Korean.
const DENSE_WH: &[&str] = &[
    "什么",
    "怎么",
    "为什么",
    "为何",
    "哪里",
    "哪儿",
    "哪个",
    "哪些",
    "哪家",
    "哪款",
    "哪一",
    "哪种",
    "哪位",
    "多少",
    "如何",
    "几点",
    "几号",
    "几个",
    "几天",
    "几月",
    "几岁",
    "几折",
    "几块",
    "几次",
    "几种",
    "几色",
    "几位",
    "多久",
    "多大",
    "多长",
    "谁",
    "是否",
    "啥",
    "咋",
    "请问",
    "いくら",
    "どこ",
    "なぜ",
    "なんで",
    "どうやって",
    "どうすれば",
    "どれ",
    "どんな",
    "何色",
    "何時",
    "何個",
    "何円",
    "なに",
    "いつ",
    "얼마",
    "어디",
    "언제",
    "어떻게",
    "누구",
    "무슨",
    "몇",
    "뭐",
];

fn dense_wh() -> Option<&'static DFA> {
    static AC: OnceLock<Option<DFA>> = OnceLock::new();
    AC.get_or_init(|| dfa(DENSE_WH).ok()).as_ref()
}

/// Question words and A-not-A forms in the normalised text, where Chinese, Japanese
/// and Korean runs are glued across spaces and punctuation.
fn dense_is_question(skel: &str) -> bool {
    if let Some(ac) = dense_wh() {
        let mut asks = false;
        for_each_match(ac, skel.as_bytes(), |pattern, start, end| {
            let wh = DENSE_WH[pattern];
            let before = skel[..start].chars().next_back();
            let after = &skel[end..];
            let rhetorical = match wh {
                // 没什么 (nothing), 什么都 (everything)
                "什么" => before == Some('没') || after.starts_with(['都', '也']),
                // 怎么这么好看 (how pretty!), 怎么可能 (no way)
                "怎么" => ["这么", "那么", "可能", "会这么"]
                    .iter()
                    .any(|x| after.starts_with(x)),
                // 多多少少 (more or less)
                "多少" => before == Some('多') || after.starts_with('少'),
                // いつも (always)
                "いつ" => after.starts_with('も'),
                _ => false,
            };
            asks = !rhetorical;
            if asks {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        if asks {
            return true;
        }
    }
    // A-not-A: 是不是, 可不可以, 有没有: the same character either side of 不 or 没.
    static NOT: OnceLock<[memmem::Finder<'static>; 2]> = OnceLock::new();
    let finders = NOT.get_or_init(|| [memmem::Finder::new("不"), memmem::Finder::new("没")]);
    finders.iter().any(|finder| {
        finder.find_iter(skel.as_bytes()).any(|at| {
            let before = skel[..at].chars().next_back();
            let after = skel[at + finder.needle().len()..].chars().next();
            before == after && before.is_some_and(|c| !matches!(c, '不' | '没') && is_dense(c))
        })
    })
}

/// A quick hasher for the short words of [`word_flags`]: eight bytes at a time.
#[derive(Clone, Copy, Debug, Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(23) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        let mut v = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            v |= u64::from(b) << (8 * i);
        }
        self.0 =
            (self.0.rotate_left(23) ^ v ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_u8(&mut self, _: u8) {
        // The end of a string: its length is already in.
    }
}

/// A hasher for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }

    /// Keys of 128 bits: their low 64.
    fn write_u128(&mut self, n: u128) {
        self.0 ^= n as u64;
    }
}

type PreHashedMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;
type PreHashedSet = HashSet<u64, BuildHasherDefault<PreHashed>>;

/// Filler words dropped from question keys: hashes of their normalised form.
fn stopwords() -> &'static PreHashedSet {
    static WORDS: OnceLock<PreHashedSet> = OnceLock::new();
    WORDS.get_or_init(|| {
        const PLAIN: &str = "a an the is are was were be been am do does did can could would \
            will should shall may might i you u we they he she it this that these those there \
            here to of for in on at by with from about please pls plz hi hello hey any anyone \
            anybody someone my your ur me us our their his her and or so just still also really \
            very if im s t ll re ve d m get got have has had \
            new actually exactly usually normally generally currently again now even ever yet \
            maybe possibly kindly roughly approximately \
            а и но или ли в во на у к с со по о об от до за из для вы вас вам ты тебя мне я мы \
            он она оно они это этот эта эти то же ну да нет бы не есть можно пожалуйста \
            подскажите скажите здравствуйте привет спасибо еще уже \
            вообще сейчас тоже также примерно обычно вот \
            on ja se ne että tai kun myös vielä nyt hei moi kiitos te sinä minä me he mä sä \
            teillä teille sinulla meillä onko onks kans yleensä suunnilleen muuten";
        let mut normalizer = Normalizer::default();
        let mut n = Normalized::default();
        PLAIN
            .split_whitespace()
            .filter_map(|w| {
                normalizer.run(w, false, &mut n);
                let w = n.skel.trim();
                (!w.is_empty()).then(|| hash_str(w))
            })
            .collect()
    })
}

/// Chinese and Japanese fillers inside a glued run (folded to Simplified): polite
/// openers, and adverbs that name nothing (`大概`, `到底`, `现在`).
const DENSE_FILLER_WORDS: &[&str] = &[
    "请问",
    "你们",
    "您们",
    "一下",
    "想问",
    "想知道",
    "我想",
    "大概",
    "一般",
    "通常",
    "到底",
    "究竟",
    "现在",
    "目前",
    "です",
    "ます",
    "でしょう",
];

/// Ways of asking the same thing, folded to one (Simplified): `怎么算` and `多少钱`
/// ask `多少`; `使用` is `用`; `寄到` is `寄`.
const DENSE_SAME: &[(&str, &str)] = &[
    ("怎么算", "多少"),
    ("多少钱", "多少"),
    ("怎么收", "多少"),
    ("如何", "怎么"),
    ("怎样", "怎么"),
    ("使用", "用"),
    ("寄到", "寄"),
    ("送到", "寄"),
];
/// Chinese, Japanese and Korean particles and pronouns dropped from question keys.
fn is_dense_filler(c: char) -> bool {
    matches!(
        c,
        '的' | '是'
            | '可'
            | '以'
            | '能'
            | '还'
            | '也'
            | '都'
            | '就'
            | '再'
            | '又'
            | '呢'
            | '吗'
            | '啊'
            | '呀'
            | '吧'
            | '了'
            | '喔'
            | '哦'
            | '嘛'
            | '哈'
            | '耶'
            | '欸'
            | '诶'
            | '阿'
            | '我'
            | '你'
            | '您'
            | '们'
            | '请'
            | 'は'
            | 'が'
            | 'を'
            | 'に'
            | 'で'
            | 'の'
            | 'か'
            | 'ね'
            | 'よ'
            | 'な'
            | 'も'
            | 'と'
            | 'へ'
            | '요'
    )
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

/// One byte more into an FNV-1a hash.
#[inline]
fn fnv(hash: u64, b: u8) -> u64 {
    (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
}

fn hash_str(s: &str) -> u64 {
    s.bytes().fold(FNV_OFFSET, fnv)
}

/// The content of a question as a set of word hashes, in the order they first appear:
/// filler words dropped, words stemmed crudely (English endings, then five letters),
/// Chinese characters one by one with A-not-A (是不是) reduced to its verb.
#[inline(never)]
pub(crate) fn question_key(n: &Normalized, key: &mut Vec<u64>) {
    key.clear();
    let mut seen = KeySet::default();
    let stop = stopwords();
    let skel = n.skel.as_str();
    let bytes = skel.as_bytes();
    let mut at = 0;
    // `skel` is words each followed by one space: no memchr call per short word.
    while at < bytes.len() {
        if bytes[at] == b' ' {
            at += 1;
            continue;
        }
        let start = at;
        if bytes[start] >= 0x80 && skel[start..].chars().next().is_some_and(is_dense) {
            at = dense_key(skel, start, &mut seen, key);
            continue;
        }
        // Find the word's end and hash it in the same pass.
        let mut hash = FNV_OFFSET;
        while let Some(&b) = bytes.get(at)
            && b != b' '
        {
            hash = fnv(hash, b);
            at += 1;
        }
        let token = &skel[start..at];
        // Filler words are short; long words need no look-up. A single letter in a
        // Chinese, Japanese or Korean question names something (`A醇`, `B5`, size `M`),
        // never the English article; `c`, `o`, `y` are filler only as the Russian
        // prepositions `с`, `о`, `у` (read as Latin look-alikes), else `vitamin C`.
        if token.len() <= 24 && stop.contains(&hash) {
            let names_a_thing = token.len() == 1
                && (n.has_dense
                    || (matches!(token, "c" | "o" | "y")
                        && !n.lowered.bytes().any(|b| matches!(b, 0xD0 | 0xD1))));
            if !names_a_thing {
                continue;
            }
        }
        let stemmed = stem(token);
        // A stem is the start of its word: the same length is the same text.
        if stemmed.len() != token.len() {
            hash = hash_str(stemmed);
        }
        seen.push(hash, key);
    }
}

/// The characters of the glued Chinese/Japanese/Korean run at byte `start` of `skel`,
/// less fillers, into `key`; returns where the run ends.
fn dense_key(skel: &str, start: usize, seen: &mut KeySet, key: &mut Vec<u64>) -> usize {
    let mut rest = &skel[start..];
    let mut prev: Option<char> = None;
    'chars: loop {
        let mut chars = rest.chars();
        let c = match chars.next() {
            Some(' ') | None => break,
            Some(c) => c,
        };
        if matches!(
            c,
            '请' | '你'
                | '您'
                | '一'
                | '想'
                | '我'
                | '大'
                | '通'
                | '到'
                | '究'
                | '现'
                | '目'
                | 'で'
                | 'ま'
        ) {
            for w in DENSE_FILLER_WORDS {
                if let Some(r) = rest.strip_prefix(w) {
                    rest = r;
                    continue 'chars;
                }
            }
        }
        if matches!(c, '怎' | '多' | '如' | '使' | '寄' | '送') {
            for (from, to) in DENSE_SAME {
                if let Some(r) = rest.strip_prefix(from) {
                    rest = r;
                    prev = to.chars().next_back();
                    for t in to.chars() {
                        seen.push(u64::from(t) | 1 << 63, key);
                    }
                    continue 'chars;
                }
            }
        }
        rest = chars.as_str();
        // X不X / X没X: keep X once.
        if matches!(c, '不' | '没')
            && let Some(x) = prev
            && let Some(r) = rest.strip_prefix(x)
        {
            rest = r;
            continue;
        }
        prev = Some(c);
        if is_dense_filler(c) {
            continue;
        }
        // A character is its own hash, tagged apart from word hashes.
        seen.push(u64::from(c) | 1 << 63, key);
    }
    skel.len() - rest.len()
}

/// Which hashes a question key already has: a 64-bit filter in front of a look
/// through the key, so a key stays a set without sorting it.
#[derive(Default)]
struct KeySet(u64);

impl KeySet {
    #[inline]
    fn push(&mut self, k: u64, key: &mut Vec<u64>) {
        let bit = 1u64 << (mix(k) & 63);
        if self.0 & bit != 0 && key.contains(&k) {
            return;
        }
        self.0 |= bit;
        key.push(k);
    }
}

/// [`stem`] for an ASCII word, where characters are bytes.
fn ascii_stem(word: &str) -> &str {
    let mut w = word;
    if w.len() >= 5 {
        for suffix in ["ing", "ed", "es"] {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s;
                break;
            }
        }
    }
    if w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") {
        w = &w[..w.len() - 1];
    }
    &w[..w.len().min(5)]
}

fn stem(word: &str) -> &str {
    // Most words: no characters to count.
    if word.is_ascii() {
        return ascii_stem(word);
    }
    let mut w = word;
    // Characters, counted once: the endings taken off are ASCII.
    let mut chars = w.chars().count();
    if chars >= 5 {
        for suffix in ["ing", "ed", "es"] {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s;
                chars -= suffix.len();
                break;
            }
        }
    }
    if chars >= 4 && w.ends_with('s') && !w.ends_with("ss") {
        w = &w[..w.len() - 1];
        chars -= 1;
    }
    if chars <= 5 {
        return w;
    }
    match w.char_indices().nth(5) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

/// Questions seen so far, to link repeats to the first asking.
#[derive(Debug, Default)]
pub(crate) struct QuestionIndex {
    /// Ids of the questions asked first, which keys point at.
    roots: Vec<String>,
    exact: PreHashedMap<u32>,
}

/// Forget old questions past this many keys, so a long show stays bounded.
const MAX_KEYS: usize = 100_000;

/// Mixes one word hash into a set hash.
#[inline]
fn mix(k: u64) -> u64 {
    let k = (k ^ (k >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    k ^ (k >> 29)
}

/// An order-free hash of the key's words.
fn hash_key(key: &[u64]) -> u64 {
    key.iter().fold(0u64, |h, &k| h.wrapping_add(mix(k)))
}

impl QuestionIndex {
    /// Returns the id of the first question `key` repeats, and remembers `key` as asked
    /// (under that first question, or under `id` when it is new).
    ///
    /// Only the same words match. Forgiving one word more or less (as this once did
    /// for questions of four words or more) merged a question naming a thing into a
    /// general one: the word more is most often the thing (`A醇`, `30ml`, `澎湖`).
    #[inline(never)]
    pub(crate) fn link(&mut self, id: &str, key: &[u64]) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        let whole = hash_key(key);
        let mut found = self.exact.get(&whole).copied();
        if self.exact.len() > MAX_KEYS {
            self.exact.clear();
            self.roots.clear();
            found = None;
        }
        let root = match found {
            Some(root) => root,
            None => {
                self.roots.push(id.to_owned());
                u32::try_from(self.roots.len() - 1).unwrap_or(u32::MAX)
            }
        };
        self.exact.entry(whole).or_insert(root);
        found.and_then(|root| self.roots.get(root as usize).cloned())
    }
}

/// Near-duplicate questions outside the filter: the filter's normalisation, question key
/// and index, for texts the filter never sees (a plan's pre-collected questions).
#[derive(Debug, Default)]
pub struct SameQuestion {
    normalizer: Normalizer,
    norm: Normalized,
    key: Vec<u64>,
    index: QuestionIndex,
}

impl SameQuestion {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers `text` as asked under `id` and returns the id of the first question it
    /// repeats, by the rules of the filter's `duplicate_of`.
    pub fn link(&mut self, id: &str, text: &str) -> Option<String> {
        self.normalizer.run(text, false, &mut self.norm);
        question_key(&self.norm, &mut self.key);
        self.index.link(id, &self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> bool {
        let mut n = Normalized::default();
        Normalizer::default().run(s, false, &mut n);
        is_question(&n)
    }

    #[test]
    fn pieces_are_words_and_clause_breaks() {
        use Piece::{Break, Word};
        let parts: Vec<Piece> = pieces("hi, where? 好。是 😍 ok ☀x|y \"it's\" --").collect();
        assert_eq!(
            parts,
            [
                Word("hi"),
                Break,
                Word("where"),
                Word("好"),
                Break,
                Word("是"),
                Break,
                Word("ok"),
                Break,
                Word("x"),
                Break,
                Word("y"),
                Word("it's"),
            ]
        );
        assert_eq!(pieces("").count(), 0);
        assert_eq!(pieces("a.").collect::<Vec<_>>(), [Word("a"), Break]);
        assert_eq!(
            pieces("«можно»\u{3000}ли\u{a0}¿qué?").collect::<Vec<_>>(),
            [Word("можно"), Word("ли"), Word("qué")]
        );
    }

    #[test]
    fn piece_spaces_are_the_unicode_white_space() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (kind, len) = piece_kind(bytes, 0);
            assert_eq!(len, bytes.len(), "{c:?}");
            if kind != P_BREAK {
                assert_eq!(kind == P_SPACE, c.is_whitespace(), "{c:?}");
            }
        }
    }

    #[test]
    fn questions_in_every_language() {
        for s in [
            "請問今天有折扣碼嗎",
            "这个要怎么用",
            "可不可以寄到澳門",
            "你們是不是有實體店",
            "有沒有藍色",
            "哪裡可以買到",
            "為什麼我的訂單還沒到",
            "運費多少",
            "那粉色的呢",
            "how do I use the code",
            "can I pay with paypal",
            "Is this vegan",
            "do you ship to Japan",
            "hi @amy, where is the link",
            "any discount today",
            "Сколько стоит",
            "А есть доставка в Казахстан",
            "есть ли скидка",
            "Подскажите размер",
            "как заказать",
            "Toimitetaanko Suomeen",
            "Onko alennuskoodia",
            "Mistä voi ostaa",
            "onks tätä muita värejä",
            "送料はいくらですか",
            "これは何色ですか",
            "배송 얼마예요",
            "한국에도 배송되나요",
            "closer look please?",
        ] {
            assert!(q(s), "{s:?} should be a question");
        }
    }

    #[test]
    fn statements_and_exclamations_are_not() {
        for s in [
            "what a beautiful color",
            "how cute!",
            "love it!",
            "greetings from Helsinki",
            "好好看喔",
            "已下單！",
            "主持人好可愛 哈哈",
            "沒什麼問題",
            "什麼都好看",
            "怎麼這麼好看",
            "Ihana väri",
            "Mikä ihana väri",
            "Pakko saada",
            "Супер, спасибо",
            "Как красиво",
            "do it now",
            "have a nice day",
            "THIS IS THE BEST LIVE EVER",
            "😍😍😍",
            "???",
            "いつも見てます",
            "the fa key on my guitar",
        ] {
            assert!(!q(s), "{s:?} should not be a question");
        }
    }

    fn key(s: &str) -> Vec<u64> {
        let mut n = Normalized::default();
        Normalizer::default().run(s, false, &mut n);
        let mut k = Vec::new();
        question_key(&n, &mut k);
        k
    }

    fn same(a: &str, b: &str) -> bool {
        let mut index = QuestionIndex::default();
        assert_eq!(index.link("a", &key(a)), None);
        index.link("b", &key(b)) == Some("a".to_owned())
    }

    #[test]
    fn repeats_link_across_wording_and_script() {
        assert!(same("運費怎麼算", "請問運費是怎麼算的呢"));
        assert!(same("运费怎么算？", "運費 怎麼算"));
        assert!(same("你們是不是有實體店", "你们有没有实体店"));
        assert!(same("How do I use the code?", "how to use the code"));
        assert!(same("does it ship to Japan?", "Does it ship to japan??"));
        assert!(same("when will it ship", "when is it shipping"));
        assert!(same(
            "Есть доставка в Казахстан?",
            "а доставка в Казахстан есть"
        ));
        assert!(same(
            "which shades does the new vitamin serum come in",
            "which shades does the vitamin serum come in"
        ));
        assert!(same("孕婦可以用嗎？", "孕婦可以使用嗎？"));
        assert!(same("運費多少", "運費怎麼算"));
    }

    #[test]
    fn different_questions_stay_apart() {
        assert!(!same("does it ship to Japan?", "does it ship to Korea?"));
        assert!(!same("什麼時候補貨", "什麼時候出貨"));
        assert!(!same("可以寄到澳門嗎", "可以寄到澳洲嗎"));
        assert!(!same("when does it ship", "where does it ship"));
        assert!(!same("有粉色嗎", "有粉紅色嗎"));
        assert!(!same("does it ship", "does it ship to japan"));
        assert!(!same("敏感肌可以用A醇嗎", "請問敏感肌可以用嗎"));
        assert!(!same("請問敏感肌可以用嗎", "敏感肌可以用A醇嗎"));
        assert!(!same("寄澎湖運費多少", "運費怎麼算"));
        assert!(!same(
            "which shades does the vitamin C serum come in",
            "which shades does the vitamin serum come in"
        ));
    }

    #[test]
    fn duplicates_point_at_the_first_asking() {
        let mut index = QuestionIndex::default();
        assert_eq!(index.link("c1", &key("運費怎麼算")), None);
        assert_eq!(index.link("c2", &key("运费怎么算呢")), Some("c1".into()));
        assert_eq!(
            index.link("c3", &key("請問運費是怎麼算的")),
            Some("c1".into())
        );
        assert_eq!(index.link("c4", &key("什麼時候出貨")), None);
    }

    #[test]
    fn same_question_links_texts_the_filter_never_saw() {
        let mut same = SameQuestion::new();
        assert_eq!(same.link("p1", "運費怎麼算？外島可以寄嗎？"), None);
        assert_eq!(
            same.link("c1", "运费怎么算 外岛可以寄吗"),
            Some("p1".into())
        );
        assert_eq!(same.link("c2", "有沒有旅行用的小容量"), None);
    }
}
