//! The producer's plan editor (F5): a plan from a template, every part of it edited
//! in place, the same checks as `livecue check` shown next to each field and in a
//! problems list as you type, files opened and saved as pretty RON, and a rehearsal of
//! the plan at speed.
//!
//! The draft plan is the editor's own, not the session's: editing it changes nothing
//! on air. What leaves the editor (a rehearsal, the show, closing the window) goes
//! through [`EditorCommand`]s the app applies at the end of the frame.

mod fields;
mod files;
mod lists;
mod people;
mod questions;
mod replies;
mod screen;
mod segments;
mod show_form;
mod timeline;

use std::path::{Path, PathBuf};

use crate::plan::templates::{Lang, TEMPLATES};
use crate::plan::{Diagnostic, Plan};
use crate::sources::NotifyFn;

use super::text::{EditorTexts, fill};
use super::thumbnails::Thumbnails;
use fields::Buffers;
use files::Dialog;
pub use files::DialogPurpose;
pub use screen::{editor_keys, editor_screen_ui};

/// The rehearsal speeds offered.
pub const REHEARSAL_SPEEDS: [u32; 3] = [1, 5, 20];

/// What the editor asks of the app (or of itself, at the end of the frame).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorCommand {
    /// Replace the draft with the chosen template (asks first when there are unsaved changes).
    NewFromTemplate,
    /// Open a plan file through the desktop's dialog (asks first ...).
    Open,
    /// Open this plan file (a recent one; asks first ...).
    OpenPath(PathBuf),
    /// Save to the plan's file (asks first when that file had comments).
    Save,
    /// Save under a new name, through the desktop's dialog.
    SaveAs,
    /// Rehearse the draft at this speed.
    Rehearse(u32),
    /// Run the show with this plan (asks first when there are unsaved changes).
    StartShow,
    /// The window is closing (asks first ...).
    Close,
    /// The unsaved-changes question: save, then go on.
    SaveAndContinue,
    /// The unsaved-changes question: go on without saving.
    Discard,
    /// The question about comments in a hand-written file: save anyway.
    SaveDroppingComments,
    /// Close the open question and keep editing.
    KeepEditing,
    /// Import the pasted questions.
    ImportPasted,
    /// Import questions from a file picked in the desktop's dialog.
    ImportFile,
    /// Pick the file of the media item at this index.
    PickMedia(usize),
}

/// What the app must do after the editor took a command.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorOutcome {
    /// Rehearse this plan (its media relative to the folder) at this speed.
    Rehearse(Plan, Option<PathBuf>, u32),
    /// Run the show of this plan, saved at this path.
    StartShow(Plan, PathBuf),
    /// Let the window close.
    Close,
}

/// An action waiting for the answer to "unsaved changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
enum Guarded {
    NewFromTemplate,
    Open,
    OpenPath(PathBuf),
    StartShow,
    Close,
}

/// The parts of the plan, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// Title, goal, schedule, target window.
    #[default]
    Show,
    /// The running order.
    Segments,
    /// Timed cues.
    Cues,
    /// Questions collected before the show.
    Questions,
    /// Guests and products.
    People,
    /// Media to share.
    Media,
    /// The pre-live checklist.
    Checklist,
    /// Comment filter settings.
    Filter,
    /// Private replies written before the show.
    Replies,
}

impl Section {
    const ALL: [Section; 9] = [
        Section::Show,
        Section::Segments,
        Section::Cues,
        Section::Questions,
        Section::People,
        Section::Media,
        Section::Checklist,
        Section::Filter,
        Section::Replies,
    ];

    fn label(self, t: &EditorTexts) -> &'static str {
        match self {
            Section::Show => t.section_show,
            Section::Segments => t.section_segments,
            Section::Cues => t.section_cues,
            Section::Questions => t.section_questions,
            Section::People => t.section_people,
            Section::Media => t.section_media,
            Section::Checklist => t.section_checklist,
            Section::Filter => t.section_filter,
            Section::Replies => t.section_replies,
        }
    }

    /// The tab a problem at `path` (`cues[2].what`) is shown on.
    fn of_path(path: &str) -> Section {
        let head = path.split(['.', '[']).next().unwrap_or("");
        match head {
            "segments" => Section::Segments,
            "cues" => Section::Cues,
            "questions" => Section::Questions,
            "guests" | "products" => Section::People,
            "media" => Section::Media,
            "checklist" => Section::Checklist,
            "filter" | "followup_words" => Section::Filter,
            "saved_replies" => Section::Replies,
            _ => Section::Show,
        }
    }
}

/// The editor: the draft plan, its file, and what the screen remembers.
pub struct EditorState {
    plan: Plan,
    path: Option<PathBuf>,
    /// The plan as last opened or saved; unsaved changes are differences from it.
    saved: Option<Plan>,
    had_comments: bool,
    section: Section,
    selected_segment: Option<usize>,
    template: usize,
    /// The template language picked by hand; none: the interface's language.
    lang: Option<Lang>,
    /// The editor's words in the interface language, as last drawn: messages made
    /// between frames (after a save, an import) are worded in it.
    texts: &'static EditorTexts,
    buffers: Buffers,
    problems: Vec<Diagnostic>,
    checked: Option<Plan>,
    guarded: Option<Guarded>,
    asking_comments: bool,
    dialog: Option<Dialog>,
    pasted_questions: String,
    message: Option<(String, bool)>,
    recent: Vec<PathBuf>,
    thumbnails: Thumbnails,
    thumbnails_for: Vec<String>,
    allow_close: bool,
}

impl EditorState {
    /// An editor whose draft is `plan`, read from `path` when it came from a file.
    pub fn new(plan: Plan, path: Option<PathBuf>, recent: Vec<PathBuf>) -> Self {
        let mut state = Self {
            // The plan the app opened with is where the producer starts: nothing to lose yet.
            saved: Some(plan.clone()),
            plan,
            path,
            had_comments: false,
            section: Section::default(),
            selected_segment: None,
            template: 0,
            lang: None,
            texts: &super::text::EDITOR_EN,
            buffers: Buffers::default(),
            problems: Vec::new(),
            checked: None,
            guarded: None,
            asking_comments: false,
            dialog: None,
            pasted_questions: String::new(),
            message: None,
            recent,
            thumbnails: Thumbnails::default(),
            thumbnails_for: Vec::new(),
            allow_close: false,
        };
        if let Some(path) = state.path.clone() {
            // The plan livecue was opened with is a recent file like one opened here.
            files::remember(&mut state.recent, &path);
            if let Ok(src) = std::fs::read_to_string(&path) {
                state.had_comments = crate::plan::has_comments(&src);
            }
        }
        state.check();
        state
    }

    /// The draft plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The draft plan, to change.
    pub fn plan_mut(&mut self) -> &mut Plan {
        &mut self.plan
    }

    /// The file the draft was opened from or saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Recent plan files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Whether the draft differs from its file (a new plan from a template, never saved,
    /// counts as changed).
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.plan)
    }

    /// The problems found in the draft, as `livecue check` finds them, plus fields
    /// whose text does not read (a duration typed `12 minutes`).
    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    /// Whether the draft has errors: the show cannot be started with it.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Diagnostic::is_error)
    }

    /// The message of the last file operation, and whether it went wrong.
    pub fn message(&self) -> Option<(&str, bool)> {
        self.message.as_ref().map(|(m, bad)| (m.as_str(), *bad))
    }

    /// Whether the window may close now (nothing unsaved, or the producer said so).
    pub fn may_close(&self) -> bool {
        self.allow_close || !self.is_dirty()
    }

    /// Whether a question (unsaved changes, comments) is open.
    pub fn asking(&self) -> bool {
        self.guarded.is_some() || self.asking_comments
    }

    /// The folder the plan's media paths are relative to.
    pub fn plan_dir(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Checks the draft again when it changed since the last check.
    pub fn check(&mut self) {
        if self.checked.as_ref() == Some(&self.plan) && !self.buffers.changed {
            return;
        }
        let name = self
            .path
            .as_deref()
            .map_or_else(|| "untitled.ron".to_owned(), |p| p.display().to_string());
        // No source text: the editor places problems by path, not by line.
        let mut found = crate::plan::validate(&self.plan, "", &name, self.plan_dir().as_deref());
        found.extend(self.buffers.problems(&name));
        found.sort_by_key(|d| {
            (
                std::cmp::Reverse(d.severity),
                Section::of_path(&d.path) as u8,
            )
        });
        self.problems = found;
        self.checked = Some(self.plan.clone());
        self.buffers.changed = false;
    }

    /// Problems at `path` or inside it.
    fn problems_at(&self, path: &str) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().filter(move |d| d.is_under(path))
    }

    /// Opens `path` in place of the draft, or says why it cannot; nothing is lost when
    /// it cannot.
    pub fn open_path(&mut self, path: &Path) {
        match files::open(path) {
            Ok(opened) => {
                self.plan = opened.plan;
                self.saved = Some(self.plan.clone());
                self.had_comments = opened.had_comments;
                self.path = Some(path.to_owned());
                self.after_replacing();
                files::remember(&mut self.recent, path);
                self.message = Some((
                    fill(self.texts.opened, &[&path.display().to_string()]),
                    false,
                ));
            }
            Err(why) => self.message = Some((why, true)),
        }
    }

    /// Saves the draft to `path` (and makes it the draft's file).
    pub fn save_to(&mut self, path: &Path) -> bool {
        match files::save(&self.plan, path) {
            Ok(()) => {
                self.saved = Some(self.plan.clone());
                self.path = Some(path.to_owned());
                self.had_comments = false;
                files::remember(&mut self.recent, path);
                self.message = Some((
                    fill(self.texts.saved, &[&path.display().to_string()]),
                    false,
                ));
                self.checked = None;
                self.check();
                true
            }
            Err(why) => {
                self.message = Some((fill(self.texts.save_failed, &[&why]), true));
                false
            }
        }
    }

    /// Replaces the draft with the chosen template, as a new untitled plan.
    fn new_from_template(&mut self) {
        let template = &TEMPLATES[self.template.min(TEMPLATES.len() - 1)];
        let lang = self.template_lang();
        match template.plan(lang) {
            Ok(plan) => {
                self.plan = plan;
                self.saved = None;
                self.path = None;
                self.had_comments = false;
                self.after_replacing();
                self.message = Some((
                    fill(
                        self.texts.made_from_template,
                        &[
                            self.texts.template(template.name, template.about).0,
                            lang.tag(),
                        ],
                    ),
                    false,
                ));
            }
            Err(e) => self.message = Some((e.to_string(), true)),
        }
    }

    fn after_replacing(&mut self) {
        self.buffers = Buffers::default();
        self.selected_segment = None;
        self.checked = None;
        self.thumbnails_for.clear();
        self.check();
    }

    /// Takes in answers from file dialogs.
    pub fn collect(&mut self) {
        let Some(answer) = self.dialog.as_ref().and_then(Dialog::poll) else {
            return;
        };
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        let Some(path) = answer else {
            return;
        };
        match dialog.purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::SaveAs => {
                self.save_to(&path);
            }
            DialogPurpose::ImportQuestions => match std::fs::read(&path) {
                Ok(bytes) => self.import_questions(&String::from_utf8_lossy(&bytes)),
                Err(e) => self.message = Some((format!("{}: {e}", path.display()), true)),
            },
            DialogPurpose::Media(i) => {
                let shown = match self.plan_dir() {
                    Some(dir) => path
                        .strip_prefix(&dir)
                        .map(Path::to_path_buf)
                        .unwrap_or(path),
                    None => path,
                };
                if let Some(item) = self.plan.media.get_mut(i) {
                    item.path = shown.to_string_lossy().into_owned();
                }
            }
        }
    }

    /// Adds questions from pasted text or a file's contents.
    pub fn import_questions(&mut self, text: &str) {
        let taken: Vec<String> = self.plan.questions.iter().map(|q| q.id.clone()).collect();
        let found = crate::plan::import_questions(text, &taken);
        self.message = Some((
            fill(self.texts.imported_questions, &[&found.len().to_string()]),
            found.is_empty(),
        ));
        self.plan.questions.extend(found);
    }

    fn open_dialog(&mut self, purpose: DialogPurpose, notify: &NotifyFn) {
        if self.dialog.is_none() {
            self.dialog = Dialog::start(purpose, self.plan_dir(), self.texts, notify.clone());
        }
    }

    /// Carries out a command; what only the app can do comes back.
    pub fn apply(&mut self, command: EditorCommand, notify: &NotifyFn) -> Option<EditorOutcome> {
        let guard = |state: &mut Self, action: Guarded| {
            if state.is_dirty() {
                state.guarded = Some(action);
                None
            } else {
                state.proceed(action, notify)
            }
        };
        match command {
            EditorCommand::NewFromTemplate => guard(self, Guarded::NewFromTemplate),
            EditorCommand::Open => guard(self, Guarded::Open),
            EditorCommand::OpenPath(path) => guard(self, Guarded::OpenPath(path)),
            EditorCommand::StartShow => {
                if self.has_errors() {
                    self.message = Some((self.texts.fix_errors_first.to_owned(), true));
                    None
                } else {
                    guard(self, Guarded::StartShow)
                }
            }
            EditorCommand::Close => guard(self, Guarded::Close),
            EditorCommand::Save => {
                match self.path.clone() {
                    Some(_) if self.had_comments => self.asking_comments = true,
                    Some(path) => {
                        self.save_to(&path);
                    }
                    None => self.open_dialog(DialogPurpose::SaveAs, notify),
                }
                None
            }
            EditorCommand::SaveDroppingComments => {
                self.asking_comments = false;
                if let Some(path) = self.path.clone() {
                    self.save_to(&path);
                }
                None
            }
            EditorCommand::SaveAs => {
                self.open_dialog(DialogPurpose::SaveAs, notify);
                None
            }
            EditorCommand::SaveAndContinue => {
                let action = self.guarded.take()?;
                match self.path.clone() {
                    Some(path) if self.save_to(&path) => self.proceed(action, notify),
                    Some(_) => None,
                    None => {
                        // Untitled: the save dialog comes first; the producer goes on after.
                        self.open_dialog(DialogPurpose::SaveAs, notify);
                        None
                    }
                }
            }
            EditorCommand::Discard => {
                let action = self.guarded.take()?;
                self.proceed(action, notify)
            }
            EditorCommand::KeepEditing => {
                self.guarded = None;
                self.asking_comments = false;
                None
            }
            EditorCommand::Rehearse(speed) => {
                if self.has_errors() {
                    self.message = Some((self.texts.fix_errors_first.to_owned(), true));
                    None
                } else {
                    Some(EditorOutcome::Rehearse(
                        self.plan.clone(),
                        self.plan_dir(),
                        speed,
                    ))
                }
            }
            EditorCommand::ImportPasted => {
                let text = std::mem::take(&mut self.pasted_questions);
                self.import_questions(&text);
                None
            }
            EditorCommand::ImportFile => {
                self.open_dialog(DialogPurpose::ImportQuestions, notify);
                None
            }
            EditorCommand::PickMedia(i) => {
                self.open_dialog(DialogPurpose::Media(i), notify);
                None
            }
        }
    }

    fn proceed(&mut self, action: Guarded, notify: &NotifyFn) -> Option<EditorOutcome> {
        match action {
            Guarded::NewFromTemplate => self.new_from_template(),
            Guarded::Open => self.open_dialog(DialogPurpose::Open, notify),
            Guarded::OpenPath(path) => self.open_path(&path),
            Guarded::StartShow => {
                return match self.path.clone() {
                    Some(path) if !self.is_dirty() => {
                        Some(EditorOutcome::StartShow(self.plan.clone(), path))
                    }
                    // Discarded changes: the show runs the plan as its file has it.
                    Some(path) => match files::open(&path) {
                        Ok(opened) => Some(EditorOutcome::StartShow(opened.plan, path)),
                        Err(why) => {
                            self.message = Some((why, true));
                            None
                        }
                    },
                    None => {
                        self.message = Some((self.texts.save_before_show.to_owned(), true));
                        None
                    }
                };
            }
            Guarded::Close => {
                self.allow_close = true;
                return Some(EditorOutcome::Close);
            }
        }
        None
    }
}

impl EditorState {
    /// The language "New from template" uses: the one picked, else the interface's.
    pub fn template_lang(&self) -> Lang {
        self.lang.unwrap_or(self.texts.template_lang)
    }

    /// Words what the editor says in the interface language, from this frame on.
    pub fn set_texts(&mut self, texts: &'static EditorTexts) {
        self.texts = texts;
        self.buffers.bad_duration = Some(texts.bad_duration);
    }

    /// The tab on show.
    pub fn section(&self) -> Section {
        self.section
    }

    /// The selected segment.
    pub fn selected_segment(&self) -> Option<usize> {
        self.selected_segment
    }
}
