//! The plan editor's strings: a catalogue of their own, so each language sets the
//! editor's texts in one line of its `Texts`.

/// The plan editor's strings.
#[derive(Debug)]
pub struct EditorTexts {
    /// The editor's name in the screen bar.
    pub screen: &'static str,
    /// Why a rehearsal or another plan's show cannot start now.
    pub on_air: &'static str,
    /// The screen bar's mark while a rehearsal runs; `{}` = its speed.
    pub rehearsal_mark: &'static str,
    /// A rehearsal in the report's list of shows; `{}` = its speed.
    pub rehearsal_listed: &'static str,
    /// Tab: the show as a whole.
    pub section_show: &'static str,
    /// Tab: the running order.
    pub section_segments: &'static str,
    /// Tab: cues.
    pub section_cues: &'static str,
    /// Tab: questions collected before the show.
    pub section_questions: &'static str,
    /// Tab: guests and products.
    pub section_people: &'static str,
    /// Tab: media to share.
    pub section_media: &'static str,
    /// Tab: the pre-live checklist.
    pub section_checklist: &'static str,
    /// Tab: the comment filter.
    pub section_filter: &'static str,
    /// Replace the draft with the chosen template.
    pub new_from_template: &'static str,
    /// Open a plan file.
    pub open: &'static str,
    /// The recent files menu.
    pub recent: &'static str,
    /// The recent files menu when empty.
    pub no_recent: &'static str,
    /// Save the plan.
    pub save: &'static str,
    /// Save the plan under a new name.
    pub save_as: &'static str,
    /// A draft never saved.
    pub untitled: &'static str,
    /// Marks unsaved changes.
    pub unsaved: &'static str,
    /// After opening; `{}` = the file.
    pub opened: &'static str,
    /// After saving; `{}` = the file.
    pub saved: &'static str,
    /// Saving failed; `{}` = why.
    pub save_failed: &'static str,
    /// After a new plan from a template; `{}` = template, `{}` = language.
    pub made_from_template: &'static str,
    /// After an import; `{}` = how many.
    pub imported_questions: &'static str,
    /// Why the show or a rehearsal cannot start.
    pub fix_errors_first: &'static str,
    /// Why an untitled plan cannot be the show's.
    pub save_before_show: &'static str,
    /// The unsaved-changes question; `{}` = the file.
    pub unsaved_question: &'static str,
    /// Go on without saving.
    pub discard: &'static str,
    /// Close the question and keep editing.
    pub keep_editing: &'static str,
    /// Saving over a hand-written file with comments.
    pub comments_will_go: &'static str,
    /// Save over the file without its comments.
    pub save_anyway: &'static str,
    /// Before the rehearsal speeds.
    pub rehearse: &'static str,
    /// A rehearsal speed button; `{}` = the speed.
    pub rehearse_at: &'static str,
    /// Run the show with this plan.
    pub start_show: &'static str,
    /// Heading of the problems list; `{}` = how many.
    pub problems: &'static str,
    /// When the plan has none.
    pub no_problems: &'static str,
    /// The running time; `{}` = total, `{}`–`{}` = the window.
    pub running_time: &'static str,
    /// When the total is inside the window.
    pub inside_window: &'static str,
    /// Field: the title.
    pub title: &'static str,
    /// Field: the goal.
    pub goal: &'static str,
    /// Goal: engagement.
    pub goal_engagement: &'static str,
    /// Goal: sales.
    pub goal_sales: &'static str,
    /// Goal: credibility.
    pub goal_credibility: &'static str,
    /// Goal: another, named.
    pub goal_custom: &'static str,
    /// Field: what success looks like.
    pub goal_summary: &'static str,
    /// Field: the host's handle.
    pub host: &'static str,
    /// Hint in the host field.
    pub host_hint: &'static str,
    /// Field: when the show starts.
    pub scheduled: &'static str,
    /// Whether the show has a start time.
    pub scheduled_on: &'static str,
    /// The start in UTC; `{}` = it.
    pub scheduled_utc: &'static str,
    /// A date that does not read; `{}` = what was typed.
    pub bad_date: &'static str,
    /// A time that does not read; `{}` = what was typed.
    pub bad_time: &'static str,
    /// Field: the running-time window.
    pub target: &'static str,
    /// Under the segments tab's title.
    pub segments_hint: &'static str,
    /// Hover text of a row's handle.
    pub drag_to_reorder: &'static str,
    /// Select a segment's row; `{}` = its number.
    pub details_of: &'static str,
    /// Duplicate a segment; `{}` = its number.
    pub duplicate_n: &'static str,
    /// Delete a segment; `{}` = its number.
    pub delete_n: &'static str,
    /// Add a segment.
    pub add_segment: &'static str,
    /// A new segment's title.
    pub new_segment_title: &'static str,
    /// Heading of a segment's details; `{}` = number, `{}` = title.
    pub segment_details: &'static str,
    /// Field: a segment's id.
    pub segment_id: &'static str,
    /// Hint in the id field.
    pub segment_id_hint: &'static str,
    /// Field: a segment's duration.
    pub duration: &'static str,
    /// Field: talking points.
    pub talking_points: &'static str,
    /// Field: notes for the producer.
    pub notes: &'static str,
    /// Field: warning and danger times.
    pub thresholds: &'static str,
    /// Before the warning time.
    pub warning_at: &'static str,
    /// Before the danger time.
    pub danger_at: &'static str,
    /// End action: hold.
    pub end_hold: &'static str,
    /// End action: next.
    pub end_next: &'static str,
    /// Segment kind.
    pub kind_warm_up: &'static str,
    /// Segment kind.
    pub kind_content: &'static str,
    /// Segment kind.
    pub kind_q_and_a: &'static str,
    /// Segment kind.
    pub kind_guest: &'static str,
    /// Segment kind.
    pub kind_product: &'static str,
    /// Segment kind.
    pub kind_closing: &'static str,
    /// Field: a segment's guest.
    pub guest: &'static str,
    /// Field: a segment's product.
    pub product: &'static str,
    /// No guest or product.
    pub none: &'static str,
    /// A cue's number; `{}` = it.
    pub cue_n: &'static str,
    /// Cue at a show time.
    pub cue_show_time: &'static str,
    /// Cue into a segment.
    pub cue_into_segment: &'static str,
    /// Cue action.
    pub cue_invite_guest: &'static str,
    /// Cue action.
    pub cue_share_media: &'static str,
    /// Cue action.
    pub cue_mention_offer: &'static str,
    /// Cue action.
    pub cue_call_to_action: &'static str,
    /// Cue action.
    pub cue_custom: &'static str,
    /// Chime with the cue.
    pub cue_sound: &'static str,
    /// Delete a cue; `{}` = its number.
    pub delete_cue_n: &'static str,
    /// Add a cue.
    pub add_cue: &'static str,
    /// Hint in a question's text.
    pub question_text_hint: &'static str,
    /// Hint in the asker field.
    pub asker_hint: &'static str,
    /// Priority.
    pub priority_high: &'static str,
    /// Priority.
    pub priority_normal: &'static str,
    /// Priority.
    pub priority_low: &'static str,
    /// Question source.
    pub source_sticker: &'static str,
    /// Question source.
    pub source_dm: &'static str,
    /// Question source.
    pub source_comment: &'static str,
    /// A question not tied to a segment.
    pub any_segment: &'static str,
    /// A question's number; `{}` = it.
    pub question_n: &'static str,
    /// Delete a question; `{}` = its number.
    pub delete_question_n: &'static str,
    /// Add a question.
    pub add_question: &'static str,
    /// Heading of the import.
    pub import_questions: &'static str,
    /// How to import.
    pub import_hint: &'static str,
    /// Import what was pasted.
    pub import_pasted: &'static str,
    /// Import a CSV or TXT file.
    pub import_file: &'static str,
    /// Heading: guests.
    pub guests: &'static str,
    /// Hint: a handle.
    pub handle_hint: &'static str,
    /// Hint: a name.
    pub name_hint: &'static str,
    /// Delete a guest; `{}` = its number.
    pub delete_guest_n: &'static str,
    /// Add a guest.
    pub add_guest: &'static str,
    /// Heading: products.
    pub products: &'static str,
    /// Hint: an id.
    pub id_hint: &'static str,
    /// Hint: a price.
    pub price_hint: &'static str,
    /// Hint: a link.
    pub link_hint: &'static str,
    /// Hint: a discount code.
    pub code_hint: &'static str,
    /// Delete a product; `{}` = its number.
    pub delete_product_n: &'static str,
    /// Add a product.
    pub add_product: &'static str,
    /// Media paths need the plan's folder.
    pub media_save_first: &'static str,
    /// Hint: a file path.
    pub path_hint: &'static str,
    /// Hint: a caption.
    pub caption_hint: &'static str,
    /// Pick a media file; `{}` = the item's number.
    pub choose_file_n: &'static str,
    /// Delete a media item; `{}` = its number.
    pub delete_media_n: &'static str,
    /// Add a media item.
    pub add_media: &'static str,
    /// Under the checklist tab.
    pub checklist_hint: &'static str,
    /// Delete a checklist item; `{}` = its number.
    pub delete_item_n: &'static str,
    /// Add a checklist item.
    pub add_item: &'static str,
    /// Back to Instagram's guidance.
    pub reset_checklist: &'static str,
    /// Filter switch.
    pub hide_offensive: &'static str,
    /// Filter switch.
    pub hide_links: &'static str,
    /// Filter switch.
    pub hide_repeats: &'static str,
    /// Filter switch.
    pub hide_all_caps: &'static str,
    /// Filter switch.
    pub hide_emoji_floods: &'static str,
    /// How the lists are written.
    pub one_per_line: &'static str,
    /// Filter list.
    pub hidden_words: &'static str,
    /// Filter list.
    pub spam_phrases: &'static str,
    /// Filter list.
    pub blocked_users: &'static str,
    /// Filter list.
    pub highlighted_users: &'static str,
    /// Report list.
    pub followup_words: &'static str,
}

/// The plan editor in English.
pub const EDITOR_EN: EditorTexts = EditorTexts {
    screen: "Plan editor",
    on_air: "A show is on air: end it before rehearsing or switching plans",
    rehearsal_mark: "REHEARSAL {}× — not a real show",
    rehearsal_listed: "rehearsal {}×",
    section_show: "Show",
    section_segments: "Segments",
    section_cues: "Cues",
    section_questions: "Questions",
    section_people: "Guests & products",
    section_media: "Media",
    section_checklist: "Checklist",
    section_filter: "Filter",
    new_from_template: "New from template",
    open: "Open…",
    recent: "Recent",
    no_recent: "No recent files",
    save: "Save",
    save_as: "Save as…",
    untitled: "untitled plan",
    unsaved: "● unsaved changes",
    opened: "Opened {}",
    saved: "Saved {}",
    save_failed: "Could not save: {}. Nothing was lost: the plan is still here.",
    made_from_template: "New plan from the {} template ({}); save it to keep it",
    imported_questions: "Imported {} question(s)",
    fix_errors_first: "Fix the errors first: the show cannot start with them",
    save_before_show: "Save the plan first: the show's journal names its file",
    unsaved_question: "{} has unsaved changes. Save them first?",
    discard: "Discard changes",
    keep_editing: "Keep editing",
    comments_will_go: "This file has comments written by hand. livecue saves plans without comments, so they will not be kept.",
    save_anyway: "Save without the comments",
    rehearse: "Rehearse",
    rehearse_at: "{}×",
    start_show: "Use this plan for the show",
    problems: "Problems ({})",
    no_problems: "No problems: the plan passes `livecue check`.",
    running_time: "Running time {} (window {}–{})",
    inside_window: "Inside the target window",
    title: "Title",
    goal: "Goal",
    goal_engagement: "Engagement",
    goal_sales: "Sales",
    goal_credibility: "Credibility",
    goal_custom: "Other…",
    goal_summary: "What success looks like",
    host: "Host",
    host_hint: "@handle",
    scheduled: "Starts",
    scheduled_on: "Scheduled (date, time, time zone)",
    scheduled_utc: "= {}",
    bad_date: "\"{}\" is not a date: write it like 2026-12-03",
    bad_time: "\"{}\" is not a time of day: write it like 20:00",
    target: "Target window",
    segments_hint: "Drag ≡ to reorder, or select a row and press Alt+↑/↓; Ctrl+D duplicates. Durations: 12m, 12:30, 1h5m.",
    drag_to_reorder: "Drag to reorder",
    details_of: "Details {}",
    duplicate_n: "Duplicate {}",
    delete_n: "Delete {}",
    add_segment: "Add segment",
    new_segment_title: "New segment",
    segment_details: "Segment {}: {}",
    segment_id: "Id",
    segment_id_hint: "for cues and questions",
    duration: "Duration",
    talking_points: "Talking points (one per line)",
    notes: "Notes",
    thresholds: "Colours at time left",
    warning_at: "amber at",
    danger_at: "red at",
    end_hold: "Hold",
    end_next: "Next",
    kind_warm_up: "Warm-up",
    kind_content: "Content",
    kind_q_and_a: "Q&A",
    kind_guest: "Guest",
    kind_product: "Product",
    kind_closing: "Closing",
    guest: "Guest",
    product: "Product",
    none: "(none)",
    cue_n: "Cue {}",
    cue_show_time: "at show time",
    cue_into_segment: "into segment",
    cue_invite_guest: "Invite guest",
    cue_share_media: "Share media",
    cue_mention_offer: "Mention offer",
    cue_call_to_action: "Call to action",
    cue_custom: "Other",
    cue_sound: "chime",
    delete_cue_n: "Delete cue {}",
    add_cue: "Add cue",
    question_text_hint: "the question as asked",
    asker_hint: "asker",
    priority_high: "High",
    priority_normal: "Normal",
    priority_low: "Low",
    source_sticker: "Sticker",
    source_dm: "DM",
    source_comment: "Comment",
    any_segment: "(any time)",
    question_n: "Question {}",
    delete_question_n: "Delete question {}",
    add_question: "Add question",
    import_questions: "Import questions",
    import_hint: "Paste one question per line, or a CSV with a `text` column (and asker, priority, tags).",
    import_pasted: "Import pasted",
    import_file: "Import file…",
    guests: "Guests",
    handle_hint: "@handle",
    name_hint: "name",
    delete_guest_n: "Delete guest {}",
    add_guest: "Add guest",
    products: "Products",
    id_hint: "id",
    price_hint: "price",
    link_hint: "https://…",
    code_hint: "code",
    delete_product_n: "Delete product {}",
    add_product: "Add product",
    media_save_first: "Save the plan first: media paths are relative to its folder.",
    path_hint: "media/picture.png",
    caption_hint: "what to say when sharing it",
    choose_file_n: "Choose file {}…",
    delete_media_n: "Delete media {}",
    add_media: "Add media",
    checklist_hint: "Ticked on the pre-flight screen before going live.",
    delete_item_n: "Delete item {}",
    add_item: "Add item",
    reset_checklist: "Reset to Instagram's guidance",
    hide_offensive: "Hide offensive words",
    hide_links: "Hide links",
    hide_repeats: "Hide repeats and floods",
    hide_all_caps: "Hide comments in capitals",
    hide_emoji_floods: "Hide emoji floods",
    one_per_line: "One per line.",
    hidden_words: "Hidden words",
    spam_phrases: "Spam phrases",
    blocked_users: "Blocked users",
    highlighted_users: "Highlighted users",
    followup_words: "Follow-up words",
};
