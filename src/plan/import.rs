//! Questions collected elsewhere (a notes app, a spreadsheet of sticker answers) brought
//! into a plan, and the small facts about plan files an editor needs.

use super::{PlannedQuestion, Priority, QuestionSource};

/// Questions from pasted text or a CSV/TXT file.
///
/// A CSV whose first row names a `text` (or `question`) column is read by its header:
/// `text`, and when present `asker`, `priority` (`high`/`normal`/`low`), `tags`
/// (separated by `;` or `,`), `source` (`sticker`/`dm`/`comment`). Anything else is a
/// list, one question per line, with list bullets and numbers (`- `, `• `, `1. `, `2) `)
/// taken off. Blank lines are skipped. Ids continue after `taken` (`q1`, `q2`, ...).
pub fn import_questions(text: &str, taken: &[String]) -> Vec<PlannedQuestion> {
    let mut ids = IdMaker::new("q", taken);
    match csv_rows(text) {
        Some(rows) => rows
            .into_iter()
            .map(|row| PlannedQuestion {
                id: ids.next(),
                ..row
            })
            .collect(),
        None => text
            .lines()
            .map(strip_bullet)
            .filter(|line| !line.is_empty())
            .map(|line| PlannedQuestion {
                id: ids.next(),
                asker: None,
                text: line.to_owned(),
                source: QuestionSource::default(),
                priority: Priority::default(),
                tags: Vec::new(),
                segment: None,
            })
            .collect(),
    }
}

/// Rows of a CSV with a `text`/`question` header, or `None` when the text is not one.
fn csv_rows(text: &str) -> Option<Vec<PlannedQuestion>> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next()?;
    let delimiter = if first.contains('\t') { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let text_col = column(&["text", "question", "questions", "問題"])?;
    let asker_col = column(&["asker", "user", "from", "username", "提問者"]);
    let priority_col = column(&["priority", "優先"]);
    let tags_col = column(&["tags", "tag", "標籤"]);
    let source_col = column(&["source", "來源"]);
    let mut out = Vec::new();
    for record in reader.records().flatten() {
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let question = cell(Some(text_col));
        if question.is_empty() {
            continue;
        }
        let asker = cell(asker_col);
        out.push(PlannedQuestion {
            id: String::new(),
            asker: (!asker.is_empty()).then(|| asker.trim_start_matches('@').to_owned()),
            text: question.to_owned(),
            source: match cell(source_col).to_lowercase().as_str() {
                "dm" | "direct message" => QuestionSource::Dm,
                "comment" => QuestionSource::Comment,
                _ => QuestionSource::Sticker,
            },
            priority: match cell(priority_col).to_lowercase().as_str() {
                "high" | "高" => Priority::High,
                "low" | "低" => Priority::Low,
                _ => Priority::Normal,
            },
            tags: cell(tags_col)
                .split([';', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            segment: None,
        });
    }
    Some(out)
}

/// A line without its list bullet or number.
fn strip_bullet(line: &str) -> &str {
    let line = line.trim();
    for bullet in ["- ", "* ", "• ", "・", "‧ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest.trim();
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        for mark in [". ", ") ", "、", "．"] {
            if let Some(rest) = rest.strip_prefix(mark) {
                return rest.trim();
            }
        }
    }
    line
}

/// Makes ids `prefix1`, `prefix2`, ... that none of `taken` already uses.
pub struct IdMaker {
    prefix: String,
    taken: Vec<String>,
    n: usize,
}

impl IdMaker {
    /// Ids starting with `prefix`, avoiding `taken`.
    pub fn new(prefix: &str, taken: &[String]) -> Self {
        Self {
            prefix: prefix.to_owned(),
            taken: taken.to_vec(),
            n: 0,
        }
    }

    /// The next free id.
    #[allow(clippy::should_implement_trait)] // it never ends, unlike an iterator
    pub fn next(&mut self) -> String {
        loop {
            self.n += 1;
            let id = format!("{}{}", self.prefix, self.n);
            if !self.taken.contains(&id) {
                self.taken.push(id.clone());
                return id;
            }
        }
    }
}

/// Whether plan text has comments a person wrote (`//` or `/* */` outside strings),
/// which a save by the editor would not keep.
pub fn has_comments(src: &str) -> bool {
    let mut inside = false;
    let mut escaped = false;
    let mut prev = '\0';
    for c in src.chars() {
        if inside {
            match c {
                '\\' => escaped = !escaped,
                '"' if !escaped => inside = false,
                _ => escaped = false,
            }
        } else {
            match c {
                '"' => inside = true,
                '/' | '*' if prev == '/' => return true,
                _ => {}
            }
        }
        prev = if inside { '\0' } else { c };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_list_becomes_questions_without_bullets_or_numbers() {
        let taken = vec!["q1".to_owned()];
        let qs = import_questions(
            "- How much is shipping?\n\n2. 有現貨嗎？\n• Does it come in blue?\n3、會補貨嗎",
            &taken,
        );
        let texts: Vec<_> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "How much is shipping?",
                "有現貨嗎？",
                "Does it come in blue?",
                "會補貨嗎"
            ]
        );
        let ids: Vec<_> = qs.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q2", "q3", "q4", "q5"]);
    }

    #[test]
    fn a_csv_is_read_by_its_header() {
        let csv = "\u{feff}Asker,Question,Priority,Tags\n@mei,\"Is it safe, for kids?\",high,safety; kids\nbob,,low,\ntom,Price?,,\n";
        let qs = import_questions(csv, &[]);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].text, "Is it safe, for kids?");
        assert_eq!(qs[0].asker.as_deref(), Some("mei"));
        assert_eq!(qs[0].priority, Priority::High);
        assert_eq!(qs[0].tags, ["safety", "kids"]);
        assert_eq!(qs[1].priority, Priority::Normal);
        assert_eq!(qs[1].id, "q2");
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("// a plan\n(title: \"x\")"));
        assert!(has_comments("(title: \"x\" /* why */)"));
        assert!(!has_comments("(link: \"https://example.com\")"));
        assert!(!has_comments("(title: \"say \\\"//\\\" here\")"));
    }
}
