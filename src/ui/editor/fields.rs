//! Text fields for typed plan values (durations, lists, optional text). What the
//! producer types is kept as typed; the plan takes it once it reads, and until then
//! the field says why it does not, so a half-typed `12` never loses the old `12m`.

use std::collections::{BTreeMap, HashMap};

use egui::{Response, RichText};

use crate::plan::{Diagnostic, Dur, Problem, Severity};

use super::super::text::EditorTexts;
use super::super::theme;

/// What was typed into each field, by the field's plan path (`segments[2].duration`).
#[derive(Default)]
pub struct Buffers {
    /// Text typed, and the value it was last in step with.
    texts: HashMap<String, (String, String)>,
    /// Fields whose text does not read, with why.
    errors: BTreeMap<String, String>,
    /// Set when an error came or went, so the problems are gathered again.
    pub changed: bool,
    /// How a duration that does not read is worded in the interface language (`{}` =
    /// what was typed); none: the plan's own English words.
    pub bad_duration: Option<&'static str>,
}

impl Buffers {
    /// Forgets every field: rows moved, were added or deleted, so paths name other rows.
    pub fn clear(&mut self) {
        self.texts.clear();
        if !self.errors.is_empty() {
            self.errors.clear();
            self.changed = true;
        }
    }

    /// The fields that do not read, as problems of the plan.
    pub fn problems(&self, file: &str) -> Vec<Diagnostic> {
        self.errors
            .iter()
            .map(|(path, message)| Diagnostic {
                file: file.to_owned(),
                position: None,
                severity: Severity::Error,
                // Already worded (in the interface language when it has the words).
                problem: Problem::Syntax(message.clone()),
                path: path.clone(),
            })
            .collect()
    }

    /// A field whose text reads through `parse` into a value shown by `show`.
    pub fn field<T: PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut T,
        show: impl Fn(&T) -> String,
        parse: impl Fn(&str) -> Result<T, String>,
        edit: impl FnOnce(&mut String) -> egui::TextEdit<'_>,
    ) -> Response {
        let current = show(value);
        let entry = self
            .texts
            .entry(key.to_owned())
            .or_insert_with(|| (current.clone(), current.clone()));
        if entry.1 != current {
            // Changed elsewhere (a template, a reorder): show the new value.
            *entry = (current.clone(), current.clone());
            if self.errors.remove(key).is_some() {
                self.changed = true;
            }
        }
        let response = ui.add(edit(&mut entry.0));
        if response.changed() {
            match parse(&entry.0) {
                Ok(parsed) => {
                    entry.1 = show(&parsed);
                    *value = parsed;
                    if self.errors.remove(key).is_some() {
                        self.changed = true;
                    }
                }
                Err(why) => {
                    self.errors.insert(key.to_owned(), why);
                    self.changed = true;
                }
            }
        }
        response
    }

    /// A duration typed `12m`, `12:30`, `1h5m`.
    pub fn dur(&mut self, ui: &mut egui::Ui, key: &str, value: &mut Dur, width: f32) -> Response {
        let bad = self.bad_duration;
        self.field(
            ui,
            key,
            value,
            |d| d.to_string(),
            |text| text.parse::<Dur>().map_err(|e| dur_error(bad, text, &e)),
            |buf| egui::TextEdit::singleline(buf).desired_width(width),
        )
    }

    /// A duration that may be left empty (the default applies).
    pub fn opt_dur(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut Option<Dur>,
        width: f32,
        hint: &str,
    ) -> Response {
        let bad = self.bad_duration;
        self.field(
            ui,
            key,
            value,
            |d| d.map(|d| d.to_string()).unwrap_or_default(),
            |text| {
                if text.trim().is_empty() {
                    Ok(None)
                } else {
                    text.parse::<Dur>()
                        .map(Some)
                        .map_err(|e| dur_error(bad, text, &e))
                }
            },
            |buf| {
                egui::TextEdit::singleline(buf)
                    .desired_width(width)
                    .hint_text(hint)
            },
        )
    }

    /// A list written one item per line.
    pub fn lines(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut Vec<String>,
        rows: usize,
        width: f32,
    ) -> Response {
        self.field(
            ui,
            key,
            value,
            |v| v.join("\n"),
            |text| {
                Ok(text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect())
            },
            |buf| {
                egui::TextEdit::multiline(buf)
                    .desired_rows(rows)
                    .desired_width(width)
            },
        )
    }

    /// A short list written with commas (`tags`, `topics`).
    pub fn commas(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        value: &mut Vec<String>,
        width: f32,
    ) -> Response {
        self.field(
            ui,
            key,
            value,
            |v| v.join(", "),
            |text| {
                Ok(text
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect())
            },
            |buf| egui::TextEdit::singleline(buf).desired_width(width),
        )
    }
}

/// Text that may be left empty (`None`).
pub fn opt_text(ui: &mut egui::Ui, value: &mut Option<String>, width: f32, hint: &str) -> Response {
    let mut text = value.clone().unwrap_or_default();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(width)
            .hint_text(hint),
    );
    if response.changed() {
        let trimmed = text.trim();
        *value = (!trimmed.is_empty()).then(|| text.clone());
    }
    response
}

/// Why `text` is not a duration: in the interface's words when there are some.
fn dur_error(bad: Option<&str>, text: &str, e: &crate::plan::DurError) -> String {
    match bad {
        Some(template) => super::super::text::fill(template, &[text.trim()]),
        None => e.to_string(),
    }
}

/// A label, and a widget it names for screen readers (and for tests, by label).
pub fn labelled(
    ui: &mut egui::Ui,
    label: &str,
    add: impl FnOnce(&mut egui::Ui) -> Response,
) -> Response {
    let label = ui.label(RichText::new(label).color(theme::DIM));
    add(ui).labelled_by(label.id)
}

/// The problems of one field or row, in red (errors) or amber (warnings), right there,
/// in the words of `t`.
pub fn problems_ui<'a>(
    ui: &mut egui::Ui,
    t: &EditorTexts,
    found: impl Iterator<Item = &'a Diagnostic>,
) {
    for d in found {
        let color = if d.is_error() {
            theme::RED
        } else {
            theme::AMBER
        };
        ui.label(RichText::new((t.problem)(&d.problem)).color(color));
    }
}
