//! The secret every request must carry: random per run of a show unless the producer
//! pinned one ([`super::pin`]), compared in constant time, and never printed by `Debug`, so it cannot reach a log by accident.

use std::fmt;

/// Bytes of randomness in a token: 128 bits, beyond guessing even without the rate limit.
const TOKEN_BYTES: usize = 16;

/// The API's access token.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A fresh random token from the operating system's generator.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes)?;
        Ok(Self(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// A token read back from where it was pinned: only the shape [`Self::random`] makes
    /// (32 hex digits), so a weak secret cannot be slipped in through the keychain.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        (text.len() == 2 * TOKEN_BYTES && text.bytes().all(|c| c.is_ascii_hexdigit()))
            .then(|| Self(text.to_ascii_lowercase()))
    }

    /// The token as it goes into the URL the producer opens.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this token, in time that does not depend on where they differ.
    pub fn matches(&self, given: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_hidden_from_debug() {
        let (a, b) = (Token::random().unwrap(), Token::random().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.reveal().len(), 32);
        assert!(a.reveal().bytes().all(|c| c.is_ascii_hexdigit()));
        assert!(!format!("{a:?}").contains(a.reveal()));
        assert!(a.matches(a.reveal()));
        assert!(!a.matches(b.reveal()));
        assert!(!a.matches(&a.reveal()[..31]));
        assert!(!a.matches(""));
    }
}
