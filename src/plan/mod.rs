//! The show plan a producer writes before the broadcast: segments, cues, questions,
//! guests, products, media, the pre-live checklist and comment-filter settings.
//!
//! Plans are RON files. [`load`] reads one, [`validate`] checks what the types cannot,
//! and every problem comes back as a [`Diagnostic`] that names file, line and column.

mod diagnostic;
mod dur;
mod import;
mod load;
mod locate;
mod problem;
mod replies;
mod validate;

pub mod templates;

use serde::{Deserialize, Serialize};

pub use diagnostic::{Diagnostic, Severity};
pub use dur::{Dur, DurError, clock_text};
pub use import::{IdMaker, has_comments, import_questions};
pub use load::{PlanError, hash, load, parse, save, to_ron};
pub use problem::Problem;
#[cfg(test)]
pub(crate) use problem::{KINDS, examples as problem_examples, kind_number};
pub use replies::{REPLY_PLACEHOLDERS, ReplyTextProblem, SavedReply, reply_text_problem};
pub use validate::validate;

/// A whole show plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Shown at the top of the rundown and in reports.
    pub title: String,
    /// What the live is for.
    pub goal: Goal,
    /// The host's own handle, so comments that mention the host can be highlighted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// When the broadcast is meant to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_start: Option<ScheduledStart>,
    /// The running-time window the plan should fall inside (default 55–75 minutes).
    #[serde(default)]
    pub target: Target,
    /// The running order.
    pub segments: Vec<Segment>,
    /// Questions collected before the show (question sticker, DMs, comments).
    #[serde(default)]
    pub questions: Vec<PlannedQuestion>,
    /// Timed cues for the host and co-hosts.
    #[serde(default)]
    pub cues: Vec<Cue>,
    /// People who may be invited into the live.
    #[serde(default)]
    pub guests: Vec<Guest>,
    /// Products that may be shown or offered.
    #[serde(default)]
    pub products: Vec<Product>,
    /// Pictures and videos to share during the live.
    #[serde(default)]
    pub media: Vec<Media>,
    /// The pre-live checklist; defaults to Instagram's Live guidance.
    #[serde(default = "default_checklist")]
    pub checklist: Vec<String>,
    /// How live comments are filtered.
    #[serde(default)]
    pub filter: FilterSettings,
    /// The pre-flight speed test: which server, and the upload the live needs.
    #[serde(default, skip_serializing_if = "PreflightSettings::is_default")]
    pub preflight: PreflightSettings,
    /// Words and phrases that put a comment on the report's follow-up list (complaints,
    /// order problems), on top of the built-in ones; matched like hidden words, and
    /// `word*` matches the start of a word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followup_words: Vec<String>,
    /// The comment source to connect by default: `"instagram"`, `"facebook"` (the Page's
    /// live), `"facebook:LIVE_VIDEO_ID"` or `"replay:FILE[@SPEED]"` (a replay file
    /// relative to the plan). Tokens never go here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The Instagram professional account's user id, for the `instagram` source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ig_user_id: Option<String>,
    /// The Facebook Page's id, for the `facebook` source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fb_page_id: Option<String>,
    /// Private replies the producer can send a commenter from the feed
    /// (`[(id: "shipping", text: "Hi {user}, …")]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub saved_replies: Vec<SavedReply>,
}

/// The aim of the live, with a sentence the team agrees on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Engagement, sales, credibility or something else.
    pub kind: GoalKind,
    /// One sentence: what success looks like.
    #[serde(default)]
    pub summary: String,
}

/// The kind of goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoalKind {
    /// Grow the audience and conversation.
    Engagement,
    /// Sell products.
    Sales,
    /// Build trust and expertise.
    Credibility,
    /// Anything else, named.
    Custom(String),
}

/// When the broadcast is scheduled, in the producer's time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledStart {
    /// Calendar date, `"2026-11-28"`.
    pub date: chrono::NaiveDate,
    /// Local time, `"20:00"`.
    pub time: LocalTime,
    /// IANA time zone name, `"Asia/Taipei"`.
    pub time_zone: String,
}

impl ScheduledStart {
    /// The scheduled start as a UTC instant, or `None` when the zone is unknown or the
    /// local time does not exist (a daylight-saving gap).
    pub fn to_utc(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let tz: chrono_tz::Tz = self.time_zone.parse().ok()?;
        let local = self.date.and_time(self.time.0);
        local
            .and_local_timezone(tz)
            .earliest()
            .map(|t| t.with_timezone(&chrono::Utc))
    }
}

/// A wall-clock time of day written `"20:00"` or `"20:00:30"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime(pub chrono::NaiveTime);

impl Serialize for LocalTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%H:%M:%S"))
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        chrono::NaiveTime::parse_from_str(&text, "%H:%M:%S")
            .or_else(|_| chrono::NaiveTime::parse_from_str(&text, "%H:%M"))
            .map(LocalTime)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "invalid time of day {text:?}: write it like \"20:00\""
                ))
            })
    }
}

/// The running-time window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Shortest acceptable running time.
    pub min: Dur,
    /// Longest acceptable running time.
    pub max: Dur,
}

impl Default for Target {
    fn default() -> Self {
        Self {
            min: Dur::from_mins(55),
            max: Dur::from_mins(75),
        }
    }
}

/// One block of the running order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Short name that cues refer to (`"guest"`); optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the host sees at the top of the screen.
    pub title: String,
    /// What kind of segment this is.
    pub kind: SegmentKind,
    /// Planned length.
    pub duration: Dur,
    /// Bullet points for the host.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talking_points: Vec<String>,
    /// Notes for the producer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Time left at which the timer turns amber (default: a quarter of the segment, at most 2 minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<Dur>,
    /// Time left at which the timer turns red (default: a tenth of the segment, at most 30 seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub danger: Option<Dur>,
    /// What happens at zero.
    #[serde(default)]
    pub end_action: EndAction,
    /// The guest this segment features (a handle from `guests`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guest: Option<String>,
    /// The product this segment features (an id from `products`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
}

impl Segment {
    /// Time left at which the phase becomes warning.
    pub fn warning_at(&self) -> Dur {
        self.warning
            .unwrap_or_else(|| Dur::from_secs((self.duration.secs() / 4).min(120)))
    }

    /// Time left at which the phase becomes danger.
    pub fn danger_at(&self) -> Dur {
        self.danger
            .unwrap_or_else(|| Dur::from_secs((self.duration.secs() / 10).min(30)))
    }

    /// Whether reaching zero moves on by itself. A warm-up never does: the host starts
    /// when enough viewers have joined.
    pub fn advances_by_itself(&self) -> bool {
        self.end_action == EndAction::Next && self.kind != SegmentKind::WarmUp
    }
}

/// The kind of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentKind {
    /// Chatting while viewers join.
    WarmUp,
    /// Main content.
    Content,
    /// Answering questions.
    QAndA,
    /// A guest joins the live.
    Guest,
    /// A product is shown or sold.
    Product,
    /// Wrap-up and call to action.
    Closing,
}

impl SegmentKind {
    /// Short label for tables and the host screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::WarmUp => "warm-up",
            Self::Content => "content",
            Self::QAndA => "Q&A",
            Self::Guest => "guest",
            Self::Product => "product",
            Self::Closing => "closing",
        }
    }
}

/// What the timer does when a segment reaches zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndAction {
    /// Stay on the segment and count overtime until someone moves on.
    #[default]
    Hold,
    /// Move to the next segment by itself.
    Next,
}

/// A question collected before the show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedQuestion {
    /// Unique within the plan.
    pub id: String,
    /// Handle of whoever asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asker: Option<String>,
    /// The question as asked.
    pub text: String,
    /// Where it came from.
    #[serde(default)]
    pub source: QuestionSource,
    /// How soon to take it.
    #[serde(default)]
    pub priority: Priority,
    /// Free tags for sorting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The segment (its id) to take it in: it joins the queue when that segment starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
}

/// Where a pre-collected question came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionSource {
    /// Instagram's question sticker on a story.
    #[default]
    Sticker,
    /// A direct message.
    Dm,
    /// A comment on a post.
    Comment,
}

/// How soon a question should be taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    /// Take it early.
    High,
    /// Take it in order.
    #[default]
    Normal,
    /// Take it if there is time.
    Low,
}

/// A timed prompt for the host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// When it fires.
    pub at: CueTime,
    /// What the host should do.
    pub what: CueAction,
    /// Play a chime when it fires.
    #[serde(default = "yes")]
    pub sound: bool,
}

/// When a cue fires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CueTime {
    /// Show time since the show started: `Show("25:00")`.
    Show(Dur),
    /// Time into a segment, named by its id or title: `Segment("guest", "0:30")`.
    Segment(String, Dur),
}

/// What a cue asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CueAction {
    /// Invite a guest (a handle from `guests`) into the live.
    InviteGuest(String),
    /// Share a picture or video (an id from `media`).
    ShareMedia(String),
    /// Mention an offer (a product id from `products`).
    MentionOffer(String),
    /// A call to action, in the host's words.
    CallToAction(String),
    /// Anything else.
    Custom(String),
}

/// Someone who may join the live.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guest {
    /// Instagram handle, with or without `@`.
    pub handle: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// What to talk about with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
}

/// A product that may be shown or offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Short id that segments and cues refer to.
    pub id: String,
    /// Name as the host reads it out.
    pub name: String,
    /// Price as the host reads it out, currency included (`"NT$ 880"`).
    #[serde(default)]
    pub price: String,
    /// Where to buy it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Discount code for viewers of the live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<String>,
}

/// A picture or video to share during the live.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// Short id that cues refer to.
    pub id: String,
    /// File path, relative to the plan file.
    pub path: String,
    /// What to say when sharing it.
    #[serde(default)]
    pub caption: String,
}

/// How live comments are filtered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FilterSettings {
    /// Words and phrases to hide, like Instagram's Hidden Words.
    pub hidden_words: Vec<String>,
    /// Hide comments with offensive words (built-in lists).
    pub hide_offensive: bool,
    /// Hide comments carrying links.
    pub hide_links: bool,
    /// Hide a user's repeats of the same message within a minute, and a user's bursts
    /// (the sixth comment within ten seconds).
    pub hide_repeats: bool,
    /// Hide comments written in capitals (at least eight letters, 90% capitals).
    pub hide_all_caps: bool,
    /// Hide comments that are only a flood of emoji (six or more, no letters or digits).
    pub hide_emoji_floods: bool,
    /// Spam phrases to hide, on top of the built-in ones.
    pub spam_phrases: Vec<String>,
    /// Users whose comments are always hidden.
    pub blocked_users: Vec<String>,
    /// Users whose comments are always highlighted.
    pub highlighted_users: Vec<String>,
}

impl Default for FilterSettings {
    fn default() -> Self {
        Self {
            hidden_words: Vec::new(),
            hide_offensive: true,
            hide_links: true,
            hide_repeats: true,
            hide_all_caps: false,
            hide_emoji_floods: false,
            spam_phrases: Vec::new(),
            blocked_users: Vec::new(),
            highlighted_users: Vec::new(),
        }
    }
}

/// The pre-flight speed test's settings; each has a default, so plans rarely set them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PreflightSettings {
    /// The speed-test server (Cloudflare's protocol); Cloudflare's own when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speed_server: Option<String>,
    /// The upload, in Mbps, below which the live is a no-go; 10 (Instagram's advice)
    /// when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_upload_mbps: Option<f64>,
}

impl PreflightSettings {
    /// True when nothing is set, so plans without the field keep their hash.
    pub fn is_default(&self) -> bool {
        self == &Self::default()
    }
}

fn yes() -> bool {
    true
}

/// The pre-live checklist drawn from Instagram's Live guidance.
pub fn default_checklist() -> Vec<String> {
    [
        "Rehearsal done",
        "Lighting and effects checked",
        "Wind protection on the mic if outdoors",
        "Guests ready and briefed on their topics",
        "No unlicensed music in the background",
        "Media to share is ready on the phone",
        "Announcement post, countdown sticker and question sticker posted",
        "Who can watch and comment settings checked",
        "Phone on do-not-disturb",
        "Backup plan if the connection drops",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

/// A handle without its leading `@`, for comparisons.
pub fn bare_handle(handle: &str) -> &str {
    handle.trim().trim_start_matches('@')
}

impl Plan {
    /// Sum of the planned segment durations.
    pub fn planned_total(&self) -> Dur {
        self.segments.iter().map(|s| s.duration).sum()
    }

    /// Planned start of each segment from the start of the show.
    pub fn planned_starts(&self) -> Vec<Dur> {
        let mut at = Dur::ZERO;
        self.segments
            .iter()
            .map(|s| {
                let start = at;
                at = at + s.duration;
                start
            })
            .collect()
    }

    /// Index of the segment a cue or reference names: its id, or else its exact title.
    pub fn segment_index(&self, name: &str) -> Option<usize> {
        self.segments
            .iter()
            .position(|s| s.id.as_deref() == Some(name))
            .or_else(|| self.segments.iter().position(|s| s.title == name))
    }

    /// The guest with this handle (`@` optional on either side).
    pub fn guest(&self, handle: &str) -> Option<&Guest> {
        let wanted = bare_handle(handle);
        self.guests
            .iter()
            .find(|g| bare_handle(&g.handle) == wanted)
    }

    /// The product with this id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// The media item with this id.
    pub fn media_item(&self, id: &str) -> Option<&Media> {
        self.media.iter().find(|m| m.id == id)
    }

    /// Show time at which a cue is planned to fire, following the planned running order.
    pub fn planned_cue_time(&self, cue: &Cue) -> Option<Dur> {
        match &cue.at {
            CueTime::Show(at) => Some(*at),
            CueTime::Segment(name, offset) => {
                let i = self.segment_index(name)?;
                Some(self.planned_starts()[i] + *offset)
            }
        }
    }
}

impl CueAction {
    /// One line for the rundown and the cue banner.
    pub fn describe(&self, plan: &Plan) -> String {
        match self {
            CueAction::InviteGuest(handle) => match plan.guest(handle) {
                Some(g) if !g.name.is_empty() => {
                    format!("invite @{} ({})", bare_handle(&g.handle), g.name)
                }
                _ => format!("invite @{}", bare_handle(handle)),
            },
            CueAction::ShareMedia(id) => match plan.media_item(id) {
                Some(m) if !m.caption.is_empty() => format!("share {}: {}", m.id, m.caption),
                _ => format!("share {id}"),
            },
            CueAction::MentionOffer(id) => match plan.product(id) {
                Some(p) => match &p.discount_code {
                    Some(code) => format!("mention offer: {} — code {code}", p.name),
                    None => format!("mention offer: {}", p.name),
                },
                None => format!("mention offer: {id}"),
            },
            CueAction::CallToAction(text) => format!("call to action: {text}"),
            CueAction::Custom(text) => text.clone(),
        }
    }
}
