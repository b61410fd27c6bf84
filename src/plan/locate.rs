//! Finds where a value sits in RON source text, so that checks made after parsing
//! (a zero-length segment, a cue naming an unknown guest) can still name line and column.
//!
//! serde forgets positions once a plan is parsed; rather than carry spans through every
//! type, this re-reads the text along a path such as `segments[2].duration`.

/// One step of a path into a RON document.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    /// A named field of a struct.
    Field(&'a str),
    /// The n-th element (0-based) of a list or tuple.
    Index(usize),
}

/// 1-based line and column of the value at `path`, or `None` when it is not written out
/// (a defaulted field, for example).
pub fn locate(src: &str, path: &[Step<'_>]) -> Option<(usize, usize)> {
    let mut cursor = Cursor::new(src);
    cursor.skip_attributes();
    cursor.value(path)
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn new(src: &str) -> Self {
        Self {
            chars: src.chars().collect(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn position(&self) -> (usize, usize) {
        let before = &self.chars[..self.at];
        let line = 1 + before.iter().filter(|&&c| c == '\n').count();
        let col = 1 + before.iter().rev().take_while(|&&c| c != '\n').count();
        (line, col)
    }

    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => self.at += 1,
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.at += 1;
                    }
                }
                (Some('/'), Some('*')) => {
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 && self.peek().is_some() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.at += 2;
                            }
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.at += 2;
                            }
                            _ => self.at += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips `#![enable(...)]` lines at the top of the file.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_ws();
            if self.peek() == Some('#') && self.peek_at(1) == Some('!') {
                while self.peek().is_some_and(|c| c != ']') {
                    self.at += 1;
                }
                self.at += 1;
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.at;
        if self.peek() == Some('r') && self.peek_at(1) == Some('#') {
            self.at += 2;
        }
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.')
        {
            self.at += 1;
        }
        (self.at > start).then(|| self.chars[start..self.at].iter().collect())
    }

    fn value(&mut self, path: &[Step<'_>]) -> Option<(usize, usize)> {
        self.skip_ws();
        let here = self.position();
        let Some((step, rest)) = path.split_first() else {
            return Some(here);
        };
        match self.peek()? {
            '(' => {
                self.at += 1;
                self.body(*step, rest, ')')
            }
            '[' => {
                self.at += 1;
                match step {
                    Step::Index(i) => self.nth(*i, rest, ']'),
                    Step::Field(_) => None,
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let name = self.ident()?;
                if !self.eat('(') {
                    return None;
                }
                if name == "Some" {
                    // An explicit `Some(..)` is transparent to the path.
                    self.value(path)
                } else {
                    self.body(*step, rest, ')')
                }
            }
            _ => None,
        }
    }

    fn body(&mut self, step: Step<'_>, rest: &[Step<'_>], close: char) -> Option<(usize, usize)> {
        match step {
            Step::Index(i) => self.nth(i, rest, close),
            Step::Field(name) => loop {
                if self.eat(close) {
                    return None;
                }
                let field = self.ident()?;
                if !self.eat(':') {
                    return None;
                }
                if field.trim_start_matches("r#") == name {
                    return self.value(rest);
                }
                self.skip_value()?;
                self.eat(',');
            },
        }
    }

    fn nth(&mut self, n: usize, rest: &[Step<'_>], close: char) -> Option<(usize, usize)> {
        for _ in 0..n {
            if self.eat(close) {
                return None;
            }
            self.skip_value()?;
            if !self.eat(',') {
                return None;
            }
        }
        self.skip_ws();
        if self.peek() == Some(close) {
            return None;
        }
        self.value(rest)
    }

    /// Skips one value of any shape; `None` at the end of the text.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            '(' | '[' | '{' => self.skip_balanced(),
            '"' => self.skip_string(),
            '\'' => self.skip_char(),
            'r' if matches!(self.peek_at(1), Some('"' | '#')) => self.skip_raw_string(),
            'b' if self.peek_at(1) == Some('"') => {
                self.at += 1;
                self.skip_string()
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !c.is_whitespace() && !",:)]}([{".contains(c))
                {
                    self.at += 1;
                }
                self.skip_ws();
                if self.peek() == Some('(') {
                    self.skip_balanced()?;
                }
                Some(())
            }
        }
    }

    fn skip_balanced(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                '(' | '[' | '{' => {
                    depth += 1;
                    self.at += 1;
                }
                ')' | ']' | '}' => {
                    depth -= 1;
                    self.at += 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                '"' => self.skip_string()?,
                '\'' => self.skip_char()?,
                'r' if matches!(self.peek_at(1), Some('"' | '#')) => self.skip_raw_string()?,
                _ => self.at += 1,
            }
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            match self.peek()? {
                '\\' => self.at += 2,
                '"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    fn skip_char(&mut self) -> Option<()> {
        self.at += 1;
        if self.peek()? == '\\' {
            self.at += 1;
        }
        while self.peek()? != '\'' {
            self.at += 1;
        }
        self.at += 1;
        Some(())
    }

    fn skip_raw_string(&mut self) -> Option<()> {
        self.at += 1;
        let mut hashes = 0;
        while self.peek()? == '#' {
            hashes += 1;
            self.at += 1;
        }
        if self.peek()? != '"' {
            return None;
        }
        self.at += 1;
        loop {
            if self.peek()? == '"' && (1..=hashes).all(|k| self.peek_at(k) == Some('#')) {
                self.at += 1 + hashes;
                return Some(());
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Step::{Field, Index};
    use super::*;

    const SRC: &str = r##"#![enable(implicit_some)]
// a plan
(
    title: "Demo (with parens) \" and quotes",
    goal: (kind: Custom("x, y"), summary: r#"raw "# ),
    segments: [
        (title: "A", kind: WarmUp, duration: "5m"),
        /* skipped (block) */
        (
            title: "B",
            kind: Content,
            duration: "0m",
        ),
    ],
    cues: [
        (at: Segment("b", "1m"), what: InviteGuest("@x")),
    ],
    host: Some("me"),
)"##;

    #[test]
    fn finds_nested_values() {
        assert_eq!(
            locate(SRC, &[Field("segments"), Index(1), Field("duration")]),
            Some((12, 23))
        );
        assert_eq!(locate(SRC, &[Field("segments"), Index(0)]), Some((7, 9)));
        assert_eq!(
            locate(SRC, &[Field("cues"), Index(0), Field("what")]),
            Some((16, 40))
        );
        assert_eq!(
            locate(SRC, &[Field("cues"), Index(0), Field("at"), Index(1)]),
            Some((16, 27))
        );
        assert_eq!(locate(SRC, &[Field("host")]), Some((18, 11)));
    }

    #[test]
    fn missing_paths_are_none() {
        assert_eq!(locate(SRC, &[Field("segments"), Index(5)]), None);
        assert_eq!(locate(SRC, &[Field("media")]), None);
        assert_eq!(locate("(", &[Field("x")]), None);
    }
}
