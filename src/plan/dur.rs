//! Durations written the way producers write them: `"12m"`, `"1h5m"`, `"90s"`, `"12:30"`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative length of time with whole-second precision, as written in a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dur {
    secs: u64,
}

impl Dur {
    /// Zero length.
    pub const ZERO: Self = Self { secs: 0 };

    /// A duration of whole seconds.
    pub const fn from_secs(secs: u64) -> Self {
        Self { secs }
    }

    /// A duration of whole minutes.
    pub const fn from_mins(mins: u64) -> Self {
        Self { secs: mins * 60 }
    }

    /// Whole seconds.
    pub const fn secs(self) -> u64 {
        self.secs
    }

    /// Milliseconds, the unit the show timeline computes in.
    pub const fn ms(self) -> i64 {
        // A plan duration beyond i64 milliseconds (292 million years) is not a show.
        (self.secs as i64).saturating_mul(1000)
    }

    /// True for a zero-length duration.
    pub const fn is_zero(self) -> bool {
        self.secs == 0
    }
}

impl std::ops::Add for Dur {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self {
            secs: self.secs.saturating_add(rhs.secs),
        }
    }
}

impl std::iter::Sum for Dur {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |a, b| a + b)
    }
}

/// Why a duration string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid duration {input:?}: {reason} (write it like \"12m\", \"1h5m\", \"90s\" or \"12:30\")"
)]
pub struct DurError {
    input: String,
    reason: &'static str,
}

impl FromStr for Dur {
    type Err = DurError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |reason| DurError {
            input: input.to_owned(),
            reason,
        };
        let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        if s.contains(':') {
            return parse_clock(&s).ok_or_else(|| err("clock form is m:ss or h:mm:ss"));
        }
        parse_units(&s.to_ascii_lowercase()).map_err(err)
    }
}

/// `m:ss` or `h:mm:ss`; the first field may be any size, the rest below 60.
fn parse_clock(s: &str) -> Option<Dur> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut fields = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if i > 0 && p.len() != 2 {
            return None;
        }
        let v: u64 = p.parse().ok()?;
        if i > 0 && v >= 60 {
            return None;
        }
        fields.push(v);
    }
    let secs = fields
        .iter()
        .try_fold(0u64, |acc, &v| acc.checked_mul(60)?.checked_add(v))?;
    Some(Dur::from_secs(secs))
}

/// `1h5m30s`, `90s`, `12m`, `2h`; units in descending order, each at most once.
fn parse_units(s: &str) -> Result<Dur, &'static str> {
    let mut secs: u64 = 0;
    let mut last_rank = 0u8;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err("expected a number");
        }
        let value: u64 = rest[..digits].parse().map_err(|_| "number too large")?;
        rest = &rest[digits..];
        let (unit_secs, rank, unit_len) = if rest.starts_with("min") {
            (60, 2, 3)
        } else if rest.starts_with('h') {
            (3600, 1, 1)
        } else if rest.starts_with('m') {
            (60, 2, 1)
        } else if rest.starts_with('s') {
            (1, 3, 1)
        } else {
            return Err("each number needs a unit: h, m or s");
        };
        if rank <= last_rank {
            return Err("units go from hours to seconds, each once");
        }
        last_rank = rank;
        rest = &rest[unit_len..];
        secs = value
            .checked_mul(unit_secs)
            .and_then(|v| secs.checked_add(v))
            .ok_or("number too large")?;
    }
    Ok(Dur::from_secs(secs))
}

impl fmt::Display for Dur {
    /// The canonical unit form (`1h5m`, `12m30s`, `0s`), which reads back to the same value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.secs / 3600, self.secs / 60 % 60, self.secs % 60);
        if self.secs == 0 {
            return f.write_str("0s");
        }
        if h > 0 {
            write!(f, "{h}h")?;
        }
        if m > 0 {
            write!(f, "{m}m")?;
        }
        if s > 0 {
            write!(f, "{s}s")?;
        }
        Ok(())
    }
}

impl Serialize for Dur {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Dur;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration string such as \"12m\", \"1h5m\", \"90s\" or \"12:30\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dur, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// `m:ss` with the minutes running on past an hour (`62:00`), how show clocks read.
pub fn clock_text(ms: i64) -> String {
    let secs = ms.unsigned_abs() / 1000;
    let sign = if ms < 0 { "-" } else { "" };
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_people_write() {
        let cases = [
            ("12m", 720),
            ("1h5m", 3900),
            ("90s", 90),
            ("12:30", 750),
            ("1:05:00", 3900),
            ("0:45", 45),
            ("2h", 7200),
            ("1h 5m 30s", 3930),
            ("15min", 900),
            ("12M", 720),
        ];
        for (text, secs) in cases {
            assert_eq!(text.parse::<Dur>(), Ok(Dur::from_secs(secs)), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_ambiguous() {
        for text in [
            "", "12", "m", "5m1h", "5m5m", "1:5", "1:60", "1:2:3:4", "-5m", "5x",
        ] {
            assert!(text.parse::<Dur>().is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn display_round_trips() {
        for secs in [0, 1, 59, 60, 61, 750, 3600, 3661, 3900, 86_400] {
            let d = Dur::from_secs(secs);
            assert_eq!(d.to_string().parse::<Dur>(), Ok(d));
        }
        assert_eq!(Dur::from_secs(3900).to_string(), "1h5m");
    }

    #[test]
    fn clock_text_formats() {
        assert_eq!(clock_text(0), "0:00");
        assert_eq!(clock_text(61_999), "1:01");
        assert_eq!(clock_text(-130_000), "-2:10");
        assert_eq!(clock_text(3_723_000), "62:03");
    }
}
