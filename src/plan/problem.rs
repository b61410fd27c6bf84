//! What is wrong with a plan, as data: validation finds a [`Problem`], and its English
//! sentence (what `livecue check` prints, which scripts read) is written here, in one
//! place. The editor words the same kinds in the interface language.

use std::fmt;

use super::clock_text;
use crate::source_spec::SpecError;

/// One kind of problem in a plan, with the facts its sentence needs. Numbers of
/// segments, cues and other rows are 1-based, as the sentences say them; times are in
/// milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Text worded where it was found and shown as it is: RON's syntax and type errors
    /// (with their suggestions of the nearest known name), and the editor's fields whose
    /// text does not read, already worded in the interface language.
    Syntax(String),
    /// `segments` is empty.
    NoSegments,
    /// A segment lasts no time.
    ZeroLength { segment: usize, title: String },
    /// A segment's warning comes before it starts (longer than the segment).
    WarningLongerThanSegment {
        segment: usize,
        title: String,
        warning_ms: i64,
        duration_ms: i64,
    },
    /// A segment's danger time is longer than its warning time.
    DangerBeforeWarning {
        segment: usize,
        title: String,
        danger_ms: i64,
        warning_ms: i64,
    },
    /// Two segments share an id.
    DuplicateSegmentId {
        id: String,
        first: usize,
        second: usize,
    },
    /// A segment names a guest the plan does not list.
    SegmentGuestUnknown { segment: usize, handle: String },
    /// A segment names a product the plan does not list.
    SegmentProductUnknown { segment: usize, id: String },
    /// `target.min` is longer than `target.max`.
    TargetInverted { min_ms: i64, max_ms: i64 },
    /// The segments add up to less than `target.min` or more than `target.max`.
    OutsideWindow {
        total_ms: i64,
        min_ms: i64,
        max_ms: i64,
    },
    /// `scheduled_start.time_zone` is not an IANA name.
    UnknownTimeZone { zone: String },
    /// `scheduled_start` falls in a daylight-saving gap.
    NonexistentLocalTime,
    /// A cue at a show time after the planned end.
    CueAfterEnd {
        cue: usize,
        at_ms: i64,
        total_ms: i64,
    },
    /// A cue names a segment that is neither an id nor a title.
    CueSegmentUnknown { cue: usize, name: String },
    /// A cue's offset into its segment is longer than the segment.
    CueOutsideSegment {
        cue: usize,
        offset_ms: i64,
        title: String,
        duration_ms: i64,
    },
    /// A cue invites a guest the plan does not list (`handle` without `@`).
    UnknownGuest { cue: usize, handle: String },
    /// A cue shares media the plan does not list.
    UnknownMedia { cue: usize, id: String },
    /// A cue mentions a product the plan does not list.
    UnknownProduct { cue: usize, id: String },
    /// Two planned questions share an id.
    DuplicateQuestionId {
        id: String,
        first: usize,
        second: usize,
    },
    /// A planned question's text is empty.
    EmptyQuestion { id: String },
    /// A planned question waits for a segment id that no segment has; `known` lists the
    /// ids there are.
    QuestionSegmentUnknown {
        id: String,
        segment: String,
        known: Vec<String>,
    },
    /// `preflight.speed_server` is not an http(s) address.
    BadSpeedServer { url: String },
    /// `preflight.min_upload_mbps` is not a sensible upload.
    BadMinUpload { mbps: f64 },
    /// A follow-up word is empty.
    EmptyFollowUpWord { word: usize },
    /// A follow-up word is the same as an earlier one once normalised.
    RepeatedFollowUpWord {
        word: String,
        first: usize,
        first_word: String,
    },
    /// A saved reply without an id.
    ReplyWithoutId { reply: usize },
    /// Two saved replies share an id.
    DuplicateReplyId {
        id: String,
        first: usize,
        second: usize,
    },
    /// A saved reply's text cannot be sent as written.
    ReplyText {
        id: String,
        problem: super::ReplyTextProblem,
    },
    /// `ig_user_id` is not digits.
    BadIgUserId { id: String },
    /// `fb_page_id` is not digits.
    BadFbPageId { id: String },
    /// `source` does not read.
    BadSource(SpecError),
    /// `source: "instagram"` without `ig_user_id`.
    InstagramNeedsUserId,
    /// `source: "facebook"` without `fb_page_id`.
    FacebookNeedsPageId,
    /// The replay source's file is not there.
    MissingReplayFile { path: String },
    /// A guest listed twice (`handle` without `@`).
    DuplicateGuest { handle: String },
    /// Two products share an id.
    DuplicateProductId { id: String },
    /// Two media share an id.
    DuplicateMediaId { id: String },
    /// A media file is not there.
    MissingMediaFile { path: String },
}

impl fmt::Display for Problem {
    /// The English sentence: `livecue check` prints it, and scripts read it, so the
    /// words stay as they are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = |ms: &i64| clock_text(*ms);
        match self {
            Self::Syntax(text) => f.write_str(text),
            Self::NoSegments => f.write_str("the plan has no segments"),
            Self::ZeroLength { segment, title } => {
                write!(f, "segment {segment} \"{title}\" has zero length")
            }
            Self::WarningLongerThanSegment {
                segment,
                title,
                warning_ms,
                duration_ms,
            } => write!(
                f,
                "segment {segment} \"{title}\": warning at {} is longer than the segment ({})",
                c(warning_ms),
                c(duration_ms)
            ),
            Self::DangerBeforeWarning {
                segment,
                title,
                danger_ms,
                warning_ms,
            } => write!(
                f,
                "segment {segment} \"{title}\": danger at {} comes before warning at {}",
                c(danger_ms),
                c(warning_ms)
            ),
            Self::DuplicateSegmentId { id, first, second } => write!(
                f,
                "segment id \"{id}\" is used by segments {first} and {second}"
            ),
            Self::SegmentGuestUnknown { segment, handle } => write!(
                f,
                "segment {segment} names guest \"{handle}\", who is not in `guests`"
            ),
            Self::SegmentProductUnknown { segment, id } => write!(
                f,
                "segment {segment} names product \"{id}\", which is not in `products`"
            ),
            Self::TargetInverted { min_ms, max_ms } => write!(
                f,
                "target minimum {} is longer than the maximum {}",
                c(min_ms),
                c(max_ms)
            ),
            Self::OutsideWindow {
                total_ms,
                min_ms,
                max_ms,
            } => {
                let (by, side) = if total_ms < min_ms {
                    (min_ms - total_ms, "short")
                } else {
                    (total_ms - max_ms, "over")
                };
                write!(
                    f,
                    "planned running time is {}, outside the target window {}–{}: {} {side}",
                    c(total_ms),
                    c(min_ms),
                    c(max_ms),
                    clock_text(by)
                )
            }
            Self::UnknownTimeZone { zone } => write!(
                f,
                "unknown time zone \"{zone}\": use an IANA name such as \"Asia/Taipei\""
            ),
            Self::NonexistentLocalTime => f.write_str(
                "this local time does not exist on that date (a daylight-saving change)",
            ),
            Self::CueAfterEnd {
                cue,
                at_ms,
                total_ms,
            } => write!(
                f,
                "cue {cue} at {} is after the planned end of the show ({})",
                c(at_ms),
                c(total_ms)
            ),
            Self::CueSegmentUnknown { cue, name } => write!(
                f,
                "cue {cue} names segment \"{name}\", which is neither a segment id nor a title"
            ),
            Self::CueOutsideSegment {
                cue,
                offset_ms,
                title,
                duration_ms,
            } => write!(
                f,
                "cue {cue} at {} into \"{title}\" is outside the segment ({} long)",
                c(offset_ms),
                c(duration_ms)
            ),
            Self::UnknownGuest { cue, handle } => {
                write!(f, "cue {cue} invites @{handle}, who is not in `guests`")
            }
            Self::UnknownMedia { cue, id } => {
                write!(f, "cue {cue} shares media \"{id}\", which is not in `media`")
            }
            Self::UnknownProduct { cue, id } => write!(
                f,
                "cue {cue} mentions product \"{id}\", which is not in `products`"
            ),
            Self::DuplicateQuestionId { id, first, second } => write!(
                f,
                "question id \"{id}\" is used twice (questions {first} and {second})"
            ),
            Self::EmptyQuestion { id } => write!(f, "question \"{id}\" has no text"),
            Self::QuestionSegmentUnknown { id, segment, known } => {
                let known = if known.is_empty() {
                    "no segment has an id".to_owned()
                } else {
                    let ids: Vec<String> = known.iter().map(|id| format!("\"{id}\"")).collect();
                    format!("segment ids: {}", ids.join(", "))
                };
                write!(
                    f,
                    "question \"{id}\" waits for segment \"{segment}\", which is not a segment id ({known})"
                )
            }
            Self::BadSpeedServer { url } => write!(
                f,
                "speed_server `{url}` must be an http:// or https:// address"
            ),
            Self::BadMinUpload { mbps } => write!(
                f,
                "min_upload_mbps is {mbps}; give the upload the live needs, e.g. 10.0"
            ),
            Self::EmptyFollowUpWord { word } => write!(f, "follow-up word {word} is empty"),
            Self::RepeatedFollowUpWord {
                word,
                first,
                first_word,
            } => write!(
                f,
                "follow-up word \"{word}\" repeats word {first} (\"{first_word}\")"
            ),
            Self::ReplyWithoutId { reply } => write!(f, "saved reply {reply} has no id"),
            Self::DuplicateReplyId { id, first, second } => write!(
                f,
                "saved reply id \"{id}\" is used twice (saved replies {first} and {second})"
            ),
            Self::ReplyText { id, problem } => write!(f, "saved reply \"{id}\" {problem}"),
            Self::BadIgUserId { id } => write!(
                f,
                "ig_user_id \"{id}\" is not an Instagram user id (digits only)"
            ),
            Self::BadFbPageId { id } => write!(
                f,
                "fb_page_id \"{id}\" is not a Facebook Page id (digits only)"
            ),
            Self::BadSource(e) => write!(f, "{e}"),
            Self::InstagramNeedsUserId => f.write_str(
                "the instagram source needs `ig_user_id` (the account's Instagram user id)",
            ),
            Self::FacebookNeedsPageId => f.write_str(
                "the facebook source needs `fb_page_id` (the Facebook Page's id), or one live video: \"facebook:LIVE_VIDEO_ID\"",
            ),
            Self::MissingReplayFile { path } => write!(f, "replay file \"{path}\" is missing"),
            Self::DuplicateGuest { handle } => write!(f, "guest @{handle} is listed twice"),
            Self::DuplicateProductId { id } => write!(f, "product id \"{id}\" is used twice"),
            Self::DuplicateMediaId { id } => write!(f, "media id \"{id}\" is used twice"),
            Self::MissingMediaFile { path } => write!(f, "media file \"{path}\" is missing"),
        }
    }
}

/// Every kind of problem once, with the English `livecue check` has always printed for
/// it; the values hold no Latin letters, so a translation's English shows.
#[cfg(test)]
pub(crate) fn examples() -> Vec<(Problem, &'static str)> {
    use super::ReplyTextProblem;
    let s = |text: &str| text.to_owned();
    vec![
        (Problem::Syntax(s("expected comma")), "expected comma"),
        (Problem::NoSegments, "the plan has no segments"),
        (
            Problem::ZeroLength {
                segment: 3,
                title: s("收尾"),
            },
            "segment 3 \"收尾\" has zero length",
        ),
        (
            Problem::WarningLongerThanSegment {
                segment: 1,
                title: s("暖場"),
                warning_ms: 360_000,
                duration_ms: 300_000,
            },
            "segment 1 \"暖場\": warning at 6:00 is longer than the segment (5:00)",
        ),
        (
            Problem::DangerBeforeWarning {
                segment: 2,
                title: s("示範"),
                danger_ms: 180_000,
                warning_ms: 120_000,
            },
            "segment 2 \"示範\": danger at 3:00 comes before warning at 2:00",
        ),
        (
            Problem::DuplicateSegmentId {
                id: s("主題"),
                first: 1,
                second: 4,
            },
            "segment id \"主題\" is used by segments 1 and 4",
        ),
        (
            Problem::SegmentGuestUnknown {
                segment: 2,
                handle: s("小陳"),
            },
            "segment 2 names guest \"小陳\", who is not in `guests`",
        ),
        (
            Problem::SegmentProductUnknown {
                segment: 2,
                id: s("精華液"),
            },
            "segment 2 names product \"精華液\", which is not in `products`",
        ),
        (
            Problem::TargetInverted {
                min_ms: 4_800_000,
                max_ms: 3_600_000,
            },
            "target minimum 80:00 is longer than the maximum 60:00",
        ),
        (
            Problem::OutsideWindow {
                total_ms: 2_400_000,
                min_ms: 3_300_000,
                max_ms: 4_500_000,
            },
            "planned running time is 40:00, outside the target window 55:00–75:00: 15:00 short",
        ),
        (
            Problem::OutsideWindow {
                total_ms: 4_800_000,
                min_ms: 3_300_000,
                max_ms: 4_500_000,
            },
            "planned running time is 80:00, outside the target window 55:00–75:00: 5:00 over",
        ),
        (
            Problem::UnknownTimeZone { zone: s("台北") },
            "unknown time zone \"台北\": use an IANA name such as \"Asia/Taipei\"",
        ),
        (
            Problem::NonexistentLocalTime,
            "this local time does not exist on that date (a daylight-saving change)",
        ),
        (
            Problem::CueAfterEnd {
                cue: 2,
                at_ms: 3_900_000,
                total_ms: 3_600_000,
            },
            "cue 2 at 65:00 is after the planned end of the show (60:00)",
        ),
        (
            Problem::CueSegmentUnknown {
                cue: 3,
                name: s("中場"),
            },
            "cue 3 names segment \"中場\", which is neither a segment id nor a title",
        ),
        (
            Problem::CueOutsideSegment {
                cue: 2,
                offset_ms: 3_060_000,
                title: s("主題"),
                duration_ms: 3_000_000,
            },
            "cue 2 at 51:00 into \"主題\" is outside the segment (50:00 long)",
        ),
        (
            Problem::UnknownGuest {
                cue: 1,
                handle: s("小陳"),
            },
            "cue 1 invites @小陳, who is not in `guests`",
        ),
        (
            Problem::UnknownMedia {
                cue: 1,
                id: s("圖一"),
            },
            "cue 1 shares media \"圖一\", which is not in `media`",
        ),
        (
            Problem::UnknownProduct {
                cue: 1,
                id: s("精華液"),
            },
            "cue 1 mentions product \"精華液\", which is not in `products`",
        ),
        (
            Problem::DuplicateQuestionId {
                id: s("運費"),
                first: 1,
                second: 2,
            },
            "question id \"運費\" is used twice (questions 1 and 2)",
        ),
        (
            Problem::EmptyQuestion { id: s("運費") },
            "question \"運費\" has no text",
        ),
        (
            Problem::QuestionSegmentUnknown {
                id: s("三"),
                segment: s("收尾"),
                known: vec![s("暖場"), s("主題")],
            },
            "question \"三\" waits for segment \"收尾\", which is not a segment id (segment ids: \"暖場\", \"主題\")",
        ),
        (
            Problem::QuestionSegmentUnknown {
                id: s("三"),
                segment: s("收尾"),
                known: vec![],
            },
            "question \"三\" waits for segment \"收尾\", which is not a segment id (no segment has an id)",
        ),
        (
            Problem::BadSpeedServer {
                url: s("測速站")
            },
            "speed_server `測速站` must be an http:// or https:// address",
        ),
        (
            Problem::BadMinUpload { mbps: 0.0 },
            "min_upload_mbps is 0; give the upload the live needs, e.g. 10.0",
        ),
        (
            Problem::EmptyFollowUpWord { word: 2 },
            "follow-up word 2 is empty",
        ),
        (
            Problem::RepeatedFollowUpWord {
                word: s("没收到"),
                first: 1,
                first_word: s("沒收到"),
            },
            "follow-up word \"没收到\" repeats word 1 (\"沒收到\")",
        ),
        (
            Problem::ReplyWithoutId { reply: 1 },
            "saved reply 1 has no id",
        ),
        (
            Problem::DuplicateReplyId {
                id: s("運費"),
                first: 1,
                second: 2,
            },
            "saved reply id \"運費\" is used twice (saved replies 1 and 2)",
        ),
        (
            Problem::ReplyText {
                id: s("運費"),
                problem: ReplyTextProblem::Empty,
            },
            "saved reply \"運費\" has no text",
        ),
        (
            Problem::ReplyText {
                id: s("運費"),
                problem: ReplyTextProblem::Unclosed,
            },
            "saved reply \"運費\" has a `{` that is not closed; placeholders are {user}",
        ),
        (
            Problem::ReplyText {
                id: s("運費"),
                problem: ReplyTextProblem::UnknownPlaceholder(s("名字")),
            },
            "saved reply \"運費\" uses the placeholder {名字}, which livecue does not know; placeholders are {user}",
        ),
        (
            Problem::BadIgUserId {
                id: s("我的帳號")
            },
            "ig_user_id \"我的帳號\" is not an Instagram user id (digits only)",
        ),
        (
            Problem::BadFbPageId {
                id: s("我的專頁")
            },
            "fb_page_id \"我的專頁\" is not a Facebook Page id (digits only)",
        ),
        (
            Problem::BadSource(SpecError::Unknown(s("抖音"))),
            "unknown source `抖音`: use `replay:FILE[@SPEED]`, `instagram`, `facebook` (a Page's live) or `facebook:LIVE_VIDEO_ID`",
        ),
        (
            Problem::BadSource(SpecError::MissingFile),
            "`replay:` needs a file: `replay:comments.jsonl` or `replay:comments.jsonl@10`",
        ),
        (
            Problem::BadSource(SpecError::BadSpeed(s("快"))),
            "replay speed `快` is not a number: use e.g. `@10` (ten times faster), `@0.5` or `@max`",
        ),
        (
            Problem::BadSource(SpecError::BadLiveVideoId(s("直播"))),
            "`facebook:` needs the live video's id (digits, as in `facebook:1234567890`), got `直播`",
        ),
        (
            Problem::InstagramNeedsUserId,
            "the instagram source needs `ig_user_id` (the account's Instagram user id)",
        ),
        (
            Problem::FacebookNeedsPageId,
            "the facebook source needs `fb_page_id` (the Facebook Page's id), or one live video: \"facebook:LIVE_VIDEO_ID\"",
        ),
        (
            Problem::MissingReplayFile {
                path: s("留言記錄"),
            },
            "replay file \"留言記錄\" is missing",
        ),
        (
            Problem::DuplicateGuest {
                handle: s("小陳")
            },
            "guest @小陳 is listed twice",
        ),
        (
            Problem::DuplicateProductId { id: s("精華液") },
            "product id \"精華液\" is used twice",
        ),
        (
            Problem::DuplicateMediaId { id: s("圖一") },
            "media id \"圖一\" is used twice",
        ),
        (
            Problem::MissingMediaFile { path: s("圖一") },
            "media file \"圖一\" is missing",
        ),
    ]
}

/// Which kind `problem` is, numbered: the match has no catch-all, so a new kind does
/// not compile until it is numbered here, and then [`examples`] must show it.
#[cfg(test)]
pub(crate) fn kind_number(problem: &Problem) -> usize {
    match problem {
        Problem::Syntax(_) => 0,
        Problem::NoSegments => 1,
        Problem::ZeroLength { .. } => 2,
        Problem::WarningLongerThanSegment { .. } => 3,
        Problem::DangerBeforeWarning { .. } => 4,
        Problem::DuplicateSegmentId { .. } => 5,
        Problem::SegmentGuestUnknown { .. } => 6,
        Problem::SegmentProductUnknown { .. } => 7,
        Problem::TargetInverted { .. } => 8,
        Problem::OutsideWindow { .. } => 9,
        Problem::UnknownTimeZone { .. } => 10,
        Problem::NonexistentLocalTime => 11,
        Problem::CueAfterEnd { .. } => 12,
        Problem::CueSegmentUnknown { .. } => 13,
        Problem::CueOutsideSegment { .. } => 14,
        Problem::UnknownGuest { .. } => 15,
        Problem::UnknownMedia { .. } => 16,
        Problem::UnknownProduct { .. } => 17,
        Problem::DuplicateQuestionId { .. } => 18,
        Problem::EmptyQuestion { .. } => 19,
        Problem::QuestionSegmentUnknown { .. } => 20,
        Problem::BadSpeedServer { .. } => 21,
        Problem::BadMinUpload { .. } => 22,
        Problem::EmptyFollowUpWord { .. } => 23,
        Problem::RepeatedFollowUpWord { .. } => 24,
        Problem::ReplyWithoutId { .. } => 25,
        Problem::DuplicateReplyId { .. } => 26,
        Problem::ReplyText { .. } => 27,
        Problem::BadIgUserId { .. } => 28,
        Problem::BadFbPageId { .. } => 29,
        Problem::BadSource(_) => 30,
        Problem::InstagramNeedsUserId => 31,
        Problem::FacebookNeedsPageId => 32,
        Problem::MissingReplayFile { .. } => 33,
        Problem::DuplicateGuest { .. } => 34,
        Problem::DuplicateProductId { .. } => 35,
        Problem::DuplicateMediaId { .. } => 36,
        Problem::MissingMediaFile { .. } => 37,
    }
}

/// How many kinds [`kind_number`] numbers.
#[cfg(test)]
pub(crate) const KINDS: usize = 38;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_worded_in_the_english_of_livecue_check() {
        let examples = examples();
        let mut seen = [false; KINDS];
        for (problem, english) in &examples {
            seen[kind_number(problem)] = true;
            assert_eq!(problem.to_string(), *english, "{problem:?}");
        }
        let missing: Vec<usize> = (0..KINDS).filter(|&k| !seen[k]).collect();
        assert!(missing.is_empty(), "kinds with no example: {missing:?}");
    }
}
