//! The local API from the producer window: the serve switch, the network tick, and
//! the link kept in the keychain or made new.

use super::LivecueApp;
use crate::ui::remote::RemoteProblem;

impl LivecueApp {
    /// Starts the local API where the switch serves. A port in use is said in the
    /// producer window and the show goes on without the API.
    pub(super) fn start_serving(&mut self) {
        let addr = if self.serve_lan {
            // Every address of the family, same port: the link names the network ones.
            let any: std::net::IpAddr = match self.serve_addr {
                std::net::SocketAddr::V4(_) => std::net::Ipv4Addr::UNSPECIFIED.into(),
                std::net::SocketAddr::V6(_) => std::net::Ipv6Addr::UNSPECIFIED.into(),
            };
            std::net::SocketAddr::new(any, self.serve_addr.port())
        } else {
            self.serve_addr
        };
        self.serve_at(addr);
    }

    /// Starts the local API at `addr`, with the pinned token when there is one.
    pub(super) fn serve_at(&mut self, addr: std::net::SocketAddr) {
        // A keychain that cannot be read is said; the API still serves, on a new link.
        let (pinned, store_problem) = crate::api::pinned_token(self.link_store.as_ref());
        self.serve_problem = match self.runner.serve(addr, pinned) {
            Ok(serving) => {
                eprintln!("livecue: serving on {}", serving.addr);
                if let Some(link) = self.runner.api_link_mut() {
                    link.set_language(self.language);
                }
                store_problem.map(RemoteProblem::KeychainRead)
            }
            Err(e) => Some(RemoteProblem::ServeFailed {
                addr,
                why: e.to_string(),
            }),
        };
    }

    /// "Reachable from other devices": chosen while not serving, remembered.
    pub(super) fn toggle_lan(&mut self) {
        if self.runner.serving().is_some() {
            return;
        }
        self.serve_lan ^= true;
        let lan = self.serve_lan;
        self.remember(|settings| settings.serve_lan = lan);
    }

    /// "Keep this link": the token the link carries now is pinned for later runs.
    pub(super) fn keep_link(&mut self) {
        let Some(link) = self.runner.api_link_mut() else {
            return;
        };
        match self.link_store.pin(link.serving().token()) {
            Ok(()) => {
                link.set_pinned(true);
                self.serve_problem = None;
            }
            Err(why) => {
                self.serve_problem = Some(RemoteProblem::KeychainKeep(why));
            }
        }
    }

    /// "New link": a fresh random token at once (the old link stops working), unpinned.
    pub(super) fn new_link(&mut self) {
        let Some(link) = self.runner.api_link_mut() else {
            return;
        };
        let token = match crate::api::Token::random() {
            Ok(token) => token,
            Err(e) => {
                self.serve_problem = Some(RemoteProblem::NewLink(e.to_string()));
                return;
            }
        };
        link.set_token(token, false);
        self.serve_problem = self
            .link_store
            .unpin()
            .err()
            .map(RemoteProblem::KeychainForget);
    }

    /// The producer window's switch: serve or stop, and remember it for the next start.
    pub(super) fn toggle_serving(&mut self) {
        if self.runner.serving().is_some() {
            self.runner.stop_serving();
            self.serve_problem = None;
        } else {
            self.start_serving();
        }
        let serve = self.runner.serving().is_some();
        self.remember(|settings| settings.serve = serve);
    }

    /// A new show gets a new link, as every show has its own secret, unless the
    /// producer kept one ("Keep this link"): a pinned link serves every show.
    pub(super) fn renew_link_for_new_show(&mut self) {
        let Some(link) = self.runner.api_link_mut() else {
            return;
        };
        if link.serving().pinned {
            return;
        }
        match crate::api::Token::random() {
            Ok(token) => link.set_token(token, false),
            Err(e) => self.serve_problem = Some(RemoteProblem::NewLink(e.to_string())),
        }
    }
}
