//! The most frequent words and phrases of a show's comments, CJK-aware.
//!
//! Spaced scripts (Latin, Cyrillic, ...) split into words at anything that is not a
//! letter, digit, apostrophe or inner hyphen. Chinese runs are folded to Simplified
//! characters (the filter's table, one character for one, so positions carry back) and
//! cut into words by jieba; other unspaced runs (kana, Thai) count as one word each.
//! Words are counted lower-cased and folded, and shown as first written. Stop-words of
//! every language livecue ships (`assets/stopwords/`) are left out; a phrase is two or
//! three words in a row within one clause that neither starts nor ends with one.
//!
//! Each word and phrase counts once per comment (a comment saying 哈哈 five times is
//! one vote). Memory stays bounded on huge shows: past [`MAX_KEYS`] distinct entries,
//! those seen only once so far are dropped, so counts of very rare entries may be low.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::io::{BufReader, Read};
use std::sync::OnceLock;

use jieba_rs::Jieba;
use serde::Serialize;

use crate::comments::{ZhFold, is_alnum, is_dense};

/// The stop-word lists, by language (sources in `assets/README.md`).
const STOPWORDS: [&str; 4] = [
    include_str!("../../assets/stopwords/en.txt"),
    include_str!("../../assets/stopwords/fi.txt"),
    include_str!("../../assets/stopwords/ru.txt"),
    include_str!("../../assets/stopwords/zh.txt"),
];

/// jieba's dictionary, gzip-compressed (MIT, see `assets/jieba/LICENSE`).
const JIEBA_DICT_GZ: &[u8] = include_bytes!("../../assets/jieba/dict.txt.gz");

/// Distinct words or phrases kept before the rarest are dropped.
pub const MAX_KEYS: usize = 200_000;

/// A word or phrase and how many comments used it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    /// As first written.
    pub text: String,
    /// How many comments.
    pub count: usize,
}

/// The jieba segmenter with its dictionary, loaded on first use (about a third of a
/// second); `None` if the bundled dictionary is damaged.
fn jieba() -> Option<&'static Jieba> {
    static JIEBA: OnceLock<Option<Jieba>> = OnceLock::new();
    JIEBA
        .get_or_init(|| {
            let mut text = String::new();
            flate2::read::GzDecoder::new(JIEBA_DICT_GZ)
                .read_to_string(&mut text)
                .ok()?;
            Jieba::with_dict(&mut BufReader::new(text.as_bytes())).ok()
        })
        .as_ref()
}

fn stopwords() -> &'static HashSet<String, foldhash::fast::FixedState> {
    static SET: OnceLock<HashSet<String, foldhash::fast::FixedState>> = OnceLock::new();
    SET.get_or_init(|| {
        let fold = ZhFold::get();
        STOPWORDS
            .iter()
            .flat_map(|list| list.lines())
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(|w| {
                w.chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| fold.fold(c))
                    .collect()
            })
            .collect()
    })
}

/// Whether `word` (lower-cased, folded) is a stop-word of any shipped language.
pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// One word of a comment: where its counting key is in the key buffer and where the
/// word is in the text.
#[derive(Clone, Copy, Debug)]
struct Token {
    key: (usize, usize),
    start: usize,
    end: usize,
    /// Unspaced script: phrases glue such words without a space.
    dense: bool,
    /// A clause break (punctuation) comes before this word.
    break_before: bool,
}

type Fast = foldhash::fast::RandomState;

/// Splits a comment into words. Reuses its buffers from one comment to the next.
#[derive(Debug, Default)]
struct Tokenizer {
    tokens: Vec<Token>,
    /// Every token's key, one after the other.
    keys: String,
    folded: String,
    /// Byte offset in the original text of each char of `folded`, plus the end.
    offsets: Vec<usize>,
}

impl Tokenizer {
    fn key(&self, t: &Token) -> &str {
        &self.keys[t.key.0..t.key.1]
    }

    fn run(&mut self, text: &str) {
        self.tokens.clear();
        self.keys.clear();
        let mut word_start: Option<usize> = None;
        let mut dense_start: Option<usize> = None;
        let mut pending_break = false;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let dense = !c.is_ascii() && is_dense(c);
            let wordish = !dense
                && (is_alnum(c)
                    || ((c == '\'' || c == '’' || c == '-')
                        && word_start.is_some()
                        && iter.peek().is_some_and(|&(_, n)| is_alnum(n))));
            if !wordish && let Some(s) = word_start.take() {
                self.push_spaced(text, s, i, &mut pending_break);
            }
            if !dense && let Some(s) = dense_start.take() {
                self.push_dense(text, s, i, &mut pending_break);
            }
            if wordish {
                word_start.get_or_insert(i);
            } else if dense {
                dense_start.get_or_insert(i);
            } else if !c.is_whitespace() {
                pending_break = true;
            }
        }
        if let Some(s) = word_start {
            self.push_spaced(text, s, text.len(), &mut pending_break);
        }
        if let Some(s) = dense_start {
            self.push_dense(text, s, text.len(), &mut pending_break);
        }
    }

    fn push_spaced(&mut self, text: &str, start: usize, end: usize, pending_break: &mut bool) {
        let word = &text[start..end];
        let break_before = std::mem::take(pending_break);
        // Single letters and bare numbers say nothing about what the audience liked.
        if word.chars().nth(1).is_none() || word.chars().all(char::is_numeric) {
            *pending_break = true;
            return;
        }
        let key_start = self.keys.len();
        if word.is_ascii() {
            self.keys.push_str(word);
            self.keys[key_start..].make_ascii_lowercase();
        } else {
            for c in word.chars() {
                let c = if c == '’' { '\'' } else { c };
                self.keys.extend(c.to_lowercase());
            }
        }
        self.tokens.push(Token {
            key: (key_start, self.keys.len()),
            start,
            end,
            dense: false,
            break_before,
        });
    }

    fn push_dense(&mut self, text: &str, start: usize, end: usize, pending_break: &mut bool) {
        let run = &text[start..end];
        let mut break_before = std::mem::take(pending_break);
        let jieba = if run.chars().any(is_han) {
            jieba()
        } else {
            None
        };
        let Some(jieba) = jieba else {
            let key_start = self.keys.len();
            self.keys.push_str(run);
            self.tokens.push(Token {
                key: (key_start, self.keys.len()),
                start,
                end,
                dense: true,
                break_before,
            });
            return;
        };
        let fold = ZhFold::get();
        self.folded.clear();
        self.offsets.clear();
        for (i, c) in run.char_indices() {
            self.folded.push(fold.fold(c));
            self.offsets.push(start + i);
        }
        self.offsets.push(end);
        for token in jieba.cut(&self.folded, true) {
            let (Some(&s), Some(&e)) = (self.offsets.get(token.start), self.offsets.get(token.end))
            else {
                continue;
            };
            if token.end - token.start < 2 {
                // Single characters are mostly particles; they join nothing.
                break_before = true;
                continue;
            }
            let key_start = self.keys.len();
            self.keys.push_str(token.word);
            self.tokens.push(Token {
                key: (key_start, self.keys.len()),
                start: s,
                end: e,
                dense: true,
                break_before: std::mem::take(&mut break_before),
            });
        }
    }
}

#[derive(Debug)]
struct Entry {
    display: String,
    count: usize,
}

#[derive(Debug, Default)]
struct Counter {
    map: HashMap<String, Entry, Fast>,
}

impl Counter {
    fn add(&mut self, key: &str, display: &str) {
        if let Some(e) = self.map.get_mut(key) {
            e.count += 1;
            return;
        }
        if self.map.len() >= MAX_KEYS {
            self.map.retain(|_, e| e.count > 1);
            if self.map.len() >= MAX_KEYS / 2 {
                let keep = self.map.len() / 2;
                let mut counts: Vec<usize> = self.map.values().map(|e| e.count).collect();
                counts.sort_unstable_by(|a, b| b.cmp(a));
                let floor = counts.get(keep).copied().unwrap_or(0);
                self.map.retain(|_, e| e.count > floor);
            }
        }
        self.map.insert(
            key.to_owned(),
            Entry {
                display: display.to_owned(),
                count: 1,
            },
        );
    }

    fn top(&self, n: usize, min_count: usize) -> Vec<Count> {
        let mut all: Vec<(&String, &Entry)> = self
            .map
            .iter()
            .filter(|(_, e)| e.count >= min_count)
            .collect();
        all.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
        all.into_iter()
            .take(n)
            .map(|(_, e)| Count {
                text: e.display.clone(),
                count: e.count,
            })
            .collect()
    }
}

/// Counts words and phrases over comments, one comment at a time.
#[derive(Debug, Default)]
pub struct WordCounter {
    tokenizer: Tokenizer,
    words: Counter,
    phrases: Counter,
    /// Hashes of the words and phrases of the current comment counted so far.
    seen: Vec<u64>,
    hash: Fast,
    stop: Vec<bool>,
    phrase: String,
    display: String,
    comments: usize,
}

impl WordCounter {
    fn first_time(&mut self, key: &str) -> bool {
        let h = self.hash.hash_one(key);
        if self.seen.contains(&h) {
            return false;
        }
        self.seen.push(h);
        true
    }

    /// Counts the words and phrases of one comment.
    pub fn add(&mut self, text: &str) {
        self.comments += 1;
        let mut tokenizer = std::mem::take(&mut self.tokenizer);
        tokenizer.run(text);
        self.seen.clear();
        let tokens = &tokenizer.tokens;
        let mut stop = std::mem::take(&mut self.stop);
        stop.clear();
        stop.extend(tokens.iter().map(|t| is_stopword(tokenizer.key(t))));
        for (t, &stop) in tokens.iter().zip(&stop) {
            let key = tokenizer.key(t);
            if !stop && self.first_time(key) {
                self.words.add(key, &text[t.start..t.end]);
            }
        }
        for n in 2..=3 {
            for (i, window) in tokens.windows(n).enumerate() {
                if window[1..].iter().any(|t| t.break_before) || stop[i] || stop[i + n - 1] {
                    continue;
                }
                let mut phrase = std::mem::take(&mut self.phrase);
                let mut display = std::mem::take(&mut self.display);
                phrase.clear();
                display.clear();
                for (j, t) in window.iter().enumerate() {
                    if j > 0 && !(t.dense && window[j - 1].dense) {
                        phrase.push(' ');
                        display.push(' ');
                    }
                    phrase.push_str(tokenizer.key(t));
                    display.push_str(&text[t.start..t.end]);
                }
                if self.first_time(&phrase) {
                    self.phrases.add(&phrase, &display);
                }
                self.phrase = phrase;
                self.display = display;
            }
        }
        self.tokenizer = tokenizer;
        self.stop = stop;
    }

    /// How many comments were counted.
    pub fn comments(&self) -> usize {
        self.comments
    }

    /// The `n` most frequent words, most frequent first (ties alphabetically).
    pub fn top_words(&self, n: usize) -> Vec<Count> {
        self.words.top(n, 1)
    }

    /// The `n` most frequent phrases used in at least two comments.
    pub fn top_phrases(&self, n: usize) -> Vec<Count> {
        self.phrases.top(n, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut t = Tokenizer::default();
        t.run(text);
        t.tokens
            .iter()
            .map(|t| text[t.start..t.end].to_owned())
            .collect()
    }

    #[test]
    fn splits_spaced_and_unspaced_scripts() {
        assert_eq!(
            words("Love this serum! Don't stop, first-time buyer 2026"),
            [
                "Love",
                "this",
                "serum",
                "Don't",
                "stop",
                "first-time",
                "buyer"
            ]
        );
        assert_eq!(words("Спасибо за эфир"), ["Спасибо", "за", "эфир"]);
        // Traditional characters cut as their Simplified forms, shown as written.
        assert!(words("請問運費怎麼算").contains(&"運費".to_owned()));
        let zh = words("這款精華液適合敏感肌嗎");
        assert!(
            zh.contains(&"精華".to_owned()) || zh.contains(&"精華液".to_owned()),
            "{zh:?}"
        );
        assert!(zh.contains(&"適合".to_owned()), "{zh:?}");
    }

    #[test]
    fn counts_once_per_comment_without_stopwords() {
        let mut c = WordCounter::default();
        c.add("運費 運費 運費 怎麼算");
        c.add("運费多少");
        c.add("the serum great, the serum!");
        c.add("Serum great");
        let top = c.top_words(10);
        let count = |w: &str| top.iter().find(|x| x.text == w).map(|x| x.count);
        assert_eq!(count("運費"), Some(2));
        assert_eq!(count("serum"), Some(2));
        assert_eq!(count("great"), Some(2));
        assert_eq!(count("the"), None);
        let phrases = c.top_phrases(10);
        assert_eq!(
            phrases,
            vec![Count {
                text: "serum great".into(),
                count: 2
            }],
            "the comma breaks `great, the serum`"
        );
        assert_eq!(c.comments(), 4);
    }
}
