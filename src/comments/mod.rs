//! Live comments and the filter's verdict on each.
//!
//! These are the public contracts of `livecue classify` (see ARCHITECTURE.md): one
//! [`Comment`] per input line, one [`Verdict`] per output line. [`Filter`] makes the
//! verdicts; [`normalize`] is the text normalisation every matcher shares;
//! [`sanitize_for_display`] makes a comment safe to draw.

mod display;
mod filter;
mod forms;
mod lexicon;
mod lists;
mod masked;
mod matcher;
mod normalize;
mod question;
mod spam;
mod zh;

use serde::{Deserialize, Serialize};

pub use display::{DISPLAY_MAX_CHARS, sanitize_for_display};
pub use filter::{Filter, FilterError};
pub use lists::{parse_word_list, read_word_list};
pub use matcher::WordMatcher;
pub use normalize::normalize;
pub(crate) use normalize::{is_alnum, is_dense};
pub use question::SameQuestion;
pub use spam::{
    CAPS_MIN_LETTERS, CAPS_MIN_PERCENT, EMOJI_FLOOD_MIN, FLOOD_MAX, FLOOD_WINDOW_MS,
    REPEAT_WINDOW_MS,
};
pub(crate) use zh::ZhFold;

/// One live comment, as every source delivers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The platform's id, unique per broadcast.
    pub id: String,
    /// The commenter's handle (empty when the platform withholds it).
    #[serde(default)]
    pub user: String,
    /// The comment text, untrusted.
    pub text: String,
    /// When the platform says it was posted.
    pub ts: chrono::DateTime<chrono::Utc>,
    /// Where it came from (`instagram`, `facebook`, `replay`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

/// Why a comment is hidden; serialised in snake case (`spam_link`, `hidden_word`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Contains one of the plan's hidden words.
    HiddenWord,
    /// Contains an offensive word from the built-in lists.
    Offensive,
    /// Contains a link.
    SpamLink,
    /// The same user repeated a similar message.
    SpamRepeat,
    /// The user is posting too fast.
    SpamFlood,
    /// Contains a known spam phrase.
    SpamPhrase,
    /// Written in capitals.
    Caps,
    /// Only a flood of emoji.
    EmojiFlood,
    /// The user is blocked.
    BlockedUser,
}

impl Reason {
    /// Every reason, in report order.
    pub const ALL: [Reason; 9] = [
        Reason::HiddenWord,
        Reason::Offensive,
        Reason::SpamLink,
        Reason::SpamRepeat,
        Reason::SpamFlood,
        Reason::SpamPhrase,
        Reason::Caps,
        Reason::EmojiFlood,
        Reason::BlockedUser,
    ];

    /// The snake-case name used in verdicts and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::HiddenWord => "hidden_word",
            Reason::Offensive => "offensive",
            Reason::SpamLink => "spam_link",
            Reason::SpamRepeat => "spam_repeat",
            Reason::SpamFlood => "spam_flood",
            Reason::SpamPhrase => "spam_phrase",
            Reason::Caps => "caps",
            Reason::EmojiFlood => "emoji_flood",
            Reason::BlockedUser => "blocked_user",
        }
    }
}

/// The filter's decision on one comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The comment's id.
    pub id: String,
    /// False when any reason hides it.
    pub shown: bool,
    /// Why it is hidden; empty when shown.
    pub reasons: Vec<Reason>,
    /// A shown comment the host could answer.
    pub question: bool,
    /// The id of an earlier question this one asks again.
    pub duplicate_of: Option<String>,
    /// The hidden word, offensive word or spam phrase that hid the comment, as written
    /// in its list; absent when no word list matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

impl Verdict {
    /// A verdict that shows the comment and finds nothing in it.
    pub fn shown(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            shown: true,
            ..Self::default()
        }
    }
}
