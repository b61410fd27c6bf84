//! The comment filter: one [`Filter`] per broadcast, fed every comment in order.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault};
use std::path::PathBuf;

use super::lexicon::{Hits, Lexicon, LexiconBuilder, ListKind};
use super::normalize::{Normalized, Normalizer};
use super::question::{PreHashed, QuestionIndex, is_question, question_key};
use super::spam::{self, UserWindow};
use super::{Comment, Reason, Verdict, lists};
use crate::plan::{FilterSettings, bare_handle};

/// Why a filter could not be built.
#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    /// A word list file could not be read.
    #[error("cannot read word list {}: {source}", path.display())]
    WordList {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A built-in list compiled into livecue is damaged (a build problem).
    #[error("built-in word list `{name}` is damaged: {message}")]
    BuiltinList {
        /// Which list.
        name: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The word lists are too large to compile.
    #[error("cannot compile the word lists: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// How often (in comments) users who went quiet may be forgotten ...
const PRUNE_EVERY: u64 = 4096;

/// ... once more than this many users are remembered (a table of up to 16,384 slots
/// of at most 600 bytes: about 10 MB). A quiet user's window changes no verdict
/// (comments come in order), so below this they are kept: a user who comes back finds
/// their window in place instead of a new one to fill, which most comments of a busy
/// live would otherwise need.
const PRUNE_ABOVE: usize = 8_192;

/// At most this many users are remembered at once (65,536 slots: about 40 MB); past
/// that, those who went quiet are forgotten at once, and if that is not enough, all of
/// them. A real live never gets there; a synthetic replay might.
const MAX_USERS: usize = 32_768;

/// The comment filter. Stateful: repeats, floods and duplicate questions are judged
/// against the comments classified before, using each comment's own `ts`, so the same
/// comments in the same order always get the same verdicts.
#[derive(Debug)]
pub struct Filter {
    hide_links: bool,
    hide_repeats: bool,
    hide_all_caps: bool,
    hide_emoji_floods: bool,
    lexicon: Lexicon,
    blocked: HashSet<String>,
    highlighted: HashSet<String>,
    /// Keyed by a 128-bit hash of the handle: no handle to store, copy or compare, and
    /// two handles that collide (about one chance in 10^27 for a million users) would
    /// share a window. Seeded, so viewers cannot choose handles that collide.
    users: HashMap<u128, UserWindow, BuildHasherDefault<PreHashed>>,
    user_hash: [foldhash::quality::RandomState; 2],
    questions: QuestionIndex,
    classified: u64,
    // Buffers reused from one comment to the next.
    normalizer: Normalizer,
    norm: Normalized,
    alt: Normalized,
    hits: Hits,
    key: Vec<u64>,
    squeezed: Vec<u8>,
}

fn handle_key(user: &str) -> Cow<'_, str> {
    // Most handles are already bare: lower-case letters, digits, `_` and `.`.
    if user
        .bytes()
        .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.'))
    {
        return Cow::Borrowed(user);
    }
    let bare = bare_handle(user);
    if bare.is_ascii() {
        if bare.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(bare.to_ascii_lowercase())
        } else {
            Cow::Borrowed(bare)
        }
    } else if bare.chars().any(char::is_uppercase) {
        Cow::Owned(bare.to_lowercase())
    } else {
        Cow::Borrowed(bare)
    }
}

impl Filter {
    /// A filter with the plan's settings: its hidden words, spam phrases and users,
    /// plus the built-in offensive lists (when `hide_offensive`) and spam phrases.
    pub fn new(settings: &FilterSettings) -> Result<Filter, FilterError> {
        Self::with_hidden_words(settings, std::iter::empty::<&str>())
    }

    /// Like [`Filter::new`], with more hidden words on top of the settings' own (for
    /// example from `--hidden-words FILE`, see [`super::read_word_list`]).
    pub fn with_hidden_words<I, S>(
        settings: &FilterSettings,
        extra: I,
    ) -> Result<Filter, FilterError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut builder = LexiconBuilder::default();
        for word in &settings.hidden_words {
            builder.add(ListKind::Hidden, word, false);
        }
        for word in extra {
            builder.add(ListKind::Hidden, word.as_ref(), false);
        }
        if settings.hide_offensive {
            for entry in lists::offensive_words()? {
                builder.add_shaped(ListKind::Offensive, &entry.word, &entry.shape);
            }
        }
        for phrase in lists::spam_phrases().iter().chain(&settings.spam_phrases) {
            builder.add(ListKind::SpamPhrase, phrase, false);
        }
        let handles = |users: &[String]| -> HashSet<String> {
            users
                .iter()
                .map(|u| handle_key(u).into_owned())
                .filter(|u| !u.is_empty())
                .collect()
        };
        Ok(Filter {
            hide_links: settings.hide_links,
            hide_repeats: settings.hide_repeats,
            hide_all_caps: settings.hide_all_caps,
            hide_emoji_floods: settings.hide_emoji_floods,
            lexicon: builder.build()?,
            blocked: handles(&settings.blocked_users),
            highlighted: handles(&settings.highlighted_users),
            users: HashMap::default(),
            user_hash: Default::default(),
            questions: QuestionIndex::default(),
            classified: 0,
            normalizer: Normalizer::default(),
            norm: Normalized::default(),
            alt: Normalized::default(),
            hits: Hits::default(),
            key: Vec::new(),
            squeezed: Vec::new(),
        })
    }

    /// How many distinct words and phrases the filter looks for.
    pub fn word_count(&self) -> usize {
        self.lexicon.len()
    }

    /// Whether the plan asks for this user's comments to be highlighted.
    pub fn is_highlighted(&self, user: &str) -> bool {
        self.highlighted.contains(handle_key(user).as_ref())
    }

    /// Judges one comment. Call it for every comment, in the order they arrived.
    pub fn classify(&mut self, comment: &Comment) -> Verdict {
        self.classified += 1;
        let at_ms = comment.ts.timestamp_millis();
        let text = comment.text.as_str();
        self.lexicon.find_all(
            &mut self.normalizer,
            text,
            &mut self.norm,
            &mut self.alt,
            &mut self.hits,
        );

        let mut reasons = Vec::new();
        let mut matched = None;
        for (kind, reason) in [
            (ListKind::Hidden, Reason::HiddenWord),
            (ListKind::Offensive, Reason::Offensive),
        ] {
            if self.hits.found(kind) {
                reasons.push(reason);
                if matched.is_none() {
                    matched = self.lexicon.matched(&self.hits, kind);
                }
            }
        }
        if self.hide_links
            && (spam::has_link(&self.norm.lowered)
                || (!text.is_ascii() && spam::has_reversed_link(text)))
        {
            reasons.push(Reason::SpamLink);
        }
        let user = handle_key(&comment.user);
        if self.hide_repeats && !user.is_empty() {
            let said = spam::repeat_text(&self.norm.skel, &self.norm.lowered, &mut self.squeezed);
            let [a, b] = &self.user_hash;
            let key =
                u128::from(a.hash_one(user.as_ref())) << 64 | u128::from(b.hash_one(user.as_ref()));
            let window = self.users.entry(key).or_default();
            let (repeat, flood) = window.record(at_ms, said);
            if repeat {
                reasons.push(Reason::SpamRepeat);
            }
            if flood {
                reasons.push(Reason::SpamFlood);
            }
        }
        if self.hits.found(ListKind::SpamPhrase) {
            reasons.push(Reason::SpamPhrase);
            if matched.is_none() {
                matched = self.lexicon.matched(&self.hits, ListKind::SpamPhrase);
            }
        }
        if self.hide_all_caps && spam::is_all_caps(text) {
            reasons.push(Reason::Caps);
        }
        if self.hide_emoji_floods && spam::is_emoji_flood(text) {
            reasons.push(Reason::EmojiFlood);
        }
        if !user.is_empty() && self.blocked.contains(user.as_ref()) {
            reasons.push(Reason::BlockedUser);
        }

        let shown = reasons.is_empty();
        let question = shown && is_question(&self.norm);
        let duplicate_of = if question {
            question_key(&self.norm, &mut self.key);
            self.questions.link(&comment.id, &self.key)
        } else {
            None
        };
        let matched = matched.map(str::to_owned);
        if (self.classified.is_multiple_of(PRUNE_EVERY) && self.users.len() > PRUNE_ABOVE)
            || self.users.len() > MAX_USERS
        {
            self.users
                .retain(|_, w| at_ms.abs_diff(w.last_ms) <= spam::REPEAT_WINDOW_MS.unsigned_abs());
            if self.users.len() > MAX_USERS {
                self.users.clear();
            }
        }
        Verdict {
            id: comment.id.clone(),
            shown,
            reasons,
            question,
            duplicate_of,
            matched,
        }
    }
}
