//! The host screen: what the host reads in a glance from a metre or two away.
//!
//! Left: the timer column (in [`timer`](super::timer)): the segment, its huge countdown
//! coloured by phase, show time and ahead/behind plan, talking points, the product card,
//! the next segment. Right: the next question and the comment feed. Below: the cue banner
//! (the only thing that flashes besides overtime) and the status bar. The layout is
//! fixed; comments never move the timer.

use egui::{Align, Layout, RichText};

use super::feed::comment_feed_ui;
use super::text::fill;
use super::theme;
use super::timer::timer_ui;
use super::{Command, View, ViewState};
use crate::plan::{CueAction, bare_handle};
use crate::questions::{Band, Question, QuestionKey, QuestionState};
use crate::session::Action;

/// Everything below the window title: the host screen. `with_controls` adds the control
/// strip (single-window mode).
pub fn host_screen_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut ViewState,
    with_controls: bool,
    commands: &mut Vec<Command>,
) {
    let scale = frame.scale;
    super::status::status_bar_panel(ui, frame);
    if with_controls {
        egui::Panel::bottom("controls")
            .frame(
                egui::Frame::NONE
                    .fill(theme::BACKGROUND)
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| super::controls::controls_ui(ui, frame, commands));
    }
    // The banner takes its height from the timer column; the countdown is sized as if
    // it had it still, so a cue never shrinks the one number the host reads most.
    let banner_height = frame
        .live
        .session()
        .active_cues()
        .first()
        .map_or(0.0, |&cue| {
            egui::Panel::bottom("cue-banner")
                .frame(
                    egui::Frame::NONE
                        .fill(theme::CUE_BG[usize::from(frame.flash_on)])
                        .inner_margin(egui::Margin::symmetric(16, 10)),
                )
                .show(ui, |ui| cue_banner_ui(ui, frame, view, cue, commands))
                .response
                .rect
                .height()
        });
    let side_width = (ui.available_width() * 0.38).max(360.0);
    egui::Panel::right("side")
        .exact_size(side_width)
        .frame(
            egui::Frame::NONE
                .fill(theme::PANEL)
                .inner_margin(egui::Margin::same(14)),
        )
        .show(ui, |ui| {
            question_card_ui(ui, frame, &mut view.card, commands);
            ui.add_space(scale.pt(10.0));
            comment_feed_ui(ui, frame, &mut view.feed, false, commands);
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::NONE
                .fill(theme::BACKGROUND)
                .inner_margin(egui::Margin::same(20)),
        )
        .show(ui, |ui| timer_ui(ui, frame, banner_height));
}

/// The question on the card and how many had asked when it went up, for the "+n more
/// asking" that tells the host others are waiting for this very answer.
#[derive(Debug, Default)]
pub struct CardMemory {
    key: Option<QuestionKey>,
    asked: usize,
}

impl CardMemory {
    /// How many more asked since `q` went on the card.
    fn more_since_shown(&mut self, q: &Question) -> usize {
        if self.key.as_ref() != Some(&q.key) {
            self.key = Some(q.key.clone());
            self.asked = q.times_asked();
        }
        q.times_asked().saturating_sub(self.asked)
    }
}

/// The next question, big: how many asked and who first, the keys to move on.
fn question_card_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    memory: &mut CardMemory,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let scale = frame.scale;
    let queue = frame.live.session().questions();
    let upcoming = queue.upcoming();
    egui::Frame::NONE
        .fill(theme::CARD)
        .corner_radius(8)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let Some(q) = upcoming.first() else {
                ui.label(
                    RichText::new(texts.next_question)
                        .font(theme::text(scale.pt(20.0)))
                        .color(theme::DIM)
                        .strong(),
                );
                ui.label(
                    RichText::new(texts.no_questions)
                        .font(theme::text(scale.pt(24.0)))
                        .color(theme::FAINT),
                );
                return;
            };
            let more = memory.more_since_shown(q);
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(texts.next_question)
                        .font(theme::text(scale.pt(20.0)))
                        .color(theme::DIM)
                        .strong(),
                );
                if matches!(queue.band(q), Band::Pinned | Band::UpNext) {
                    ui.label(
                        RichText::new(texts.card_up_next)
                            .font(theme::text(scale.pt(18.0)))
                            .color(theme::BLUE),
                    );
                }
                if q.times_asked() > 1 {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(
                            RichText::new(fill(texts.times_asked, &[&q.times_asked().to_string()]))
                                .font(theme::text(scale.pt(22.0)))
                                .color(theme::BLUE)
                                .strong(),
                        );
                    });
                }
            });
            ui.add(
                egui::Label::new(
                    RichText::new(super::sanitize_for_display(q.display_text()))
                        .font(theme::text(scale.pt(34.0)))
                        .color(theme::TEXT)
                        .strong(),
                )
                .wrap(),
            );
            let mut askers: Vec<String> = q
                .askers()
                .into_iter()
                .map(|a| format!("@{}", bare_handle(a)))
                .collect();
            let extra = askers.len().saturating_sub(3);
            askers.truncate(3);
            let mut who = askers.join("  ");
            if extra > 0 {
                who.push_str(&format!(
                    "  {}",
                    fill(texts.and_more, &[&extra.to_string()])
                ));
            }
            if q.is_planned() {
                who.push_str(&format!("  · {}", texts.from_sticker));
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(super::sanitize_for_display(who.trim()))
                        .font(theme::text(scale.pt(20.0)))
                        .color(theme::DIM),
                );
                if more > 0 {
                    // Subtle: the host glances, and goes on with the answer.
                    ui.label(
                        RichText::new(fill(texts.more_asking, &[&more.to_string()]))
                            .font(theme::text(scale.pt(18.0)))
                            .color(theme::BLUE),
                    );
                }
            });
            ui.horizontal(|ui| {
                let key = q.key.clone();
                if super::controls::key_button(
                    ui,
                    texts.answered,
                    super::controls::KEY_ANSWERED.name(),
                    scale,
                ) {
                    commands.push(Command::Live(Action::SetQuestionState(
                        key.clone(),
                        QuestionState::Answered,
                    )));
                }
                if super::controls::key_button(
                    ui,
                    texts.skip,
                    super::controls::KEY_SKIP.name(),
                    scale,
                ) {
                    commands.push(Command::Live(Action::SetQuestionState(
                        key,
                        QuestionState::Skipped,
                    )));
                }
                let waiting = upcoming.len() - 1;
                if waiting > 0 {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(
                            RichText::new(fill(texts.more_queued, &[&waiting.to_string()]))
                                .font(theme::text(scale.pt(18.0)))
                                .color(theme::DIM),
                        );
                    });
                }
            });
        });
}

/// The height of a share-media cue's picture on a 1080p host screen, in points.
const MEDIA_HEIGHT_AT_1080P: f32 = 220.0;

/// The banner for the oldest active cue: what to do, a thumbnail or the guest's topics,
/// and the key to dismiss it.
fn cue_banner_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    view: &mut ViewState,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    let scale = frame.scale;
    let plan = frame.live.plan();
    let Some(cue) = plan.cues.get(index) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("⚠ {}", texts.cue))
                .font(theme::text(scale.pt(30.0)))
                .color(theme::GOLD)
                .strong(),
        );
        if let CueAction::ShareMedia(id) = &cue.what
            && let Some(texture) = view.thumbnails.texture(ui.ctx(), id)
        {
            // Big enough to recognise from across the room: a fifth of a 1080p screen's
            // height, and never more than 45 % of the banner's width, so the words
            // beside it keep their room at 1280×720.
            let size = texture.size_vec2();
            let aspect = size.x / size.y.max(1.0);
            let height = scale
                .pt(MEDIA_HEIGHT_AT_1080P)
                .min(ui.available_width() * 0.45 / aspect.max(0.1));
            ui.add(
                egui::Image::new(&texture)
                    .fit_to_exact_size(egui::vec2(height * aspect, height))
                    .corner_radius(6)
                    .alt_text(id.as_str()),
            );
        }
        ui.vertical(|ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(super::sanitize_for_display(
                        &texts.cue_action(&cue.what, plan),
                    ))
                    .font(theme::text(scale.pt(32.0)))
                    .color(theme::TEXT)
                    .strong(),
                )
                .wrap(),
            );
            if let CueAction::InviteGuest(handle) = &cue.what
                && let Some(guest) = plan.guest(handle)
                && !guest.topics.is_empty()
            {
                ui.label(
                    RichText::new(fill(
                        texts.topics,
                        &[&guest.topics.join(texts.list_separator)],
                    ))
                    .font(theme::text(scale.pt(24.0)))
                    .color(theme::TEXT),
                );
            }
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if super::controls::key_button_with_hint(
                ui,
                texts.cue_done,
                texts.key_enter,
                scale,
                theme::CUE_KEY_HINT,
            ) {
                commands.push(Command::Live(Action::DismissCue(index)));
            }
            if cue.sound {
                ui.label(
                    RichText::new("♪")
                        .font(theme::text(scale.pt(28.0)))
                        .color(theme::GOLD),
                );
            }
        });
    });
}
