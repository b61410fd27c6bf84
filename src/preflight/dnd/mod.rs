//! This computer's do-not-disturb state, per desktop and OS. Not built yet.
