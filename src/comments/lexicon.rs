//! Word lists — hidden words, offensive words, spam phrases — compiled into one
//! Aho-Corasick automaton over the normalised text, so thousands of words cost one
//! pass over each comment.
//!
//! A word is normalised exactly like a comment (see [`super::normalize`]). Latin,
//! Cyrillic and other spaced words keep a space on each side, so they only match whole
//! words (`scam` does not match `scampi`); an entry ending in `*` keeps only the
//! leading space and matches the start of a word. Chinese, Japanese, Korean and Thai
//! words lose the space and match anywhere.
//!
//! Some entries match more than their letters, confirmed by a rule run only on what
//! the automaton found ([`Shape`], rules in [`super::forms`]): Russian obscene roots
//! inside a word behind a prefix, Finnish stems with their endings, words that insult
//! only when aimed at a person, and everyday phrases that cancel an offensive entry
//! they contain (`靠北邊走` is not `靠北`). Words with a symbol standing for a letter
//! (`f*ck`, `бл@дь`) are looked up apart, in the rare comments that have them
//! ([`super::masked`]).

use std::collections::HashSet;

use std::ops::ControlFlow;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};

use super::forms;
use super::masked::{MaskIndex, MaskWord};
use super::normalize::{Normalized, Normalizer, is_dense};

/// Which list an entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ListKind {
    /// The plan's hidden words (or `--hidden-words`).
    Hidden = 0,
    /// The built-in offensive lists.
    Offensive = 1,
    /// Built-in and plan spam phrases.
    SpamPhrase = 2,
}

/// How an entry matches, beyond its letters being found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// A whole word (Latin, Cyrillic ...) or a substring (Chinese, Japanese, Korean,
    /// Thai), as listed.
    Word,
    /// The start of a word (`word*` in a list).
    Prefix,
    /// A Russian obscene root: inside a word, behind nothing or one prefix
    /// ([`forms::ru_prefix_ok`]). Written as it is matched (lower case, `е` for `ё`).
    RuRoot,
    /// A Finnish word in any of its case forms, with clitics ([`forms::fi_stems`],
    /// [`forms::fi_ending`]).
    Finnish,
    /// Offensive only when aimed at a person ([`forms::aimed_at_person`]): a name or an
    /// ordinary word otherwise (`Dick`, `cock-a-doodle`, `тупой нож`).
    Aimed,
    /// An everyday phrase that contains an offensive entry: an offensive match it
    /// overlaps does not count (`靠北邊走`, `三小時`).
    Except,
}

/// What confirms a match of an entry's pattern (see [`Shape`]).
#[derive(Debug, PartialEq, Eq)]
enum Rule {
    Plain,
    RuRoot,
    /// The Finnish stem as written, doubled letters doubled.
    FiStem(Box<str>),
    Aimed,
    Except,
}

#[derive(Debug)]
struct Entry {
    kind: ListKind,
    /// As written in its list, for the verdict.
    word: String,
    /// Repeat count of each character of the pattern: 1, 2, or 3 for "three or more".
    runs: Box<[u8]>,
    rule: Rule,
}

/// The first entry of each list found in a comment.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hits {
    /// Per [`ListKind`]: (start, end in the normalised text, entry index).
    first: [Option<(usize, usize, usize)>; 3],
    /// Per [`ListKind`]: an entry matched on the raw text (symbols and emoji).
    raw: [Option<usize>; 3],
    /// Per [`ListKind`]: an entry matched by a word with a symbol for a letter.
    masked: [Option<usize>; 3],
    /// Offensive matches held until the pass is over, when everyday phrases that
    /// overlap them are known (the automaton reports those later: they end later).
    held: Vec<(usize, usize, usize)>,
    /// Where everyday phrases ([`Shape::Except`]) matched in this pass.
    except: Vec<(usize, usize)>,
    /// Buffer for a word's letters.
    word: String,
}

impl Hits {
    pub(crate) fn clear(&mut self) {
        self.first = Default::default();
        self.raw = Default::default();
        self.masked = Default::default();
        self.held.clear();
        self.except.clear();
    }

    /// Whether an entry of `kind` was found.
    pub(crate) fn found(&self, kind: ListKind) -> bool {
        let k = kind as usize;
        self.first[k].is_some() || self.raw[k].is_some() || self.masked[k].is_some()
    }

    /// Notes a match of a word with a symbol for a letter, unless one was noted.
    pub(crate) fn note_masked(&mut self, kind: ListKind, entry: usize) {
        self.masked[kind as usize].get_or_insert(entry);
    }

    /// Keeps the earliest match, and the longest of those starting there (`блядь`
    /// rather than the prefix `бляд*`).
    fn note(&mut self, kind: ListKind, start: usize, end: usize, entry: usize) {
        let slot = &mut self.first[kind as usize];
        if slot.is_none_or(|(s, e, _)| start < s || (start == s && end > e)) {
            *slot = Some((start, end, entry));
        }
    }
}

/// Compiled word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    dfa: Option<DFA>,
    entries: Vec<Entry>,
    /// Entries with no letters at all (`🖕`), matched on the comment as written: a
    /// few substring searches, or an automaton when there are many.
    raw: Option<AhoCorasick>,
    raw_finders: Vec<memchr::memmem::Finder<'static>>,
    raw_entries: Vec<(ListKind, String)>,
    /// Single words of the Latin, Cyrillic ... lists, for words with a symbol for a
    /// letter.
    masks: MaskIndex,
    /// Whether any entry is an everyday phrase ([`Shape::Except`]).
    has_except: bool,
}

/// Collects entries, then compiles them.
#[derive(Debug, Default)]
pub(crate) struct LexiconBuilder {
    patterns: Vec<String>,
    entries: Vec<Entry>,
    seen: HashSet<(ListKind, String, Box<[u8]>, u8)>,
    raw_entries: Vec<(ListKind, String)>,
    masks: MaskIndex,
    normalizer: Normalizer,
    scratch: Normalized,
}

impl LexiconBuilder {
    /// Adds one entry. `prefix` matches any word starting with it. Returns false when
    /// the entry is empty once normalised.
    pub(crate) fn add(&mut self, kind: ListKind, word: &str, prefix: bool) -> bool {
        let shape = if prefix { Shape::Prefix } else { Shape::Word };
        self.add_shaped(kind, word, &shape)
    }

    /// Adds one entry of the given shape. Returns false when it is empty once
    /// normalised.
    pub(crate) fn add_shaped(&mut self, kind: ListKind, word: &str, shape: &Shape) -> bool {
        let word = word.trim();
        if word.is_empty() {
            return false;
        }
        match shape {
            Shape::RuRoot => {
                // Written as matched: normalising a root alone could read it as Latin
                // (`хуе` is all look-alikes), which the words around it never are.
                let root = word.to_lowercase().replace('ё', "е");
                let runs = vec![1; root.chars().count()].into_boxed_slice();
                if let Some(entry) = self.push(kind, word, root.clone(), runs, Rule::RuRoot) {
                    self.masks.add_root(&root, entry);
                }
                return true;
            }
            Shape::Finnish => {
                let mut any = false;
                for stem in forms::fi_stems(&word.to_lowercase()) {
                    let rule = Rule::FiStem(stem.as_str().into());
                    any |= self.add_pattern(kind, word, &stem, true, rule);
                }
                return any;
            }
            _ => {}
        }
        let rule = match shape {
            Shape::Aimed => Rule::Aimed,
            Shape::Except => Rule::Except,
            _ => Rule::Plain,
        };
        self.add_pattern(kind, word, word, *shape == Shape::Prefix, rule)
    }

    /// Adds a pattern; returns its entry's index, or `None` when the same pattern of
    /// the same list and rule is there already.
    fn push(
        &mut self,
        kind: ListKind,
        word: &str,
        pattern: String,
        runs: Box<[u8]>,
        rule: Rule,
    ) -> Option<usize> {
        let tag = match &rule {
            Rule::Plain => 0,
            Rule::RuRoot => 1,
            Rule::FiStem(_) => 2,
            Rule::Aimed => 3,
            Rule::Except => 4,
        };
        if !self.seen.insert((kind, pattern.clone(), runs.clone(), tag)) {
            return None;
        }
        self.patterns.push(pattern);
        self.entries.push(Entry {
            kind,
            word: word.to_owned(),
            runs,
            rule,
        });
        Some(self.entries.len() - 1)
    }

    /// Adds `text` normalised as the pattern of `word`, matched whole or (`prefix`) at
    /// the start of a word, confirmed by `rule`.
    fn add_pattern(
        &mut self,
        kind: ListKind,
        word: &str,
        text: &str,
        prefix: bool,
        rule: Rule,
    ) -> bool {
        self.normalizer.run(text, false, &mut self.scratch);
        let skel = &self.scratch.skel;
        if skel.trim().is_empty() {
            let raw = word.to_owned();
            if !self
                .raw_entries
                .iter()
                .any(|(k, w)| *k == kind && *w == raw)
            {
                self.raw_entries.push((kind, raw));
            }
            return true;
        }
        let first = skel[1..].chars().next().unwrap_or(' ');
        let last = skel[..skel.len() - 1].chars().next_back().unwrap_or(' ');
        let start = if is_dense_or_mark(first) { 1 } else { 0 };
        let end = if prefix || is_dense_or_mark(last) {
            skel.len() - 1
        } else {
            skel.len()
        };
        let pattern = skel[start..end].to_owned();
        let mut from = 0;
        let runs: Box<[u8]> = pattern
            .char_indices()
            .map(|(i, _)| self.scratch.run_at(start + i, &mut from).min(3))
            .collect();
        // Single spaced words of the hidden and offensive lists can also be found
        // with a symbol for a letter.
        let single = start == 0 && !pattern.trim().contains(' ');
        let maskable = single && kind != ListKind::SpamPhrase && rule == Rule::Plain;
        let letters: Vec<char> = if maskable {
            pattern
                .trim()
                .chars()
                .zip(runs.iter().skip(1))
                .flat_map(|(c, &r)| std::iter::repeat_n(c, usize::from(r)))
                .collect()
        } else {
            Vec::new()
        };
        if let Some(entry) = self.push(kind, word, pattern, runs, rule)
            && maskable
        {
            self.masks.add_word(MaskWord {
                letters: letters.into_boxed_slice(),
                prefix,
                entry,
            });
        }
        true
    }

    /// Compiles the automaton.
    pub(crate) fn build(self) -> Result<Lexicon, aho_corasick::BuildError> {
        let dfa = if self.patterns.is_empty() {
            None
        } else {
            // A DFA costs memory (16 MB for the benchmark's 5,000 hidden words, whose
            // look-ups then miss the CPU caches) and build time once, and is still the
            // fastest to search, comment after comment: a contiguous NFA (0.5 MB)
            // ran no faster on the benchmark and took 13% more instructions.
            Some(dfa(&self.patterns)?)
        };
        let raw_finders = if self.raw_entries.len() <= RAW_FINDERS_MAX {
            self.raw_entries
                .iter()
                .map(|(_, w)| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let raw = if self.raw_entries.len() <= RAW_FINDERS_MAX {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(self.raw_entries.iter().map(|(_, w)| w))?,
            )
        };
        let has_except = self.entries.iter().any(|e| e.rule == Rule::Except);
        Ok(Lexicon {
            dfa,
            entries: self.entries,
            raw,
            raw_finders,
            raw_entries: self.raw_entries,
            masks: self.masks,
            has_except,
        })
    }
}

/// An Aho-Corasick DFA over `patterns`, reporting every match (overlapping ones too),
/// searched with [`for_each_match`].
pub(crate) fn dfa<I, P>(patterns: I) -> Result<DFA, aho_corasick::BuildError>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    // No prefilter: `for_each_match` runs the automaton over every byte, and start
    // states must not be special.
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(patterns)
}

/// Calls `found(pattern, start, end)` for every match of `dfa` in `hay`, overlapping
/// ones included, in the order `AhoCorasick::find_overlapping_iter` reports them: by
/// end, then in the automaton's order for the same end. Stops when `found` breaks.
///
/// The automaton runs byte by byte in a loop the compiler can keep tight, instead of
/// through the iterator's resumable state.
#[inline]
pub(crate) fn for_each_match(
    dfa: &DFA,
    hay: &[u8],
    mut found: impl FnMut(usize, usize, usize) -> ControlFlow<()>,
) {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return;
    };
    let mut report = |sid, end: usize| {
        for i in 0..dfa.match_len(sid) {
            let pattern = dfa.match_pattern(sid, i);
            let start = end - dfa.pattern_len(pattern);
            if found(pattern.as_usize(), start, end).is_break() {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    };
    if dfa.is_match(sid) && report(sid, 0).is_break() {
        return;
    }
    for (at, &b) in hay.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return;
            }
            if dfa.is_match(sid) && report(sid, at + 1).is_break() {
                return;
            }
        }
    }
}

/// Whether a match of `entry` at `start..end` of the normalised text is its word,
/// by the entry's rule. `word` is a buffer.
fn confirm(entry: &Entry, n: &Normalized, start: usize, end: usize, word: &mut String) -> bool {
    let skel = n.skel.as_str();
    match &entry.rule {
        Rule::Plain | Rule::Except => true,
        Rule::Aimed => forms::aimed_at_person(skel, start),
        Rule::RuRoot => {
            let word_start = skel[..start].rfind(' ').map_or(0, |i| i + 1);
            forms::ru_prefix_ok(&skel[word_start..start], &skel[start..end])
        }
        Rule::FiStem(stem) => {
            // The whole word, doubled letters doubled, is the stem and an ending.
            let from = start + 1;
            let to = skel[from..].find(' ').map_or(skel.len(), |i| from + i);
            let mut at = n.repeats.partition_point(|&(pos, _)| (pos as usize) < from);
            forms::expand_runs(
                skel[from..to]
                    .char_indices()
                    .map(|(i, c)| (c, n.run_at(from + i, &mut at))),
                word,
            );
            word.strip_prefix(&**stem).is_some_and(forms::fi_ending)
        }
    }
}

/// Up to this many letterless entries are searched one by one.
const RAW_FINDERS_MAX: usize = 8;

/// Whether a normalised character belongs to a run glued without spaces. A combining
/// mark at the edge belongs to the character before it, so it counts too.
fn is_dense_or_mark(c: char) -> bool {
    is_dense(c) || unicode_normalization::char::is_combining_mark(c)
}

/// Whether a letter repeated `text` times in the comment matches one repeated
/// `pattern` times in the list: `fake` matches `faaaake` but `god` does not match
/// `good`, and `ass` does not match `as`.
#[inline]
fn run_matches(pattern: u8, text: u8) -> bool {
    match pattern {
        1 => text == 1 || text >= 3,
        2 => text >= 2,
        _ => text >= 3,
    }
}

impl Lexicon {
    /// How many distinct entries the automaton holds.
    pub(crate) fn len(&self) -> usize {
        self.entries.len() + self.raw_entries.len()
    }

    /// Finds entries in a normalised comment.
    pub(crate) fn find(&self, n: &Normalized, hits: &mut Hits) {
        let Some(dfa) = &self.dfa else { return };
        let skel = n.skel.as_str();
        hits.held.clear();
        hits.except.clear();
        for_each_match(dfa, skel.as_bytes(), |index, start, end| {
            let Some(entry) = self.entries.get(index) else {
                return ControlFlow::Continue(());
            };
            if entry.rule == Rule::Except {
                hits.except.push((start, end));
                return ControlFlow::Continue(());
            }
            if let Some((s, e, _)) = hits.first[entry.kind as usize]
                && (s < start || (s == start && e >= end))
            {
                return ControlFlow::Continue(());
            }
            // A Finnish stem's letters are checked with its ending, below.
            let runs_ok = matches!(entry.rule, Rule::FiStem(_))
                || if n.repeats.is_empty() {
                    // Every letter of the text appeared once: only patterns whose
                    // letters all appear once match (a run of 1 in the pattern also
                    // accepts 3+).
                    entry.runs.iter().all(|&rp| rp == 1)
                } else {
                    let mut from = n
                        .repeats
                        .partition_point(|&(pos, _)| (pos as usize) < start);
                    skel[start..end]
                        .char_indices()
                        .zip(entry.runs.iter())
                        .all(|((i, _), &rp)| run_matches(rp, n.run_at(start + i, &mut from)))
                };
            if !runs_ok || !confirm(entry, n, start, end, &mut hits.word) {
                return ControlFlow::Continue(());
            }
            if self.has_except && entry.kind == ListKind::Offensive {
                hits.held.push((start, end, index));
            } else {
                hits.note(entry.kind, start, end, index);
            }
            ControlFlow::Continue(())
        });
        let mut held = std::mem::take(&mut hits.held);
        for &(start, end, index) in &held {
            let everyday = hits.except.iter().any(|&(s, e)| s < end && start < e);
            if !everyday {
                hits.note(ListKind::Offensive, start, end, index);
            }
        }
        held.clear();
        hits.held = held;
    }

    /// Finds words with a symbol standing for a letter (`f*ck`, `sh!t`, `бл@дь`) in the
    /// comment's lower-cased text, for the lists not found already.
    pub(crate) fn find_masked(&self, n: &Normalized, hits: &mut Hits) {
        if !n.maybe_masked || (hits.found(ListKind::Hidden) && hits.found(ListKind::Offensive)) {
            return;
        }
        self.masks.find(&n.lowered, |entry| {
            if let Some(e) = self.entries.get(entry) {
                hits.note_masked(e.kind, entry);
            }
        });
    }

    /// Runs every search on `text`: the normalised text, its second reading when it
    /// has one (`alt`), letterless entries, and words with a symbol for a letter.
    pub(crate) fn find_all(
        &self,
        normalizer: &mut Normalizer,
        text: &str,
        norm: &mut Normalized,
        alt: &mut Normalized,
        hits: &mut Hits,
    ) {
        hits.clear();
        normalizer.run(text, false, norm);
        self.find(norm, hits);
        if norm.ambiguous {
            normalizer.run(text, true, alt);
            self.find(alt, hits);
        }
        self.find_raw(text, hits);
        self.find_masked(norm, hits);
    }

    /// Finds letterless entries (emoji, symbols) in the comment as written.
    pub(crate) fn find_raw(&self, text: &str, hits: &mut Hits) {
        for (index, finder) in self.raw_finders.iter().enumerate() {
            if finder.find(text.as_bytes()).is_some()
                && let Some((kind, _)) = self.raw_entries.get(index)
            {
                let slot = &mut hits.raw[*kind as usize];
                if slot.is_none() {
                    *slot = Some(index);
                }
            }
        }
        let Some(raw) = &self.raw else { return };
        for m in raw.find_overlapping_iter(text) {
            let index = m.pattern().as_usize();
            if let Some((kind, _)) = self.raw_entries.get(index) {
                let slot = &mut hits.raw[*kind as usize];
                if slot.is_none() {
                    *slot = Some(index);
                }
            }
        }
    }

    /// The entry of `kind` that matched first, as written in its list.
    pub(crate) fn matched(&self, hits: &Hits, kind: ListKind) -> Option<&str> {
        if let Some((_, _, index)) = hits.first[kind as usize] {
            return self.entries.get(index).map(|e| e.word.as_str());
        }
        if let Some(index) = hits.masked[kind as usize] {
            return self.entries.get(index).map(|e| e.word.as_str());
        }
        hits.raw[kind as usize]
            .and_then(|index| self.raw_entries.get(index))
            .map(|(_, w)| w.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(words: &[&str]) -> Lexicon {
        let mut b = LexiconBuilder::default();
        for w in words {
            let prefix = w.ends_with('*');
            assert!(b.add(ListKind::Hidden, w.trim_end_matches('*'), prefix));
        }
        b.build().unwrap()
    }

    fn hit<'a>(lex: &'a Lexicon, text: &str) -> Option<&'a str> {
        let mut t = Normalizer::default();
        let mut n = Normalized::default();
        let mut hits = Hits::default();
        t.run(text, false, &mut n);
        lex.find(&n, &mut hits);
        if n.ambiguous {
            t.run(text, true, &mut n);
            lex.find(&n, &mut hits);
        }
        lex.find_raw(text, &mut hits);
        lex.matched(&hits, ListKind::Hidden)
    }

    #[test]
    fn latin_words_match_whole_words_through_evasions() {
        let lex = lexicon(&["scam"]);
        for s in [
            "scam",
            "SCAM!!",
            "s c a m",
            "s.c.a.m",
            "ѕсаm",
            "sc4m",
            "it is a scaaaam",
            "$cam",
        ] {
            assert_eq!(hit(&lex, s), Some("scam"), "{s:?}");
        }
        for s in ["scampi", "is cam working?", "scan", "ascam", "sсаmpi"] {
            assert_eq!(hit(&lex, s), None, "{s:?}");
        }
    }

    #[test]
    fn repeats_do_not_make_new_words() {
        let lex = lexicon(&["god", "ass", "loser"]);
        assert_eq!(hit(&lex, "good"), None);
        assert_eq!(hit(&lex, "as"), None);
        assert_eq!(hit(&lex, "goooood"), Some("god"));
        assert_eq!(hit(&lex, "asssss"), Some("ass"));
        assert_eq!(hit(&lex, "l0ser"), Some("loser"));
        assert_eq!(hit(&lex, "1oser"), Some("loser"));
        assert_eq!(hit(&lex, "closer"), None);
    }

    #[test]
    fn cjk_words_match_as_substrings_in_either_script() {
        let lex = lexicon(&["假貨", "垃圾"]);
        for s in [
            "這是假貨吧",
            "根本假 貨",
            "假\u{200B}貨",
            "假货",
            "假-貨",
            "垃 圾 直 播",
            "垃圾桶",
        ] {
            assert!(hit(&lex, s).is_some(), "{s:?}");
        }
        assert_eq!(hit(&lex, "假 fake 貨"), None);
        let simplified = lexicon(&["假货"]);
        assert_eq!(hit(&simplified, "假貨"), Some("假货"));
    }

    #[test]
    fn phrases_prefixes_and_symbols() {
        let lex = lexicon(&["follow for follow", "пизд*", "🖕", "加line"]);
        assert!(hit(&lex, "Follow   for FOLLOW 🙏").is_some());
        assert!(hit(&lex, "follow for more").is_none());
        assert!(hit(&lex, "ПИЗДец").is_some());
        assert!(hit(&lex, "спизд").is_none());
        assert!(hit(&lex, "ok 🖕").is_some());
        assert!(hit(&lex, "快加LINE喔").is_some());
    }

    #[test]
    fn cyrillic_words_match_whole_words() {
        let lex = lexicon(&["тупой"]);
        assert!(hit(&lex, "ты тупой").is_some());
        assert!(hit(&lex, "ТУПОЙ").is_some());
        assert!(hit(&lex, "тупoй").is_some());
        assert!(hit(&lex, "тупик на дороге").is_none());
    }
}
