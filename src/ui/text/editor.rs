//! The plan editor's strings: a catalogue of their own, so each language sets the
//! editor's texts in one line of its `Texts`.

use crate::plan::templates::Lang;

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
    /// Tab: saved replies.
    pub section_replies: &'static str,
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
    /// A problem in the list; `{}` = its tab, `{}` = what is wrong.
    pub problem_in: &'static str,
    /// The running time; `{}` = total, `{}`–`{}` = the window.
    pub running_time: &'static str,
    /// When the total is inside the window.
    pub inside_window: &'static str,
    /// A plan problem worded for the problems list and beside its field: validation's
    /// own English, or the same facts from this language's words.
    pub problem: fn(&crate::plan::Problem) -> String,
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
    /// Under the saved-replies tab: what they are, and the `{user}` placeholder.
    pub replies_hint: &'static str,
    /// A saved reply's number, naming its id field; `{}` = it.
    pub reply_n: &'static str,
    /// A saved reply's text field; `{}` = its number.
    pub reply_text_n: &'static str,
    /// Hint in an empty reply's text.
    pub reply_text_hint: &'static str,
    /// A reply as the commenter reads it; `{}` = the example handle, `{}` = the message.
    pub reply_preview: &'static str,
    /// Move a saved reply up; `{}` = its number.
    pub move_reply_up_n: &'static str,
    /// Move a saved reply down; `{}` = its number.
    pub move_reply_down_n: &'static str,
    /// Duplicate a saved reply; `{}` = its number.
    pub duplicate_reply_n: &'static str,
    /// Delete a saved reply; `{}` = its number.
    pub delete_reply_n: &'static str,
    /// Add a saved reply.
    pub add_reply: &'static str,
    /// The template variant "New from template" starts in: the interface's language.
    pub template_lang: Lang,
    /// Each bundled template as `livecue new` names it, the name shown for it (English
    /// shows the command's own name, so the menu and `livecue new --list` agree), and
    /// what it is (hover text).
    pub templates: [(&'static str, &'static str, &'static str); 4],
    /// A duration that does not read; `{}` = what was typed.
    pub bad_duration: &'static str,
    /// The open and save dialogs' file type: plans.
    pub dialog_plans: &'static str,
    /// The import dialog's file type: lists of questions.
    pub dialog_questions: &'static str,
    /// The media dialog's file type: pictures and videos.
    pub dialog_media: &'static str,
}

impl EditorTexts {
    /// The shown name and the description of the template `livecue new` calls `name`
    /// (as it is, for a template this catalogue does not know).
    pub fn template(
        &self,
        name: &'static str,
        about: &'static str,
    ) -> (&'static str, &'static str) {
        self.templates
            .iter()
            .find(|(cli, _, _)| *cli == name)
            .map_or((name, about), |(_, shown, about)| (shown, about))
    }
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
    section_replies: "Saved replies",
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
    problem_in: "{}: {}",
    running_time: "Running time {} (window {}–{})",
    inside_window: "Inside the target window",
    problem: super::problems::in_english,
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
    replies_hint: "Private replies (DMs) the producer sends a commenter from the feed, written before the show. {user} becomes the commenter's handle; there is no other placeholder.",
    reply_n: "Reply {}",
    reply_text_n: "Text of reply {}",
    reply_text_hint: "Hi {user}, …",
    reply_preview: "Preview, as @{} reads it: {}",
    move_reply_up_n: "Move reply {} up",
    move_reply_down_n: "Move reply {} down",
    duplicate_reply_n: "Duplicate reply {}",
    delete_reply_n: "Delete reply {}",
    add_reply: "Add saved reply",
    template_lang: Lang::En,
    templates: [
        (
            "product-launch",
            "product-launch",
            "product launch (sales): demo, live-only offer, Q&A, call to action — 60 min",
        ),
        (
            "expert-qa",
            "expert-qa",
            "expert Q&A with a guest (credibility): two topics, sticker and live questions — 65 min",
        ),
        (
            "workshop",
            "workshop",
            "workshop / tutorial (engagement): three short steps, Q&A — 67 min",
        ),
        (
            "behind-the-scenes",
            "behind-the-scenes",
            "behind the scenes (engagement): tour, process, a teammate, ask us anything — 58 min",
        ),
    ],
    bad_duration: "invalid duration \"{}\" (write it like \"12m\", \"1h5m\", \"90s\" or \"12:30\")",
    dialog_plans: "livecue plan",
    dialog_questions: "questions",
    dialog_media: "pictures and videos",
};

/// The plan editor in 繁體中文 (Taiwan): the same words as the rest of the interface
/// (企劃, 段落, 提示, 提問, 來賓, 商品, 檢查清單, 彩排), full-width punctuation, and the
/// plan's own field names (`guests`, `text`) and key names kept as written.
pub const EDITOR_ZH_TW: EditorTexts = EditorTexts {
    screen: "企劃編輯",
    on_air: "節目正在直播：請先結束節目，再彩排或換企劃",
    rehearsal_mark: "彩排 {}×——不是正式節目",
    rehearsal_listed: "彩排 {}×",
    section_show: "節目",
    section_segments: "段落",
    section_cues: "提示",
    section_questions: "提問",
    section_people: "來賓與商品",
    section_media: "媒體",
    section_checklist: "檢查清單",
    section_filter: "留言過濾",
    section_replies: "預存回覆",
    new_from_template: "從範本新增",
    open: "開啟…",
    recent: "最近的檔案",
    no_recent: "沒有最近的檔案",
    save: "儲存",
    save_as: "另存新檔…",
    untitled: "未命名企劃",
    unsaved: "● 有未儲存的變更",
    opened: "已開啟 {}",
    saved: "已儲存 {}",
    save_failed: "無法儲存：{}。什麼都沒有遺失：企劃還在這裡。",
    made_from_template: "已用「{}」範本（{}）新增企劃；記得儲存",
    imported_questions: "已匯入 {} 題提問",
    fix_errors_first: "請先修正錯誤：有錯誤時節目無法開始",
    save_before_show: "請先儲存企劃：節目的紀錄會寫下它的檔名",
    unsaved_question: "「{}」有未儲存的變更。要先儲存嗎？",
    discard: "放棄變更",
    keep_editing: "繼續編輯",
    comments_will_go: "這個檔案裡有手寫的註解。livecue 儲存企劃時不保留註解，所以這些註解會消失。",
    save_anyway: "不保留註解，直接儲存",
    rehearse: "彩排",
    rehearse_at: "{}×",
    start_show: "用這份企劃開節目",
    problems: "問題（{}）",
    no_problems: "沒有問題：企劃通過 `livecue check`。",
    problem_in: "{}：{}",
    running_time: "總長 {}（目標 {}–{}）",
    inside_window: "在目標長度內",
    problem: super::problems::in_zh_tw,
    title: "標題",
    goal: "目標",
    goal_engagement: "互動",
    goal_sales: "銷售",
    goal_credibility: "信任",
    goal_custom: "其他…",
    goal_summary: "怎樣算成功",
    host: "主持人",
    host_hint: "@帳號",
    scheduled: "開始時間",
    scheduled_on: "已排定（日期、時間、時區）",
    scheduled_utc: "= {}",
    bad_date: "「{}」不是日期：請寫成 2026-12-03 這樣",
    bad_time: "「{}」不是時間：請寫成 20:00 這樣",
    target: "目標長度",
    segments_hint: "拖曳 ≡ 可調整順序，或選一列後按 Alt+↑/↓；Ctrl+D 複製。長度寫法：12m、12:30、1h5m。",
    drag_to_reorder: "拖曳調整順序",
    details_of: "第 {} 段詳細資料",
    duplicate_n: "複製第 {} 段",
    delete_n: "刪除第 {} 段",
    add_segment: "新增段落",
    new_segment_title: "新段落",
    segment_details: "第 {} 段：{}",
    segment_id: "代號",
    segment_id_hint: "給提示和提問用",
    duration: "長度",
    talking_points: "話題（一行一個）",
    notes: "備註",
    thresholds: "剩下多少時間時變色",
    warning_at: "黃色：剩",
    danger_at: "紅色：剩",
    end_hold: "停住",
    end_next: "接下一段",
    kind_warm_up: "暖場",
    kind_content: "內容",
    kind_q_and_a: "問答",
    kind_guest: "來賓",
    kind_product: "商品",
    kind_closing: "收尾",
    guest: "來賓",
    product: "商品",
    none: "（無）",
    cue_n: "提示 {}",
    cue_show_time: "節目時間",
    cue_into_segment: "段落開始後",
    cue_invite_guest: "邀請來賓",
    cue_share_media: "分享媒體",
    cue_mention_offer: "介紹優惠",
    cue_call_to_action: "呼籲行動",
    cue_custom: "其他",
    cue_sound: "提示音",
    delete_cue_n: "刪除提示 {}",
    add_cue: "新增提示",
    question_text_hint: "觀眾原本的問法",
    asker_hint: "提問者",
    priority_high: "高",
    priority_normal: "一般",
    priority_low: "低",
    source_sticker: "提問箱",
    source_dm: "私訊",
    source_comment: "留言",
    any_segment: "（任何時候）",
    question_n: "提問 {}",
    delete_question_n: "刪除提問 {}",
    add_question: "新增提問",
    import_questions: "匯入提問",
    import_hint: "一行貼一題，或貼上有 `text` 欄的 CSV（可加 asker、priority、tags 欄）。",
    import_pasted: "匯入貼上的內容",
    import_file: "匯入檔案…",
    guests: "來賓",
    handle_hint: "@帳號",
    name_hint: "名字",
    delete_guest_n: "刪除來賓 {}",
    add_guest: "新增來賓",
    products: "商品",
    id_hint: "代號",
    price_hint: "價格",
    link_hint: "https://…",
    code_hint: "折扣碼",
    delete_product_n: "刪除商品 {}",
    add_product: "新增商品",
    media_save_first: "請先儲存企劃：媒體路徑是相對於企劃所在的資料夾。",
    path_hint: "media/picture.png",
    caption_hint: "分享時要說的話",
    choose_file_n: "選擇檔案 {}…",
    delete_media_n: "刪除媒體 {}",
    add_media: "新增媒體",
    checklist_hint: "開播前在「開播前」畫面逐項勾選。",
    delete_item_n: "刪除項目 {}",
    add_item: "新增項目",
    reset_checklist: "恢復成 Instagram 的建議",
    hide_offensive: "隱藏冒犯用語",
    hide_links: "隱藏連結",
    hide_repeats: "隱藏重複留言和洗版",
    hide_all_caps: "隱藏全大寫留言",
    hide_emoji_floods: "隱藏表情符號洗版",
    one_per_line: "一行一個。",
    hidden_words: "隱藏詞",
    spam_phrases: "廣告詞",
    blocked_users: "封鎖的帳號",
    highlighted_users: "標示的帳號",
    followup_words: "追蹤關鍵詞",
    replies_hint: "開播前先寫好的回覆，製作人從留言串私訊留言者時使用。{user} 會換成留言者的帳號；沒有其他替換欄位。",
    reply_n: "預存回覆 {}",
    reply_text_n: "預存回覆 {} 的內容",
    reply_text_hint: "嗨 {user}，…",
    reply_preview: "預覽（@{} 收到的私訊）：{}",
    move_reply_up_n: "預存回覆 {} 上移",
    move_reply_down_n: "預存回覆 {} 下移",
    duplicate_reply_n: "複製預存回覆 {}",
    delete_reply_n: "刪除預存回覆 {}",
    add_reply: "新增預存回覆",
    template_lang: Lang::ZhTw,
    templates: [
        (
            "product-launch",
            "新品發表",
            "新品發表（銷售）：示範、直播限定優惠、問答、呼籲行動——60 分鐘",
        ),
        (
            "expert-qa",
            "專家問答",
            "邀來賓的專家問答（信任）：兩個主題、提問箱和直播中的提問——65 分鐘",
        ),
        (
            "workshop",
            "教學工作坊",
            "工作坊／教學（互動）：三個短步驟、問答——67 分鐘",
        ),
        (
            "behind-the-scenes",
            "幕後花絮",
            "幕後花絮（互動）：導覽、製作過程、一位同事、有問必答——58 分鐘",
        ),
    ],
    bad_duration: "「{}」不是長度：請寫成 12m、1h5m、90s 或 12:30",
    dialog_plans: "livecue 企劃",
    dialog_questions: "提問",
    dialog_media: "圖片和影片",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// `field: "value"` pairs of a catalogue, from its `Debug` form (the templates'
    /// words are tuples, one string a line).
    fn entries(texts: &EditorTexts) -> Vec<(String, String)> {
        let mut key = String::new();
        format!("{texts:#?}")
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                if let Some((k, value)) = line.split_once(": \"") {
                    key = k.to_owned();
                    return Some((key.clone(), value.trim_end_matches(',').to_owned()));
                }
                if let Some(k) = line.strip_suffix(": [") {
                    key = k.to_owned();
                }
                // A string inside a list or a tuple: named by the field it is in.
                line.starts_with('"')
                    .then(|| (key.clone(), line.trim_end_matches(',').to_owned()))
            })
            .collect()
    }

    #[test]
    fn both_editor_languages_have_every_key_with_the_same_placeholders() {
        let en = entries(&EDITOR_EN);
        let zh = entries(&EDITOR_ZH_TW);
        assert!(en.len() > 150, "{}", en.len());
        assert_eq!(en.len(), zh.len());
        for ((key, en_value), (zh_key, zh_value)) in en.iter().zip(&zh) {
            assert_eq!(key, zh_key);
            assert_eq!(
                en_value.matches("{}").count(),
                zh_value.matches("{}").count(),
                "{key}: {en_value} / {zh_value}"
            );
            assert!(!zh_value.trim_matches('"').is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn every_bundled_template_has_its_words_in_each_language() {
        for texts in [&EDITOR_EN, &EDITOR_ZH_TW] {
            for template in &crate::plan::templates::TEMPLATES {
                assert!(
                    texts
                        .templates
                        .iter()
                        .any(|(name, _, _)| *name == template.name),
                    "{} has no words",
                    template.name
                );
            }
        }
        assert_eq!(EDITOR_ZH_TW.template_lang, Lang::ZhTw);
        assert_eq!(EDITOR_EN.template_lang, Lang::En);
    }

    #[test]
    fn chinese_sentences_use_full_width_punctuation() {
        for (key, value) in entries(&EDITOR_ZH_TW) {
            // ASCII `,` `:` `;` `(` after a Chinese character is a half-width slip; the
            // examples of what to type (`12:30`, `https://`) have ASCII on both sides.
            let chars: Vec<char> = value.chars().collect();
            for pair in chars.windows(2) {
                let cjk = ('\u{4e00}'..='\u{9fff}').contains(&pair[0]);
                assert!(
                    !(cjk && [',', ':', ';', '(', '?', '!'].contains(&pair[1])),
                    "{key}: {value}"
                );
            }
        }
    }
}
