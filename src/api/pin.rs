//! "Keep this link": the API's token pinned between runs, so the link a phone bookmarked
//! keeps working across shows and restarts. The app and `livecue record` keep it in the
//! OS keychain beside the sources' tokens; tests use memory, since a keychain service is
//! not something a test machine can be assumed to have.

use std::sync::Mutex;

use super::Token;

/// The keychain account the pinned token is kept under (service `livecue`).
const KEYCHAIN_ACCOUNT: &str = "api-link";

/// Where a pinned token is kept. Errors are the store's words, never the token.
pub trait LinkStore: Send + Sync {
    /// The pinned token, if one is kept.
    fn pinned(&self) -> Result<Option<Token>, String>;
    /// Keeps `token` for the next runs.
    fn pin(&self, token: &Token) -> Result<(), String>;
    /// Forgets the pinned token (nothing kept is not an error).
    fn unpin(&self) -> Result<(), String>;
}

/// The OS keychain.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeychainLinkStore;

impl KeychainLinkStore {
    fn entry() -> Result<keyring::Entry, String> {
        keyring::Entry::new(crate::sources::KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT)
            .map_err(|e| crate::sources::keychain_message(&e))
    }
}

impl LinkStore for KeychainLinkStore {
    fn pinned(&self) -> Result<Option<Token>, String> {
        match Self::entry()?.get_password() {
            // Something else written under our name is not a token we made: not pinned.
            Ok(text) => Ok(Token::parse(&text)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(crate::sources::keychain_message(&e)),
        }
    }

    fn pin(&self, token: &Token) -> Result<(), String> {
        Self::entry()?
            .set_password(token.reveal())
            .map_err(|e| crate::sources::keychain_message(&e))
    }

    fn unpin(&self) -> Result<(), String> {
        match Self::entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(crate::sources::keychain_message(&e)),
        }
    }
}

/// A store in memory, for tests and for runs that must not touch the keychain.
#[derive(Debug, Default)]
pub struct MemoryLinkStore(Mutex<Option<Token>>);

impl LinkStore for MemoryLinkStore {
    fn pinned(&self) -> Result<Option<Token>, String> {
        self.0
            .lock()
            .map(|t| t.clone())
            .map_err(|_| "the store's lock was poisoned".to_owned())
    }

    fn pin(&self, token: &Token) -> Result<(), String> {
        let mut kept = self
            .0
            .lock()
            .map_err(|_| "the store's lock was poisoned".to_owned())?;
        *kept = Some(token.clone());
        Ok(())
    }

    fn unpin(&self) -> Result<(), String> {
        let mut kept = self
            .0
            .lock()
            .map_err(|_| "the store's lock was poisoned".to_owned())?;
        *kept = None;
        Ok(())
    }
}

/// The token to serve with: the pinned one when the store keeps one, else none, and why
/// the store could not say when it failed (the caller then serves on a random one).
pub fn pinned_token(store: &dyn LinkStore) -> (Option<Token>, Option<String>) {
    match store.pinned() {
        Ok(token) => (token, None),
        Err(why) => (None, Some(why)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_token_comes_back_until_unpinned() {
        let store = MemoryLinkStore::default();
        assert_eq!(pinned_token(&store), (None, None));
        let token = Token::random().unwrap();
        store.pin(&token).unwrap();
        assert_eq!(pinned_token(&store).0, Some(token));
        store.unpin().unwrap();
        assert_eq!(pinned_token(&store).0, None);
        store.unpin().unwrap();
    }

    #[test]
    fn only_a_token_livecue_makes_reads_as_one() {
        let token = Token::random().unwrap();
        assert_eq!(Token::parse(token.reveal()), Some(token));
        assert_eq!(Token::parse("letmein"), None);
        assert_eq!(Token::parse(&"g".repeat(32)), None);
        assert_eq!(Token::parse(""), None);
    }
}
