//! Every piece of UI text, in one place. Offering the interface in another language is
//! one more `Texts` value, not a hunt through the views.
//!
//! Templates use `{}` placeholders, filled in order by [`fill`]. Each language is one
//! `Texts` struct literal (`en.rs`, `zh_tw.rs`), so a key missing from one fails to
//! compile; a test checks that every template has as many placeholders in each.

mod editor;
mod en;
mod problems;
mod wording;
mod zh_tw;

pub use editor::{EDITOR_EN, EditorTexts};
pub use en::EN;
pub use wording::{DateStyle, fill, plan_time};
pub use zh_tw::ZH_TW;

use crate::locale::Language;

/// The catalogue of a language.
pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::En => &EN,
        Language::ZhTw => &ZH_TW,
    }
}

/// The UI strings of one language.
#[derive(Debug)]
pub struct Texts {
    /// This language's own name.
    pub language_name: &'static str,
    /// The button that switches to the other language (named in that language).
    pub switch_language: &'static str,
    /// Hover text of that button.
    pub switch_language_hint: &'static str,
    /// `{}` = why the settings file could not be written.
    pub language_saved_failed: &'static str,

    /// Window title of the main window.
    pub app_title: &'static str,
    /// Window title of the detached host screen.
    pub host_window_title: &'static str,

    // Controls (button labels; tests click these).
    /// Start the show.
    pub start: &'static str,
    /// Next segment.
    pub next_segment: &'static str,
    /// Previous segment.
    pub previous_segment: &'static str,
    /// Add a minute.
    pub add_minute: &'static str,
    /// Remove a minute.
    pub remove_minute: &'static str,
    /// Add thirty seconds.
    pub add_half_minute: &'static str,
    /// Remove thirty seconds.
    pub remove_half_minute: &'static str,
    /// Undo the last move (next, previous, jump).
    pub undo: &'static str,
    /// What undo does; `{}` = the segment it goes back to.
    pub undo_hint: &'static str,
    /// Mark the question answered.
    pub answered: &'static str,
    /// Skip the question.
    pub skip: &'static str,
    /// Show hidden comments.
    pub show_hidden: &'static str,
    /// Hide hidden comments again.
    pub hide_hidden: &'static str,
    /// Mute chimes.
    pub mute: &'static str,
    /// Unmute chimes.
    pub unmute: &'static str,
    /// Toggle fullscreen.
    pub fullscreen: &'static str,
    /// Ask to end the show.
    pub end_show: &'static str,
    /// Dismiss the cue banner.
    pub cue_done: &'static str,
    /// Detach the host view into its own window.
    pub detach: &'static str,
    /// Bring the host view back into the main window.
    pub attach: &'static str,
    /// Put the detached host view fullscreen on display n.
    pub fullscreen_on_display: &'static str,
    /// Jump to a segment in the rundown.
    pub jump: &'static str,
    /// After a jump; `{}` = the segment, `{}` = the undo key.
    pub jumped_notice: &'static str,
    /// Heading of the producer's missed cues.
    pub missed_cues: &'static str,
    /// Why a cue was missed: its segment never ran.
    pub missed_skipped: &'static str,
    /// Why a cue was missed: its segment went off air before the cue's moment.
    pub missed_cut_short: &'static str,
    /// Fire a missed cue now.
    pub fire_now: &'static str,
    /// Put a comment into the question queue.
    pub promote: &'static str,
    /// Open the comment-source form.
    pub source_button: &'static str,
    /// Source form title.
    pub source_title: &'static str,
    /// Source form help.
    pub source_help: &'static str,
    /// Source field label.
    pub source_field: &'static str,
    /// Instagram user id field label.
    pub ig_user_id_field: &'static str,
    /// Facebook Page id field label.
    pub fb_page_id_field: &'static str,
    /// List the accounts the stored token reaches.
    pub source_find_accounts: &'static str,
    /// While they are listed.
    pub source_finding_accounts: &'static str,
    /// They could not be listed; why.
    pub source_accounts_failed: &'static str,
    /// None found.
    pub source_no_accounts: &'static str,
    /// A Page to pick: name, id.
    pub source_pick_page: &'static str,
    /// An Instagram account to pick: username, id.
    pub source_pick_instagram: &'static str,
    /// Permissions a source lacks: source, permissions.
    pub source_missing_permissions: &'static str,
    /// Connect button.
    pub connect: &'static str,
    /// Close the source form.
    pub end_confirm_no_source: &'static str,

    // Key names shown next to controls.
    /// Space bar.
    pub key_space: &'static str,
    /// Backspace.
    pub key_backspace: &'static str,
    /// Enter.
    pub key_enter: &'static str,
    /// Escape.
    pub key_escape: &'static str,
    /// Shift and the up arrow.
    pub key_shift_up: &'static str,
    /// Shift and the down arrow.
    pub key_shift_down: &'static str,
    /// Undo.
    pub key_undo: &'static str,

    // End-of-show confirmation.
    /// Modal title.
    pub end_confirm_title: &'static str,
    /// Modal text.
    pub end_confirm_body: &'static str,
    /// Confirm.
    pub end_confirm_yes: &'static str,
    /// Cancel.
    pub end_confirm_no: &'static str,

    // Host view.
    /// Before the start.
    pub ready_to_start: &'static str,
    /// Scheduled start, `{}` = local time, `{}` = countdown.
    pub scheduled_start: &'static str,
    /// Scheduled start further out: `{}` = date, `{}` = time, `{}` = zone.
    pub scheduled_on: &'static str,
    /// `{}` day, `{}` time, `{}` how long ago ("Sat 28 Nov", "20:00", "2 days").
    pub scheduled_past: &'static str,
    /// `{}` = time: the scheduled start is this minute.
    pub scheduled_now: &'static str,
    /// `{}` minutes (short).
    pub minutes_short: &'static str,
    /// `{}` hours (short).
    pub hours_short: &'static str,
    /// `{}` days.
    pub days: &'static str,
    /// After the end, `{}` = running time.
    pub show_ended: &'static str,
    /// `{}` = elapsed, `{}` = planned total.
    pub show_clock: &'static str,
    /// `{}` = amount behind.
    pub behind_plan: &'static str,
    /// `{}` = amount ahead.
    pub ahead_of_plan: &'static str,
    /// Exactly on plan.
    pub on_plan: &'static str,
    /// `{}` = projected end, `{}` = window min, `{}` = window max.
    pub projected_end: &'static str,
    /// `{}` = how far short of the minimum.
    pub window_short: &'static str,
    /// `{}` = how far past the maximum.
    pub window_long: &'static str,
    /// Label before the next segment.
    pub next: &'static str,
    /// `{}` = time until the next segment.
    pub starts_in: &'static str,
    /// Next segment should already have started.
    pub starts_now: &'static str,
    /// No next segment.
    pub last_segment: &'static str,
    /// Product card title.
    pub product: &'static str,
    /// `{}` = discount code.
    pub code: &'static str,
    /// Segment counter, `{}` = n, `{}` = total.
    pub segment_of: &'static str,

    // Question card.
    /// Card title.
    pub next_question: &'static str,
    /// `{}` = times asked.
    pub times_asked: &'static str,
    /// `{}` = more questions queued.
    pub more_queued: &'static str,
    /// Empty queue.
    pub no_questions: &'static str,
    /// `{}` = number of other askers not listed.
    pub and_more: &'static str,
    /// Tag on a question collected before the show.
    pub from_sticker: &'static str,
    /// More people asked while the question was on the card: `{}` = how many.
    pub more_asking: &'static str,
    /// Before the card's question when the producer put it up next or pinned it.
    pub card_up_next: &'static str,

    // The producer's question panel.
    /// Panel title.
    pub q_title: &'static str,
    /// `{}` open, `{}` answered, `{}` skipped, `{}` dismissed.
    pub q_counts: &'static str,
    /// Filter: queued and up next (and those waiting for their segment).
    pub q_filter_open: &'static str,
    /// Filter: answered.
    pub q_filter_answered: &'static str,
    /// Filter: skipped.
    pub q_filter_skipped: &'static str,
    /// Filter: dismissed.
    pub q_filter_dismissed: &'static str,
    /// Filter: every question.
    pub q_filter_all: &'static str,
    /// Origin filter: both.
    pub q_origin_both: &'static str,
    /// Origin filter: collected before the show.
    pub q_origin_planned: &'static str,
    /// Origin filter: asked in the live comments.
    pub q_origin_live: &'static str,
    /// Hint in the empty search field.
    pub q_search_hint: &'static str,
    /// Questions that arrived while the list held still: `{}` = how many.
    pub q_new_marker: &'static str,
    /// Nothing passes the filters.
    pub q_empty: &'static str,
    /// Row tag: pinned.
    pub q_tag_pinned: &'static str,
    /// Row tag: up next.
    pub q_tag_up_next: &'static str,
    /// Row tag: collected before the show.
    pub q_tag_planned: &'static str,
    /// Row tag: waits for its segment, `{}` = the segment.
    pub q_tag_waits: &'static str,
    /// Row tag: tied to the segment on air.
    pub q_tag_this_segment: &'static str,
    /// Row tag: answered, `{}` = show time.
    pub q_tag_answered: &'static str,
    /// Row tag: skipped.
    pub q_tag_skipped: &'static str,
    /// Row tag: dismissed.
    pub q_tag_dismissed: &'static str,
    /// Row tag: merged into another entry.
    pub q_tag_merged: &'static str,
    /// Row tag: marked for a follow-up.
    pub q_tag_follow_up: &'static str,
    /// Row tag: the producer reworded it.
    pub q_tag_edited: &'static str,
    /// Hover text on a reworded question: `{}` = as asked.
    pub q_original: &'static str,
    /// `{}` = the askers.
    pub q_asked_by: &'static str,
    /// Heading of the parts that can be split off.
    pub q_parts: &'static str,
    /// Answered/skipped/dismissed at `{}` show time in `{}` segment.
    pub q_handled_at: &'static str,
    /// Nothing selected.
    pub q_select_hint: &'static str,
    /// Button: put up next.
    pub q_up_next: &'static str,
    /// Button: mark answered.
    pub q_mark_answered: &'static str,
    /// Button: skip.
    pub q_skip: &'static str,
    /// Button: dismiss.
    pub q_dismiss: &'static str,
    /// Button: back into the queue.
    pub q_requeue: &'static str,
    /// Button: pin.
    pub q_pin: &'static str,
    /// Button: unpin.
    pub q_unpin: &'static str,
    /// Button: move up.
    pub q_move_up: &'static str,
    /// Button: move down.
    pub q_move_down: &'static str,
    /// Button: edit the wording.
    pub q_edit: &'static str,
    /// Label of the wording field.
    pub q_wording: &'static str,
    /// Button: save the wording.
    pub q_save: &'static str,
    /// Button: back to the wording as asked.
    pub q_reset_wording: &'static str,
    /// Button: cancel editing or merging.
    pub q_cancel: &'static str,
    /// Button: start merging the selected question into another.
    pub q_merge: &'static str,
    /// Button: merge into the selected question.
    pub q_merge_here: &'static str,
    /// While merging: `{}` = the question that will join.
    pub q_merging: &'static str,
    /// Button: split a part off.
    pub q_split: &'static str,
    /// Button: mark for a follow-up (also on comments).
    pub q_follow_up: &'static str,
    /// Button: take the follow-up mark off.
    pub q_unfollow: &'static str,
    /// Button: undo the newest change.
    pub q_undo: &'static str,
    /// The panel's keys.
    pub q_keys: &'static str,

    // Segment kinds and cue actions, as the host screen names them.
    /// Warm-up segment.
    pub kind_warm_up: &'static str,
    /// Content segment.
    pub kind_content: &'static str,
    /// Q&A segment.
    pub kind_q_and_a: &'static str,
    /// Guest segment.
    pub kind_guest: &'static str,
    /// Product segment.
    pub kind_product: &'static str,
    /// Closing segment.
    pub kind_closing: &'static str,
    /// Cue: invite a guest; `{}` = handle, `{}` = name.
    pub cue_invite: &'static str,
    /// Cue: share media; `{}` = media id, `{}` = caption.
    pub cue_share: &'static str,
    /// Cue: mention an offer; `{}` = product, `{}` = code.
    pub cue_offer: &'static str,
    /// Cue: mention an offer without a code; `{}` = product.
    pub cue_offer_no_code: &'static str,
    /// Cue: call to action; `{}` = text.
    pub cue_call_to_action: &'static str,

    // Cue banner.
    /// Banner label.
    pub cue: &'static str,
    /// `{}` = topics.
    pub topics: &'static str,
    /// Between items of a list (topics).
    pub list_separator: &'static str,

    // Comment feed.
    /// Feed title.
    pub comments: &'static str,
    /// `{}` = comments per minute.
    pub per_minute: &'static str,
    /// `{}` = number of new comments below.
    pub new_comments: &'static str,
    /// A collapsed run of hidden comments: `{}` = count, `{}` = reasons.
    pub hidden_run: &'static str,
    /// Prefix of a greyed hidden comment: `{}` = reasons.
    pub hidden_because: &'static str,
    /// The word that hid a comment: `{}` = word.
    pub matched_word: &'static str,
    /// No comments yet.
    pub no_comments: &'static str,
    /// Badge: question.
    pub badge_question: &'static str,
    /// Badge: guest.
    pub badge_guest: &'static str,
    /// Badge: highlighted user.
    pub badge_highlight: &'static str,
    /// Badge: mentions the host.
    pub badge_mention: &'static str,

    // Status bar.
    /// No source connected.
    pub source_none: &'static str,
    /// `{}` = source name.
    pub source_connecting: &'static str,
    /// `{}` = source name.
    pub source_live: &'static str,
    /// `{}` = source name.
    pub source_waiting: &'static str,
    /// `{}` = source name, `{}` = time.
    pub source_rate_limited: &'static str,
    /// `{}` = source name, `{}` = attempt, `{}` = reason.
    pub source_reconnecting: &'static str,
    /// `{}` = source name.
    pub source_token_expired: &'static str,
    /// `{}` = source name, `{}` = permission.
    pub source_permission: &'static str,
    /// `{}` = source name.
    pub source_ended: &'static str,
    /// `{}` = source name, `{}` = reason.
    pub source_failed: &'static str,
    /// The source waits because the screen is not keeping up.
    pub source_behind: &'static str,
    /// Journal off.
    pub journal_off: &'static str,
    /// Journal waiting for the first event.
    pub journal_waiting: &'static str,
    /// `{}` = events safely on disk.
    pub journal_saved: &'static str,
    /// `{}` = error.
    pub journal_failed: &'static str,
    /// Audio ready.
    pub audio_ok: &'static str,
    /// Audio starting.
    pub audio_starting: &'static str,
    /// `{}` = reason.
    pub audio_off: &'static str,
    /// Chimes muted.
    pub audio_muted: &'static str,
    /// Why there is no sound when the app was started without it.
    pub audio_silent: &'static str,
    /// No audio device: `{}` = the audio library's words (English; a language may
    /// leave them out).
    pub audio_no_device: &'static str,
    /// Key hints in the status bar.
    pub key_hints: &'static str,

    // Producer window (host view detached).
    /// Rundown heading.
    pub rundown: &'static str,
    /// Shown in the main window while the host view is detached.
    pub host_detached_note: &'static str,

    // Screens.
    /// The on-air screen's name in the screen bar.
    pub screen_on_air: &'static str,
    /// The summary screen's name in the screen bar.
    pub screen_summary: &'static str,
    /// The pre-flight screen's name in the screen bar.
    pub screen_preflight: &'static str,
    /// The report screen's name in the screen bar.
    pub screen_report: &'static str,
    /// The plan editor's strings.
    pub editor: &'static EditorTexts,

    // The report screen.
    /// No show to report on yet.
    pub report_none: &'static str,
    /// While the report is made.
    pub report_making: &'static str,
    /// `{}` = why the report could not be made.
    pub report_failed: &'static str,
    /// Heading of the list of shows.
    pub report_shows: &'static str,
    /// The show open now, in the list.
    pub report_this_show: &'static str,
    /// `{}` ran, `{}` planned, `{}` received, `{}` shown, `{}` hidden, `{}` commenters,
    /// `{}` answered, `{}` questions left.
    pub report_headline: &'static str,
    /// `{}` minute, `{}` comments, `{}` segment: the busiest minute.
    pub report_peak: &'static str,
    /// The journal was made with another version of the plan.
    pub report_other_plan: &'static str,
    /// `{}` upload, `{}` ticked of `{}` items: pre-flight in one line.
    pub report_preflight: &'static str,
    /// No speed test.
    pub report_not_tested: &'static str,
    /// Went live although pre-flight was not passed.
    pub report_went_anyway: &'static str,
    /// Button: make the report again.
    pub report_refresh: &'static str,
    /// Button: export into the show's folder.
    pub report_export: &'static str,
    /// Button: export into a folder chosen in a dialog.
    pub report_export_to: &'static str,
    /// `{}` = the folder written.
    pub report_exported: &'static str,
    /// `{}` = why the export failed.
    pub report_export_failed: &'static str,
    /// The chart's x axis.
    pub report_minute_axis: &'static str,
    /// The chart's y axis and the comments column.
    pub report_comments_axis: &'static str,
    /// The over/under column.
    pub report_over: &'static str,
    /// `{}` = how many to follow up.
    pub report_followups: &'static str,
    /// An empty list.
    pub report_nothing: &'static str,
    /// Marked by the producer for a follow-up.
    pub report_marked: &'static str,
    /// A complaint or order problem.
    pub report_complaint: &'static str,
    /// A question nobody answered.
    pub report_unanswered: &'static str,
    /// `{}` questions, `{}` answered, `{}` skipped, `{}` left.
    pub report_questions: &'static str,
    /// Words heading.
    pub report_words: &'static str,
    /// `{}` = distinct commenters.
    pub report_commenters: &'static str,
    /// Button on the summary: open the report.
    pub summary_report: &'static str,

    // The pre-flight screen.
    /// Heading before the show.
    pub pf_heading: &'static str,
    /// Network heading.
    pub pf_network: &'static str,
    /// Button: run the speed test.
    pub pf_run_test: &'static str,
    /// Button: run it again.
    pub pf_test_again: &'static str,
    /// Button: stop a running test.
    pub pf_cancel_test: &'static str,
    /// Phase names while the test runs.
    pub pf_phase_latency: &'static str,
    /// Download phase.
    pub pf_phase_download: &'static str,
    /// Upload phase.
    pub pf_phase_upload: &'static str,
    /// `{}` = live megabits per second.
    pub pf_live_mbps: &'static str,
    /// `{}` download, `{}` idle latency, `{}` jitter (all formatted).
    pub pf_figures: &'static str,
    /// `{}` = latency under load.
    pub pf_loaded_latency: &'static str,
    /// `{}` = server, `{}` = time of the test.
    pub pf_tested: &'static str,
    /// `{}` = server.
    pub pf_server: &'static str,
    /// This computer heading.
    pub pf_this_computer: &'static str,
    /// Button: read do-not-disturb again.
    pub pf_check_dnd: &'static str,
    /// While it is read.
    pub pf_checking_dnd: &'static str,
    /// Button: the host confirms do-not-disturb by hand.
    pub pf_confirm_dnd: &'static str,
    /// Checklist heading.
    pub pf_checklist: &'static str,
    /// `{}` ticked of `{}`.
    pub pf_ticked: &'static str,
    /// Key help under the checklist.
    pub pf_checklist_keys: &'static str,
    /// Button: go live (verdict go).
    pub pf_go: &'static str,
    /// Button: go live although the verdict is no-go.
    pub pf_go_anyway: &'static str,
    /// The verdict word for go.
    pub pf_verdict_go: &'static str,
    /// The verdict word for no-go.
    pub pf_verdict_no_go: &'static str,
    /// `{}` = when the host went live.
    pub pf_went_live: &'static str,
    /// `{}` = when the host went live although it was no-go.
    pub pf_went_live_anyway: &'static str,
    /// Go-anyway confirmation: title.
    pub go_anyway_title: &'static str,
    /// Go-anyway confirmation: before the list of open items.
    pub go_anyway_body: &'static str,
    /// Go-anyway confirmation: stay in pre-flight.
    pub go_anyway_no: &'static str,

    /// Heading of the host screen once the show has ended.
    pub show_over: &'static str,
    /// `{}` = the key of the summary screen.
    pub see_summary: &'static str,

    // The summary screen.
    /// Heading once the show has ended.
    pub summary_ended: &'static str,
    /// Heading while the show runs.
    pub summary_so_far: &'static str,
    /// `{}` = running time, `{}` = planned total.
    pub summary_running_time: &'static str,
    /// `{}` = time over plan.
    pub summary_over: &'static str,
    /// `{}` = time under plan.
    pub summary_under: &'static str,
    /// Within a second of the plan.
    pub summary_on_time: &'static str,
    /// `{}`–`{}` = the target window.
    pub summary_in_window: &'static str,
    /// `{}` of `{}` cues fired.
    pub summary_cues: &'static str,
    /// Button: start the next show.
    pub summary_new_show: &'static str,
    /// Segments heading.
    pub summary_segments: &'static str,
    /// Segment column heading.
    pub summary_segment: &'static str,
    /// Planned column heading.
    pub summary_planned: &'static str,
    /// Actual column heading.
    pub summary_actual: &'static str,
    /// A segment that never went on air.
    pub summary_skipped: &'static str,
    /// `{}` = how many times a segment went on air.
    pub summary_runs: &'static str,
    /// Comments heading.
    pub summary_comments: &'static str,
    /// `{}` received, `{}` shown, `{}` hidden.
    pub summary_comment_counts: &'static str,
    /// Questions heading.
    pub summary_questions: &'static str,
    /// `{}` answered, `{}` skipped, `{}` left.
    pub summary_question_counts: &'static str,
    /// Heading of the questions nobody answered.
    pub summary_left: &'static str,
    /// After the question counts when some were dismissed: `{}` = how many.
    pub summary_dismissed: &'static str,
    /// Heading of what was marked for a follow-up.
    pub summary_follow_ups: &'static str,

    // Resuming after a crash.
    /// "Resumed after 0:12 — 20:31:07": how long nothing was saved, and when.
    pub resumed_notice: &'static str,
    /// Button: leave the resumed show for a new one.
    pub start_new_show_instead: &'static str,
    /// `{}` = why an unfinished show was not continued.
    pub not_resumed: &'static str,
    /// Button: hide the resumed notice.
    pub dismiss_notice: &'static str,
    /// New-show confirmation: title.
    pub new_show_confirm_title: &'static str,
    /// New-show confirmation: what happens.
    pub new_show_confirm_body: &'static str,
    /// New-show confirmation: the button that starts it.
    pub new_show_confirm_yes: &'static str,

    // Pre-flight: the comment source's token.
    /// Card heading.
    pub pf_comment_source: &'static str,
    /// Check the token again.
    pub pf_check_token: &'static str,

    // Private replies (the producer's feed).
    /// The feed menu's entry that opens the reply dialog.
    pub reply_privately: &'static str,
    /// Reply dialog title; the commenter's handle.
    pub reply_title: &'static str,
    /// Reply dialog: the saved replies' heading.
    pub reply_saved: &'static str,
    /// Reply dialog: the typed reply's label.
    pub reply_typed: &'static str,
    /// Reply dialog: send the chosen reply.
    pub reply_send: &'static str,
    /// Reply dialog: close.
    pub reply_close: &'static str,
    /// Reply dialog: the plan has no saved replies.
    pub reply_no_saved: &'static str,
    /// Reply dialog: Instagram's rules.
    pub reply_instagram_rules: &'static str,
    /// Reply dialog: Facebook's rules.
    pub reply_facebook_rules: &'static str,
    /// Reply dialog: why nothing can be hidden on Instagram.
    pub reply_instagram_no_hide: &'static str,
    /// Reply dialog: hide the comment on the Facebook live.
    pub reply_hide_facebook: &'static str,
    /// Reply dialog: on its way.
    pub reply_sending: &'static str,
    /// Reply dialog: sent; the saved reply's id or "typed".
    pub reply_sent: &'static str,
    /// Reply dialog: Meta says the viewer had their private reply.
    pub reply_already_answered: &'static str,
    /// Reply dialog: too late (the live ended, or 7 days passed).
    pub reply_too_late: &'static str,
    /// Reply dialog: a permission is missing; its name.
    pub reply_permission_missing: &'static str,
    /// Reply dialog: the token was refused; Meta's words.
    pub reply_token_refused: &'static str,
    /// Reply dialog: any other failure; Meta's words.
    pub reply_failed: &'static str,
    /// Reply dialog: the comment is hidden on Facebook.
    pub reply_hidden_on_facebook: &'static str,

    // Source dialog problems, in the dialog's words.
    /// Instagram chosen without the account's id.
    pub source_needs_ig_user_id: &'static str,
    /// An account id that is not digits.
    pub source_bad_ig_user_id: &'static str,
    /// Facebook (a Page's live) chosen without the Page's id.
    pub source_needs_fb_page_id: &'static str,
    /// A Page id that is not digits.
    pub source_bad_fb_page_id: &'static str,

    // The local API (`--serve`), in the producer window.
    /// Heading of the phone / Stream Deck / overlay section.
    pub remote_heading: &'static str,
    /// What the link is for.
    pub remote_note: &'static str,
    /// Alt text of the QR code.
    pub remote_qr: &'static str,
    /// The producer window's switch that starts and stops the local API.
    pub remote_serve: &'static str,
    /// The switch could not serve: {address}, {why}.
    pub remote_serve_failed: &'static str,
    /// Under the switch: it serves this computer only; how to reach a phone.
    pub remote_local_only: &'static str,
    /// The box that serves other devices on the network too.
    pub remote_lan: &'static str,
    /// Said while that box is ticked: who can then run the show.
    pub remote_lan_warning: &'static str,
    /// Button: pin the link's token for later runs.
    pub remote_keep_link: &'static str,
    /// Said instead of the button while the link is pinned.
    pub remote_link_kept: &'static str,
    /// Button: a fresh link (the old one stops working), not pinned.
    pub remote_new_link: &'static str,
    /// The keychain could not read or keep the link: {why}.
    pub remote_keychain_failed: &'static str,
    /// The kept link could not be read at serve time: {why}.
    pub remote_keychain_read_failed: &'static str,
    /// "New link" could not forget the kept one: {why}.
    pub remote_keychain_forget_failed: &'static str,
    /// No random token for "New link": {why}.
    pub remote_new_link_failed: &'static str,

    // Phase names for screen readers and tests.
    /// Overtime prefix.
    pub overtime_sign: &'static str,

    // Why the filter hid a comment, in the feed (the journal keeps `spam_link` ...).
    /// Reason: a word from the plan's hidden words.
    pub reason_hidden_word: &'static str,
    /// Reason: an offensive word.
    pub reason_offensive: &'static str,
    /// Reason: a link.
    pub reason_spam_link: &'static str,
    /// Reason: the same viewer repeating.
    pub reason_spam_repeat: &'static str,
    /// Reason: too many comments too fast.
    pub reason_spam_flood: &'static str,
    /// Reason: a known spam phrase.
    pub reason_spam_phrase: &'static str,
    /// Reason: all capitals.
    pub reason_caps: &'static str,
    /// Reason: nothing but emoji.
    pub reason_emoji_flood: &'static str,
    /// Reason: a blocked viewer.
    pub reason_blocked_user: &'static str,

    // Dates.
    /// Short weekday names, Monday first.
    pub weekdays: [&'static str; 7],
    /// Short month names, January first.
    pub months: [&'static str; 12],
    /// How a day is written.
    pub date_style: DateStyle,

    // Pre-flight's checks, as the screen words them (the CLI keeps core's English).
    /// Row: the upload.
    pub pf_row_upload: &'static str,
    /// Row: this computer's do-not-disturb.
    pub pf_row_dnd: &'static str,
    /// Row: the comment source's token; `{}` = Instagram or Facebook.
    pub pf_row_token: &'static str,
    /// Token row: asking the platform now.
    pub pf_token_checking: &'static str,
    /// Token row: the check could not start.
    pub pf_token_failed: &'static str,
    /// Token row: the platform refused the token.
    pub pf_token_refused: &'static str,
    /// Token row: the platform could not be asked.
    pub pf_token_not_checked: &'static str,
    /// Token row: `{}` = the missing permissions.
    pub pf_token_missing: &'static str,
    /// Token row: the token reads nothing of the source.
    pub pf_token_cannot_read: &'static str,
    /// Token row: all it needs.
    pub pf_token_ready: &'static str,
    /// While the speed test runs.
    pub pf_testing: &'static str,
    /// No speed test yet.
    pub pf_not_tested: &'static str,
    /// What to do without a speed test.
    pub pf_not_tested_advice: &'static str,
    /// The speed test failed.
    pub pf_test_failed: &'static str,
    /// Do-not-disturb not read yet.
    pub pf_dnd_not_checked: &'static str,
    /// Do-not-disturb confirmed by the host.
    pub pf_dnd_by_hand: &'static str,
    /// `{}` = how it was read.
    pub pf_dnd_on: &'static str,
    /// `{}` = how it was read.
    pub pf_dnd_off: &'static str,
    /// What to do when it is off.
    pub pf_dnd_off_advice: &'static str,
    /// The computer could not tell.
    pub pf_dnd_unknown: &'static str,
    /// What to do then; `{}` = what the computer said (the probe's English; a language
    /// may leave it out, the screen shows it on hover too).
    pub pf_dnd_unknown_advice: &'static str,
    /// Upload far too slow: `{}` upload, `{}` needed, `{}` the video's most.
    pub pf_upload_too_slow: &'static str,
    /// Upload under the threshold: `{}` upload, `{}` needed, `{}` the video's most.
    pub pf_upload_under: &'static str,
    /// Enough, but the delay under load is high: `{}` upload, `{}` delay in ms.
    pub pf_upload_loaded: &'static str,
    /// Enough: `{}` upload, `{}` needed.
    pub pf_upload_enough: &'static str,
    /// Verdict: every check passed.
    pub pf_verdict_passed: &'static str,
    /// Verdict: go, `{}` = the warnings.
    pub pf_verdict_warnings: &'static str,
    /// One warning.
    pub pf_one_warning: &'static str,
    /// `{}` warnings.
    pub pf_warnings: &'static str,
    /// Verdict: no-go, `{}` = what is open.
    pub pf_verdict_open: &'static str,
    /// Verdict: no-go, `{}` `{}` = the first two open, `{}` = how many more.
    pub pf_verdict_open_more: &'static str,
    /// Between open items in the verdict.
    pub pf_open_separator: &'static str,
    /// An open checklist item: `{}` = the item.
    pub pf_not_ticked: &'static str,
    /// An open check: `{}` = the check, `{}` = what was found.
    pub pf_open_check: &'static str,
    /// The upload, inside a sentence.
    pub pf_open_upload: &'static str,
    /// Do-not-disturb, inside a sentence.
    pub pf_open_dnd: &'static str,

    // `livecue rundown`, which follows the locale (its other messages stay English).
    /// `{}` = the goal.
    pub rundown_goal: &'static str,
    /// `{}` = the goal, `{}` = its summary.
    pub rundown_goal_summary: &'static str,
    /// Goal kinds: engagement, sales, credibility.
    pub rundown_goal_kinds: [&'static str; 3],
    /// `{}` date, `{}` time, `{}` time zone.
    pub rundown_scheduled: &'static str,
    /// `{}` planned total, `{}`–`{}` the target window.
    pub rundown_planned: &'static str,
    /// Column headings: #, start, length, kind, segment, cues.
    pub rundown_columns: [&'static str; 6],
    /// Segment kinds in the table: warm-up, content, Q&A, guest, product, closing.
    pub rundown_kinds: [&'static str; 6],
    /// Cue: `{}` handle, `{}` name.
    pub rundown_invite_named: &'static str,
    /// Cue: `{}` handle.
    pub rundown_invite: &'static str,
    /// Cue: `{}` media id, `{}` caption.
    pub rundown_share_captioned: &'static str,
    /// Cue: `{}` media id.
    pub rundown_share: &'static str,
    /// Cue: `{}` product, `{}` code.
    pub rundown_offer_code: &'static str,
    /// Cue: `{}` product.
    pub rundown_offer: &'static str,
    /// Cue: `{}` text.
    pub rundown_call_to_action: &'static str,
    /// `{}` = how many.
    pub rundown_questions: &'static str,
    /// `{}` handle, `{}` name, `{}` topics (with their lead-in, or empty).
    pub rundown_guest: &'static str,
    /// Before a guest's topics: `{}` = the topics.
    pub rundown_topics: &'static str,
    /// `{}` name, `{}` price, `{}` code (with its lead-in, or empty).
    pub rundown_product: &'static str,
    /// A product's code: `{}` = the code.
    pub rundown_code: &'static str,
    /// `{}` = how many items.
    pub rundown_checklist: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::Reason;

    /// `field: "value"` pairs of a catalogue, from its `Debug` form.
    fn entries(texts: &Texts) -> Vec<(String, String)> {
        format!("{texts:#?}")
            .lines()
            .filter_map(|line| {
                let (key, value) = line.trim().split_once(": \"")?;
                Some((key.to_owned(), value.trim_end_matches(',').to_owned()))
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let en = entries(&EN);
        let zh = entries(&ZH_TW);
        assert!(en.len() > 300, "{}", en.len());
        assert_eq!(en.len(), zh.len());
        for ((key, en_value), (zh_key, zh_value)) in en.iter().zip(&zh) {
            assert_eq!(key, zh_key);
            if key == "pf_dnd_unknown_advice" || key == "audio_no_device" {
                // An English detail from the system: Chinese leaves it out (the
                // do-not-disturb one shows on hover).
                continue;
            }
            assert_eq!(
                en_value.matches("{}").count(),
                zh_value.matches("{}").count(),
                "{key}: {en_value} / {zh_value}"
            );
            assert!(!zh_value.trim_matches('"').is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn days_are_written_the_languages_way() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(EN.day(day), "Sat 28 Nov");
        assert_eq!(ZH_TW.day(day), "週六 11/28");
    }

    #[test]
    fn hidden_reasons_are_words() {
        assert_eq!(
            ZH_TW.reasons(&[Reason::SpamLink, Reason::Caps]),
            "連結、全大寫"
        );
        assert_eq!(
            EN.reasons(&[Reason::SpamLink, Reason::Caps]),
            "link, capitals"
        );
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(
            fill(EN.show_clock, &["23:41", "62:00"]),
            "show 23:41 / 62:00"
        );
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
        assert_eq!(fill("none", &["x"]), "none");
    }
}
