//! The live comment feed: newest at the bottom, follows new comments unless the user
//! scrolled up, hidden comments collapsed (or greyed with their reason), highlights.
//!
//! Rows are one line each and indexed incrementally, so a feed of 100,000 comments costs
//! the same per frame as one of a hundred: only the visible rows are laid out.

use egui::{Color32, RichText, Sense};

use super::sanitize_for_display;
use super::text::{Texts, fill};
use super::theme;
use super::{Command, View};
use crate::comments::Reason;
use crate::plan::{Plan, bare_handle};
use crate::questions::FollowUpItem;
use crate::session::{Action, CommentEntry};

/// One row of the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Row {
    /// A comment, by index into the session's comments.
    Comment(usize),
    /// Consecutive hidden comments collapsed into one row.
    Hidden { count: usize, reasons: Vec<Reason> },
}

/// What the feed remembers between frames.
#[derive(Debug, Default)]
pub struct FeedState {
    rows: Vec<Row>,
    indexed: usize,
    rows_built_with_hidden: bool,
    /// Rows that existed when the user scrolled away from the bottom.
    rows_when_left_bottom: Option<usize>,
    jump_to_bottom: bool,
    /// Rows shown in the previous frame.
    rows_last_frame: usize,
}

impl FeedState {
    /// Brings the row index up to date with the session's comments.
    fn update(&mut self, comments: &[CommentEntry], show_hidden: bool) {
        if show_hidden != self.rows_built_with_hidden {
            self.rows.clear();
            self.indexed = 0;
            self.rows_built_with_hidden = show_hidden;
            self.rows_when_left_bottom = None;
        }
        for (i, entry) in comments.iter().enumerate().skip(self.indexed) {
            if entry.verdict.shown || show_hidden {
                self.rows.push(Row::Comment(i));
                continue;
            }
            match self.rows.last_mut() {
                Some(Row::Hidden { count, reasons }) => {
                    *count += 1;
                    for r in &entry.verdict.reasons {
                        if !reasons.contains(r) {
                            reasons.push(*r);
                        }
                    }
                }
                _ => self.rows.push(Row::Hidden {
                    count: 1,
                    reasons: entry.verdict.reasons.clone(),
                }),
            }
        }
        self.indexed = comments.len();
    }

    /// Comments that arrived below while the user was scrolled up.
    pub fn unseen(&self) -> usize {
        self.rows_when_left_bottom
            .map_or(0, |seen| self.rows.len().saturating_sub(seen))
    }

    /// Scrolls back to the newest comment on the next frame.
    pub fn jump_to_bottom(&mut self) {
        self.jump_to_bottom = true;
    }
}

/// Who a comment is from, for highlighting.
struct Highlights<'a> {
    /// `@host`, lower-cased, to find mentions of the host.
    host_mention: Option<String>,
    guests: Vec<&'a str>,
    highlighted: Vec<&'a str>,
}

impl<'a> Highlights<'a> {
    fn new(plan: &'a Plan) -> Self {
        Self {
            host_mention: plan
                .host
                .as_deref()
                .map(|h| format!("@{}", bare_handle(h).to_lowercase())),
            guests: plan.guests.iter().map(|g| bare_handle(&g.handle)).collect(),
            highlighted: plan
                .filter
                .highlighted_users
                .iter()
                .map(|u| bare_handle(u))
                .collect(),
        }
    }
}

/// The comment feed, filling the space it is given. `producer`: the producer's feed,
/// whose comment menu also answers a viewer privately.
pub fn comment_feed_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    state: &mut FeedState,
    producer: bool,
    commands: &mut Vec<Command>,
) {
    let comments = frame.live.session().comments();
    let (texts, scale, rate_per_min) = (frame.texts, frame.scale, frame.rate_per_min);
    state.update(comments, frame.show_hidden);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(texts.comments)
                .font(theme::text(scale.pt(20.0)))
                .color(theme::DIM)
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(fill(texts.per_minute, &[&rate_per_min.to_string()]))
                    .font(theme::text(scale.pt(20.0)))
                    .color(theme::DIM),
            );
        });
    });
    if state.rows.is_empty() {
        ui.label(
            RichText::new(texts.no_comments)
                .font(theme::text(scale.pt(22.0)))
                .color(theme::FAINT),
        );
        return;
    }

    let highlights = Highlights::new(frame.live.plan());
    let queue = frame.live.session().questions();
    let font = theme::text(scale.pt(24.0));
    let row_height = ui.fonts_mut(|f| f.row_height(&font));
    let unseen = state.unseen();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("comment-feed")
        .auto_shrink(false)
        .stick_to_bottom(true);
    if state.jump_to_bottom {
        // The whole content height: past the last offset, which the area clamps to.
        // (Not f32::MAX: the row range is computed from the offset before clamping.)
        let content = (row_height + ui.spacing().item_spacing.y) * state.rows.len() as f32;
        area = area.vertical_scroll_offset(content);
        state.jump_to_bottom = false;
        state.rows_when_left_bottom = None;
    }
    let output = area.show_rows(ui, row_height, state.rows.len(), |ui, range| {
        for row in &state.rows[range] {
            match row {
                Row::Comment(i) => {
                    if let Some(entry) = comments.get(*i) {
                        let marked =
                            queue.is_marked(&FollowUpItem::Comment(entry.comment.id.clone()));
                        let row = RowMenu { marked, producer };
                        comment_row_ui(ui, entry, &highlights, &font, texts, row, commands);
                    }
                }
                Row::Hidden { count, reasons } => {
                    ui.add(
                        egui::Label::new(
                            RichText::new(fill(
                                texts.hidden_run,
                                &[&count.to_string(), &texts.reasons(reasons)],
                            ))
                            .font(theme::text(scale.pt(18.0)))
                            .color(theme::FAINT),
                        )
                        .truncate(),
                    );
                }
            }
        }
    });
    let max_offset = (output.content_size.y - output.inner_rect.height()).max(0.0);
    let at_bottom = output.state.clamped_offset().y >= max_offset - row_height * 0.5;
    // Rows added this frame land below the old bottom; the area catches up next frame.
    let grew = state.rows.len() > state.rows_last_frame;
    let following = state.rows_when_left_bottom.is_none();
    if at_bottom {
        state.rows_when_left_bottom = None;
    } else if following && grew {
        ui.ctx().request_repaint();
    } else if following {
        state.rows_when_left_bottom = Some(state.rows.len());
    }
    state.rows_last_frame = state.rows.len();
    if unseen > 0 {
        let label = fill(texts.new_comments, &[&unseen.to_string()]);
        let rect = output.inner_rect;
        let button_pos = egui::pos2(
            rect.right() - scale.pt(160.0),
            rect.bottom() - scale.pt(48.0),
        );
        egui::Area::new(egui::Id::unique("feed-new-button"))
            .fixed_pos(button_pos)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                let button = egui::Button::new(
                    RichText::new(label)
                        .font(theme::text(scale.pt(20.0)))
                        .color(Color32::BLACK),
                )
                .fill(theme::BLUE);
                if ui.add(button).clicked() {
                    commands.push(Command::FeedToBottom);
                }
            });
    }
}

/// What a comment row's menu offers.
#[derive(Clone, Copy)]
struct RowMenu {
    /// Marked for a follow-up.
    marked: bool,
    /// In the producer's feed: "Reply privately…" too.
    producer: bool,
}

fn comment_row_ui(
    ui: &mut egui::Ui,
    entry: &CommentEntry,
    highlights: &Highlights<'_>,
    font: &egui::FontId,
    texts: &Texts,
    menu: RowMenu,
    commands: &mut Vec<Command>,
) {
    let marked = menu.marked;
    let c = &entry.comment;
    let v = &entry.verdict;
    let user = bare_handle(&c.user);
    let text = sanitize_for_display(&c.text);
    let is_guest = highlights.guests.contains(&user);
    let is_highlighted = highlights.highlighted.contains(&user);
    let (user_color, text_color) = if !v.shown {
        (theme::FAINT, theme::FAINT)
    } else if is_guest || is_highlighted {
        (theme::GOLD, theme::TEXT)
    } else if v.question {
        (theme::BLUE, theme::TEXT)
    } else {
        (theme::DIM, theme::TEXT)
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 12.0;
        let shown_user = if user.is_empty() { "—" } else { user };
        ui.label(
            RichText::new(sanitize_for_display(shown_user))
                .font(font.clone())
                .color(user_color),
        );
        if !v.shown {
            // Hidden: why comes first (it matters more than the text), then what is
            // left of the text, greyed.
            let mut why = fill(texts.hidden_because, &[&texts.reasons(&v.reasons)]);
            if let Some(word) = &v.matched {
                why.push_str(&fill(texts.matched_word, &[&sanitize_for_display(word)]));
            }
            ui.add(
                egui::Label::new(RichText::new(why).font(font.clone()).color(theme::FAINT))
                    .truncate(),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(text)
                        .font(font.clone())
                        .color(text_color)
                        .italics(),
                )
                .truncate(),
            );
            return;
        }
        let mentions_host = highlights
            .host_mention
            .as_ref()
            .is_some_and(|m| text.to_lowercase().contains(m.as_str()));
        let mut badges = Vec::new();
        if v.question {
            badges.push((texts.badge_question.to_owned(), theme::BLUE));
        }
        if is_guest {
            badges.push((texts.badge_guest.to_owned(), theme::GOLD));
        } else if is_highlighted {
            badges.push((texts.badge_highlight.to_owned(), theme::GOLD));
        }
        if mentions_host {
            badges.push((texts.badge_mention.to_owned(), theme::GOLD));
        }
        if marked {
            badges.push((texts.q_tag_follow_up.to_owned(), theme::GOLD));
        }
        // Badges go on the right, so the text takes what is left and is cut short.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (badge, color) in badges.iter().rev() {
                ui.label(
                    RichText::new(badge)
                        .font(font.clone())
                        .color(*color)
                        .strong(),
                );
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let rich = RichText::new(text).font(font.clone()).color(text_color);
                let response = ui.add(egui::Label::new(rich).truncate().sense(Sense::click()));
                response.context_menu(|ui| {
                    if ui.button(texts.promote).clicked() {
                        commands.push(Command::Live(Action::PromoteComment(c.id.clone())));
                        ui.close();
                    }
                    let follow = if marked {
                        texts.q_unfollow
                    } else {
                        texts.q_follow_up
                    };
                    if ui.button(follow).clicked() {
                        commands.push(Command::Live(Action::MarkFollowUp(
                            FollowUpItem::Comment(c.id.clone()),
                            !marked,
                        )));
                        ui.close();
                    }
                    if menu.producer && ui.button(texts.reply_privately).clicked() {
                        commands.push(Command::OpenReplyDialog(c.id.clone()));
                        ui.close();
                    }
                });
            });
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::{Comment, Verdict};
    use crate::session::Stamp;

    fn entry(id: &str, shown: bool, reason: Option<Reason>) -> CommentEntry {
        CommentEntry {
            comment: Comment {
                id: id.into(),
                user: "u".into(),
                text: "t".into(),
                ts: chrono::DateTime::UNIX_EPOCH,
                platform: None,
            },
            verdict: Verdict {
                shown,
                reasons: reason.into_iter().collect(),
                ..Verdict::shown(id)
            },
            at: Stamp {
                ms: 0,
                wall: chrono::DateTime::UNIX_EPOCH,
            },
        }
    }

    #[test]
    fn hidden_runs_collapse_and_expand() {
        let comments = vec![
            entry("a", true, None),
            entry("b", false, Some(Reason::SpamLink)),
            entry("c", false, Some(Reason::HiddenWord)),
            entry("d", true, None),
        ];
        let mut feed = FeedState::default();
        feed.update(&comments[..2], false);
        feed.update(&comments, false);
        assert_eq!(
            feed.rows,
            vec![
                Row::Comment(0),
                Row::Hidden {
                    count: 2,
                    reasons: vec![Reason::SpamLink, Reason::HiddenWord]
                },
                Row::Comment(3)
            ]
        );
        feed.update(&comments, true);
        assert_eq!(
            feed.rows,
            (0..4).map(Row::Comment).collect::<Vec<_>>(),
            "show hidden lists every comment"
        );
    }
}
