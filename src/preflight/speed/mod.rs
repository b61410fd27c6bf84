//! The network speed test (Cloudflare's speed-test protocol). Not built yet.
