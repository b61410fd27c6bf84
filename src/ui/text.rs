//! Every piece of UI text, in one place. Offering the interface in another language is
//! one more `Texts` value, not a hunt through the views.
//!
//! Templates use `{}` placeholders, filled in order by [`fill`].

/// The UI strings of one language.
#[derive(Debug)]
pub struct Texts {
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

    // Phase names for screen readers and tests.
    /// Overtime prefix.
    pub overtime_sign: &'static str,
}

/// English.
pub const EN: Texts = Texts {
    app_title: "livecue",
    host_window_title: "livecue — host screen",

    start: "Start",
    next_segment: "Next segment",
    previous_segment: "Previous",
    add_minute: "+1 min",
    remove_minute: "−1 min",
    add_half_minute: "+30 s",
    remove_half_minute: "−30 s",
    undo: "Undo",
    undo_hint: "Back to {} as it was",
    answered: "Answered",
    skip: "Skip",
    show_hidden: "Show hidden",
    hide_hidden: "Hide hidden",
    mute: "Mute",
    unmute: "Unmute",
    fullscreen: "Fullscreen",
    end_show: "End show…",
    cue_done: "Done",
    detach: "Detach host view",
    attach: "Attach host view",
    fullscreen_on_display: "Fullscreen on display {}",
    jump: "Go",
    jumped_notice: "Jumped to {} — {} undoes",
    missed_cues: "MISSED CUES",
    missed_skipped: "segment skipped",
    missed_cut_short: "segment cut short",
    fire_now: "Fire now",
    promote: "To queue",
    source_button: "Source…",
    source_title: "Comment source",
    source_help: "instagram · facebook (a Page's live) · facebook:LIVE_VIDEO_ID · replay:FILE@SPEED. Tokens come from LIVECUE_IG_TOKEN / LIVECUE_FB_TOKEN or `livecue login`.",
    source_field: "Source",
    ig_user_id_field: "Instagram user id (for instagram)",
    fb_page_id_field: "Facebook Page id (for facebook)",
    source_find_accounts: "Find my accounts",
    source_finding_accounts: "Asking Meta which Pages and Instagram accounts the token reaches…",
    source_accounts_failed: "Could not list the accounts: {}",
    source_no_accounts: "The token reaches no Page (a Page's own token cannot list Pages: store a user token for Instagram).",
    source_pick_page: "Facebook: {} ({})",
    source_pick_instagram: "Instagram: @{} ({})",
    source_missing_permissions: "The {} source still lacks {} (livecue login --help).",
    connect: "Connect",
    end_confirm_no_source: "Cancel",

    key_space: "Space",
    key_backspace: "Backspace",
    key_enter: "Enter",
    key_escape: "Esc",
    key_shift_up: "Shift+↑",
    key_shift_down: "Shift+↓",
    key_undo: "Ctrl+Z",

    end_confirm_title: "End the show?",
    end_confirm_body: "The timer stops and the session is closed. This cannot be undone.",
    end_confirm_yes: "End show",
    end_confirm_no: "Keep going",

    ready_to_start: "Ready — press Space to start",
    scheduled_start: "scheduled {} · in {}",
    scheduled_on: "scheduled {} {} ({})",
    scheduled_past: "scheduled {} {} — {} ago",
    scheduled_now: "scheduled {} · now",
    minutes_short: "{} min",
    hours_short: "{} h",
    days: "{} days",
    show_ended: "Show ended · ran {}",
    show_clock: "show {} / {}",
    behind_plan: "{} behind plan",
    ahead_of_plan: "{} ahead of plan",
    on_plan: "on plan",
    projected_end: "projected end {}  (window {}–{})",
    window_short: "{} short of the minimum",
    window_long: "{} past the maximum",
    next: "NEXT",
    starts_in: "in {}",
    starts_now: "now",
    last_segment: "last segment",
    product: "PRODUCT",
    code: "code {}",
    segment_of: "{} / {}",

    next_question: "NEXT QUESTION",
    times_asked: "×{} asked",
    more_queued: "{} more queued",
    no_questions: "No questions queued",
    and_more: "+{}",
    from_sticker: "collected before the show",
    more_asking: "+{} more asking",
    card_up_next: "UP NEXT",

    q_title: "QUESTIONS",
    q_counts: "{} open · {} answered · {} skipped · {} dismissed",
    q_filter_open: "Open",
    q_filter_answered: "Answered",
    q_filter_skipped: "Skipped",
    q_filter_dismissed: "Dismissed",
    q_filter_all: "All",
    q_origin_both: "Both",
    q_origin_planned: "Pre-collected",
    q_origin_live: "Live",
    q_search_hint: "Search question or asker  ( / )",
    q_new_marker: "{} new ↑  (Home)",
    q_empty: "No questions here",
    q_tag_pinned: "PIN",
    q_tag_up_next: "UP NEXT",
    q_tag_planned: "sticker",
    q_tag_waits: "waits for {}",
    q_tag_this_segment: "this segment",
    q_tag_answered: "answered {}",
    q_tag_skipped: "skipped",
    q_tag_dismissed: "dismissed",
    q_tag_merged: "merged",
    q_tag_follow_up: "follow up",
    q_tag_edited: "edited",
    q_original: "As asked: {}",
    q_asked_by: "Asked by {}",
    q_parts: "Merged in:",
    q_handled_at: "{} at {} in {}",
    q_select_hint: "Select a question: click it, or ↑ ↓",
    q_up_next: "Up next",
    q_mark_answered: "Mark answered",
    q_skip: "Skip question",
    q_dismiss: "Dismiss",
    q_requeue: "Back to queue",
    q_pin: "Pin",
    q_unpin: "Unpin",
    q_move_up: "Move up",
    q_move_down: "Move down",
    q_edit: "Edit wording",
    q_wording: "Wording for the host",
    q_save: "Save wording",
    q_reset_wording: "As asked",
    q_cancel: "Cancel",
    q_merge: "Merge into…",
    q_merge_here: "Merge here",
    q_merging: "Merging “{}” — pick the question it joins, then Enter (Esc cancels)",
    q_split: "Split off",
    q_follow_up: "Follow up after the show",
    q_unfollow: "No follow-up",
    q_undo: "Undo",
    q_keys: "↑↓ select · N up next · A answered · S skip · X dismiss · P pin · Shift+↑↓ move · R edit · G merge · T split · F follow-up · Ctrl+Z undo · / search · 1–5 · 7–9 filters",

    kind_warm_up: "WARM-UP",
    kind_content: "CONTENT",
    kind_q_and_a: "Q&A",
    kind_guest: "GUEST",
    kind_product: "PRODUCT",
    kind_closing: "CLOSING",
    cue_invite: "Invite @{} ({})",
    cue_share: "Share {}: {}",
    cue_offer: "Mention the offer: {} — code {}",
    cue_offer_no_code: "Mention the offer: {}",
    cue_call_to_action: "Call to action: {}",
    cue: "CUE",
    topics: "topics: {}",
    list_separator: ", ",

    comments: "COMMENTS",
    per_minute: "{} / min",
    new_comments: "{} new ↓",
    hidden_run: "{} hidden: {} — H to show",
    hidden_because: "hidden: {}",
    matched_word: " «{}»",
    no_comments: "Comments appear here",
    badge_question: "?",
    badge_guest: "★ guest",
    badge_highlight: "★",
    badge_mention: "@",

    source_none: "no comment source",
    source_connecting: "{}: connecting…",
    source_live: "{}: live",
    source_waiting: "{}: waiting for the broadcast to start",
    source_rate_limited: "{}: rate-limited until {}",
    source_reconnecting: "{}: reconnecting (attempt {}): {}",
    source_token_expired: "{}: token expired — log in again",
    source_permission: "{}: missing permission {}",
    source_ended: "{}: ended",
    source_failed: "{}: failed: {}",
    source_behind: "comments arriving faster than shown — catching up",
    journal_off: "journal off",
    journal_waiting: "journal ready",
    journal_saved: "journal ✓ {} events saved",
    journal_failed: "journal ⚠ {}",
    audio_ok: "audio ✓",
    audio_starting: "audio …",
    audio_off: "audio ⚠ {}",
    audio_muted: "audio muted",
    key_hints: "Space next · Backspace back · +/− 1 min (Shift 30 s) · A answered · S skip · H hidden · M mute · F11 fullscreen",

    rundown: "RUNDOWN",
    host_detached_note: "The host screen is in its own window. Press F11 there for fullscreen.",

    screen_on_air: "On air",
    screen_summary: "Summary",
    screen_preflight: "Pre-flight",
    screen_report: "Report",

    report_none: "No show to report on yet: its journal starts with the first event.",
    report_making: "Making the report…",
    report_failed: "The report could not be made: {}",
    report_shows: "Shows",
    report_this_show: "This show",
    report_headline: "ran {} of {} planned · {} comments ({} shown, {} hidden) from {} people · {} questions answered, {} left",
    report_peak: "Busiest minute: {} with {} comments, during {}",
    report_other_plan: "This show ran with another version of the plan: segment names may not match.",
    report_preflight: "Pre-flight: upload {} · checklist {} of {} ticked",
    report_not_tested: "not tested",
    report_went_anyway: "went live anyway",
    report_refresh: "Refresh",
    report_export: "Export",
    report_export_to: "Export to…",
    report_exported: "Written to {}",
    report_export_failed: "Not written: {}",
    report_minute_axis: "show minute",
    report_comments_axis: "comments",
    report_over: "over / under",
    report_followups: "Follow up after the show ({})",
    report_nothing: "Nothing to follow up.",
    report_marked: "marked",
    report_complaint: "complaint",
    report_unanswered: "unanswered",
    report_questions: "Questions: {} · {} answered · {} skipped · {} left",
    report_words: "Most used words",
    report_commenters: "Commenters ({})",
    summary_report: "Full report…",

    pf_heading: "Before going live",
    pf_network: "Network",
    pf_run_test: "Run speed test",
    pf_test_again: "Test again",
    pf_cancel_test: "Cancel test",
    pf_phase_latency: "Measuring latency",
    pf_phase_download: "Measuring download",
    pf_phase_upload: "Measuring upload",
    pf_live_mbps: "{} Mbps",
    pf_figures: "Download {} Mbps · latency {} ms · jitter {} ms",
    pf_loaded_latency: "under load {} ms",
    pf_tested: "Tested against {} at {}",
    pf_server: "Server: {}",
    pf_this_computer: "This computer",
    pf_check_dnd: "Check again",
    pf_checking_dnd: "Checking…",
    pf_confirm_dnd: "It is on: confirm by hand",
    pf_checklist: "Checklist",
    pf_ticked: "{} of {} ticked",
    pf_checklist_keys: "↑↓ choose · Space tick · N tick next",
    pf_go: "Go live",
    pf_go_anyway: "Go live anyway",
    pf_verdict_go: "GO",
    pf_verdict_no_go: "NO-GO",
    pf_went_live: "Went live at {}",
    pf_went_live_anyway: "Went live anyway at {}",
    go_anyway_title: "Go live anyway?",
    go_anyway_body: "These are still open or failing:",
    go_anyway_no: "Not yet",

    show_over: "The show is over",
    see_summary: "Summary: {}",
    summary_ended: "Show ended",
    summary_so_far: "The show so far",
    summary_running_time: "Ran {} of {} planned",
    summary_over: "{} over",
    summary_under: "{} under",
    summary_on_time: "on time",
    summary_in_window: "inside the {}–{} window",
    summary_cues: "{} of {} cues fired",
    summary_new_show: "Start a new show",
    summary_segments: "SEGMENTS",
    summary_segment: "segment",
    summary_planned: "planned",
    summary_actual: "actual",
    summary_skipped: "skipped",
    summary_runs: "on air {} times",
    summary_comments: "COMMENTS",
    summary_comment_counts: "{} received · {} shown · {} hidden",
    summary_questions: "QUESTIONS",
    summary_question_counts: "{} answered · {} skipped · {} left",
    summary_left: "Left for a follow-up:",
    summary_dismissed: " · {} dismissed",
    summary_follow_ups: "FOLLOW UP AFTER THE SHOW",

    resumed_notice: "Resumed after {} — {}",
    start_new_show_instead: "Start a new show instead",
    not_resumed: "Started a new show: {}",
    dismiss_notice: "OK",
    new_show_confirm_title: "Start a new show?",
    new_show_confirm_body: "The show so far stays saved in its journal. The new show starts from the top, with an empty comment feed.",
    new_show_confirm_yes: "Start a new show",

    pf_comment_source: "Comment source",
    pf_check_token: "Check the token again",
    reply_privately: "Reply privately…",
    reply_title: "Reply privately to {}",
    reply_saved: "Saved replies",
    reply_typed: "Or type a reply",
    reply_send: "Send reply",
    reply_close: "Close",
    reply_no_saved: "The plan has no saved replies (saved_replies in the plan).",
    reply_instagram_rules: "Instagram: one private reply per commenter, only while the broadcast runs. It arrives in their inbox or message requests.",
    reply_facebook_rules: "Facebook: one private reply per commenter, within 7 days of the comment, from the Page.",
    reply_instagram_no_hide: "Meta does not allow hiding or deleting Instagram live comments through its API: hide it in the Instagram app, or let livecue's filter grey it out here.",
    reply_hide_facebook: "Hide on Facebook",
    reply_sending: "Sending…",
    reply_sent: "Sent ({}).",
    reply_already_answered: "Not sent: this viewer was already answered privately (Meta allows one private reply).",
    reply_too_late: "Not sent: too late — the Instagram live has ended (or the Facebook comment is over 7 days old). {}",
    reply_permission_missing: "Not sent: the token lacks the permission {}. Make a token that grants it (livecue login --help) and store it with livecue login.",
    reply_token_refused: "Not sent: the token was refused — {}. Log in again: livecue login.",
    reply_failed: "Not sent: {}",
    reply_hidden_on_facebook: "Hidden on the Facebook live.",
    source_needs_ig_user_id: "Instagram needs the account's user id: fill in the field below (digits).",
    source_bad_ig_user_id: "The Instagram user id is digits only.",
    source_needs_fb_page_id: "Facebook (a Page's live) needs the Page's id: fill in the field below, or pick the Page with Find my accounts.",
    source_bad_fb_page_id: "The Facebook Page id is digits only.",

    overtime_sign: "+",
};

impl Texts {
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

#[cfg(test)]
mod tests {
    use super::*;

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
