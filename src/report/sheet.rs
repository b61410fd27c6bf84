//! CSV files a spreadsheet can open safely: every cell a viewer wrote is neutralised
//! against formula injection, quotes and newlines are kept (quoted, never dropped), and
//! under `--excel` the file starts with a UTF-8 byte-order mark and ends lines with
//! CR LF, so Excel reads Chinese as Chinese.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::ReportError;

/// A cell as a spreadsheet may safely read it. Following OWASP's advice on CSV
/// injection, a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`, so no spreadsheet takes it for a formula; a cell that is only a
/// number (`-5`, `+3.5`) is left alone, since a number cannot be a formula.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A CSV file being written row by row.
pub struct Sheet {
    writer: csv::Writer<BufWriter<File>>,
    path: PathBuf,
}

impl Sheet {
    /// Creates `path` with this header row. `excel`: BOM and CR LF line ends.
    pub fn create(path: &Path, headers: &[&str], excel: bool) -> Result<Self, ReportError> {
        let write_err = |source| ReportError::Write {
            path: path.to_owned(),
            source,
        };
        let mut file = BufWriter::new(File::create(path).map_err(write_err)?);
        if excel {
            file.write_all("\u{FEFF}".as_bytes()).map_err(write_err)?;
        }
        let writer = csv::WriterBuilder::new()
            .terminator(if excel {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(file);
        let mut sheet = Self {
            writer,
            path: path.to_owned(),
        };
        sheet.row(headers)?;
        Ok(sheet)
    }

    /// Writes one row, every cell neutralised.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), ReportError> {
        for cell in cells {
            let cell = neutralize(cell.as_ref());
            if let Err(e) = self.writer.write_field(cell.as_bytes()) {
                return Err(self.csv_err(&e));
            }
        }
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(|e| self.csv_err(&e))
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<(), ReportError> {
        self.writer.flush().map_err(|source| ReportError::Write {
            path: self.path.clone(),
            source,
        })
    }

    fn csv_err(&self, e: &csv::Error) -> ReportError {
        ReportError::Csv {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }
}

/// Writes a whole CSV file: a header row, then `rows`.
pub fn write_csv<R, S>(
    path: &Path,
    headers: &[&str],
    rows: impl IntoIterator<Item = R>,
    excel: bool,
) -> Result<(), ReportError>
where
    R: AsRef<[S]>,
    S: AsRef<str>,
{
    let mut sheet = Sheet::create(path, headers, excel)?;
    for row in rows {
        sheet.row(row.as_ref())?;
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+886 912"), "'+886 912");
        assert_eq!(neutralize("@host hi"), "'@host hi");
        assert_eq!(
            neutralize("-2+3+cmd|' /C calc'!A0"),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("\rx"), "'\rx");
        assert_eq!(neutralize("-5"), "-5");
        assert_eq!(neutralize("+3.5"), "+3.5");
        assert_eq!(neutralize("-"), "'-");
        assert_eq!(neutralize("好 = 讚"), "好 = 讚");
        assert_eq!(neutralize(""), "");
    }

    #[test]
    fn excel_files_start_with_a_bom_and_keep_quotes_and_newlines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        write_csv(&path, &["a", "b"], [["說 \"好\"", "line 1\nline 2"]], true).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with("\u{FEFF}a,b\r\n".as_bytes()));
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.ends_with("\"說 \"\"好\"\"\",\"line 1\nline 2\"\r\n"),
            "{text:?}"
        );
        write_csv(&path, &["a"], [["x"]], false).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a\nx\n");
    }
}
