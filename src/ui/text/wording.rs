//! How the catalogue words the show's data: why a comment was hidden, what a cue asks,
//! days and times in the plan's zone, and `{}` placeholders filled in order.

use super::Texts;
use crate::comments::Reason;

/// How a day is written: "Sat 28 Nov" or 「週六 11/28」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// Weekday, day, month name.
    WeekdayDayMonth,
    /// Weekday, month/day.
    WeekdayMonthSlashDay,
}

impl Texts {
    /// Why the filter hid a comment, in words.
    pub fn reason(&self, reason: Reason) -> &'static str {
        match reason {
            Reason::HiddenWord => self.reason_hidden_word,
            Reason::Offensive => self.reason_offensive,
            Reason::SpamLink => self.reason_spam_link,
            Reason::SpamRepeat => self.reason_spam_repeat,
            Reason::SpamFlood => self.reason_spam_flood,
            Reason::SpamPhrase => self.reason_spam_phrase,
            Reason::Caps => self.reason_caps,
            Reason::EmojiFlood => self.reason_emoji_flood,
            Reason::BlockedUser => self.reason_blocked_user,
        }
    }

    /// A question's state, as the panel names it.
    pub fn question_state(&self, state: crate::questions::QuestionState) -> &'static str {
        use crate::questions::QuestionState;
        match state {
            QuestionState::Queued => self.q_filter_open,
            QuestionState::UpNext => self.q_up_next,
            QuestionState::Answered => self.q_filter_answered,
            QuestionState::Skipped => self.q_filter_skipped,
            QuestionState::Dismissed => self.q_filter_dismissed,
        }
    }

    /// Reasons joined with this language's list separator.
    pub fn reasons(&self, reasons: &[Reason]) -> String {
        let names: Vec<&str> = reasons.iter().map(|r| self.reason(*r)).collect();
        names.join(self.list_separator)
    }

    /// A day with its weekday: "Sat 28 Nov", 「週六 11/28」.
    pub fn day(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let weekday = self.weekdays[date.weekday().num_days_from_monday() as usize];
        match self.date_style {
            DateStyle::WeekdayDayMonth => format!(
                "{weekday} {} {}",
                date.day(),
                self.months[date.month0() as usize]
            ),
            DateStyle::WeekdayMonthSlashDay => {
                format!("{weekday} {}/{}", date.month(), date.day())
            }
        }
    }

    /// A segment kind's name.
    pub fn kind(&self, kind: crate::plan::SegmentKind) -> &'static str {
        use crate::plan::SegmentKind;
        match kind {
            SegmentKind::WarmUp => self.kind_warm_up,
            SegmentKind::Content => self.kind_content,
            SegmentKind::QAndA => self.kind_q_and_a,
            SegmentKind::Guest => self.kind_guest,
            SegmentKind::Product => self.kind_product,
            SegmentKind::Closing => self.kind_closing,
        }
    }

    /// A cue as the rundown table lists it.
    pub fn rundown_cue(&self, what: &crate::plan::CueAction, plan: &crate::plan::Plan) -> String {
        use crate::plan::{CueAction, bare_handle};
        match what {
            CueAction::InviteGuest(handle) => match plan.guest(handle) {
                Some(g) if !g.name.is_empty() => fill(
                    self.rundown_invite_named,
                    &[bare_handle(&g.handle), &g.name],
                ),
                _ => fill(self.rundown_invite, &[bare_handle(handle)]),
            },
            CueAction::ShareMedia(id) => match plan.media_item(id) {
                Some(m) if !m.caption.is_empty() => {
                    fill(self.rundown_share_captioned, &[&m.id, &m.caption])
                }
                _ => fill(self.rundown_share, &[id]),
            },
            CueAction::MentionOffer(id) => match plan.product(id) {
                Some(p) => match &p.discount_code {
                    Some(code) => fill(self.rundown_offer_code, &[&p.name, code]),
                    None => fill(self.rundown_offer, &[&p.name]),
                },
                None => fill(self.rundown_offer, &[id]),
            },
            CueAction::CallToAction(text) => fill(self.rundown_call_to_action, &[text]),
            CueAction::Custom(text) => text.clone(),
        }
    }

    /// What a cue asks the host to do.
    pub fn cue_action(&self, what: &crate::plan::CueAction, plan: &crate::plan::Plan) -> String {
        use crate::plan::{CueAction, bare_handle};
        match what {
            CueAction::InviteGuest(handle) => {
                let name = plan.guest(handle).map_or("", |g| g.name.as_str());
                fill(self.cue_invite, &[bare_handle(handle), name]).replace(" ()", "")
            }
            CueAction::ShareMedia(id) => {
                let caption = plan.media_item(id).map_or("", |m| m.caption.as_str());
                fill(self.cue_share, &[id, caption])
                    .trim_end_matches([':', ' '])
                    .to_owned()
            }
            CueAction::MentionOffer(id) => match plan.product(id) {
                Some(p) => match &p.discount_code {
                    Some(code) => fill(self.cue_offer, &[&p.name, code]),
                    None => fill(self.cue_offer_no_code, &[&p.name]),
                },
                None => fill(self.cue_offer_no_code, &[id]),
            },
            CueAction::CallToAction(text) => fill(self.cue_call_to_action, &[text]),
            CueAction::Custom(text) => text.clone(),
        }
    }
}

/// A wall-clock moment as the show's people read it: 24-hour, in the plan's time zone
/// (its scheduled start's), else this computer's. `format` is chrono's (`%H:%M`).
pub fn plan_time(
    plan: &crate::plan::Plan,
    at: chrono::DateTime<chrono::Utc>,
    format: &str,
) -> String {
    match plan
        .scheduled_start
        .as_ref()
        .and_then(|s| s.time_zone.parse::<chrono_tz::Tz>().ok())
    {
        Some(tz) => at.with_timezone(&tz).format(format).to_string(),
        None => at.with_timezone(&chrono::Local).format(format).to_string(),
    }
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}
