//! The show runner: the one way a show is run, by the app and by `livecue record`.
//!
//! It opens a new show or resumes an unfinished one from its journal, owns the one
//! tokio runtime the comment source runs on, starts and restarts the source with the
//! comment ids already journaled (so none is delivered twice), pumps what the source
//! says through the filter into the journal ([`Live`]), and sums up the status both
//! front ends print or draw ([`StatusSummary`]).
//!
//! ```text
//! SourceSettings ──connect──▶ source task (runtime) ──SourceMsg──▶ Feed ──▶ Live ──▶ journal
//!                                                                        ▲
//!                                     app frames / record loop: pump, wait, tick, perform
//! ```
//!
//! With `--serve`, the runner also runs the local API ([`crate::api`]) on the same
//! runtime: each [`ShowRunner::tick`] carries out the actions it received, through
//! [`Live::perform`] like the keys, and publishes the state it reads.

mod feed;
mod folders;
mod replies;
mod settings;
mod status;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

pub use folders::{ShowEntry, find_newest_journal, list_shows, new_show_folder};
pub use replies::ReplyRefusal;
pub use settings::{SETTINGS_FILE, Settings, SettingsFileError};
pub use status::StatusSummary;

use crate::comments::Filter;
use crate::plan::{FilterSettings, Plan};
use crate::session::{
    Action, Classifier, Event, JournalContents, JournalError, JournalTarget, JournalView,
    JournalWriter, Live, TornTail, read_journal,
};
use crate::show::{Clock, ManualClock, RealClock, ScaledClock};
use crate::sources::{
    NotifyFn, SettingsError, SourceConfig, SourceError, SourceSettings, SourceState,
};
use feed::Feed;
use replies::Replies;

/// Makes a fresh comment filter: one per show, since a filter remembers what it saw.
pub type MakeClassifier = Box<dyn Fn() -> Result<Box<dyn Classifier>, String> + Send>;

/// The comment filter a plan's settings describe, with more hidden words (from a file).
pub fn plan_filter(settings: FilterSettings, hidden_words: Vec<String>) -> MakeClassifier {
    Box::new(move || {
        Filter::with_hidden_words(&settings, hidden_words.iter().cloned())
            .map(|f| Box::new(f) as Box<dyn Classifier>)
            .map_err(|e| e.to_string())
    })
}

/// Which clock a show runs on.
#[derive(Clone, Debug)]
pub enum ShowClock {
    /// The real monotonic clock; a new show's zero is when it opens, a resumed show
    /// continues its journal's time scale.
    Real,
    /// A clock the caller moves (tests, screenshots), with the wall time of its zero.
    Manual {
        /// The clock.
        clock: ManualClock,
        /// Wall-clock time of the clock's zero for a new show.
        epoch: DateTime<Utc>,
    },
}

impl ShowClock {
    /// Now, in milliseconds on the scale of a journal whose zero is `epoch`.
    fn reading(&self, epoch: DateTime<Utc>) -> i64 {
        match self {
            ShowClock::Real => (Utc::now() - epoch).num_milliseconds(),
            ShowClock::Manual { clock, .. } => clock.now_ms(),
        }
    }
}

/// The bundled demo comments as a file a replay source can read: the source checkout's
/// copy when there is one, otherwise written out into `dir` from the copy inside the
/// binary.
pub fn demo_comments_file(dir: &Path) -> std::io::Result<PathBuf> {
    let in_checkout = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo/comments.jsonl");
    if in_checkout.is_file() {
        return Ok(in_checkout);
    }
    let path = dir.join("demo-comments.jsonl");
    std::fs::create_dir_all(dir)?;
    std::fs::write(&path, crate::DEMO_COMMENTS)?;
    Ok(path)
}

/// Longer than an Instagram live can last (four hours): an unfinished show older than
/// this was left without "End show", and the next opening is a new show.
const MAX_DOWN_MS: i64 = 4 * 60 * 60 * 1000;

/// What every show of a runner shares.
pub struct ShowSetup {
    /// The plan.
    pub plan: Arc<Plan>,
    /// The comment filter, made anew for each show.
    pub classifier: MakeClassifier,
    /// The clock.
    pub clock: ShowClock,
    /// Called after each message from the source (the app asks for a repaint).
    pub notify: NotifyFn,
}

/// How a show was picked up again after the app stopped without ending it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resumed {
    /// The journal that goes on.
    pub journal: PathBuf,
    /// From the last event journaled before the stop to the resume.
    pub down_ms: i64,
    /// When it resumed.
    pub at: DateTime<Utc>,
    /// Events read back.
    pub events: usize,
    /// Comments among them.
    pub comments: usize,
    /// A torn last line that was cut off.
    pub torn_tail: Option<TornTail>,
    /// True when the journal was recorded with another version of the plan.
    pub other_plan: bool,
}

/// Why a show could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum RunnerError {
    /// The network thread could not start.
    #[error("could not start the network thread: {0}")]
    Runtime(std::io::Error),
    /// The comment filter could not be built.
    #[error("could not set up the comment filter: {0}")]
    Classifier(String),
    /// The journal could not be read or continued.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A new show needs a folder of shows to go in.
    #[error("no folder to keep a new show's journal in")]
    NoShowsFolder,
    /// The new show's journal could not be written; the current show goes on.
    #[error("could not start the new show's journal: {0}")]
    NewJournal(String),
}

/// Why a comment source could not be connected.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The settings are incomplete (no account id, no token).
    #[error(transparent)]
    Settings(#[from] SettingsError),
    /// The source refused to start.
    #[error(transparent)]
    Start(#[from] SourceError),
}

/// Runs one show at a time: its session, its journal and its comment source.
pub struct ShowRunner {
    live: Live,
    setup: ShowSetup,
    shows_dir: Option<PathBuf>,
    feed: Option<Feed>,
    source: Option<SourceSettings>,
    /// The connected source's configuration (tokens included), for checks of it.
    source_config: Option<SourceConfig>,
    resumed: Option<Resumed>,
    not_resumed: Option<String>,
    replies: Replies,
    /// A rehearsal's speed: its clock runs this many times faster than real time.
    rehearsal: Option<u32>,
    api: Option<crate::api::Link>,
    // Dropped last, after the feed and the API have stopped their tasks.
    runtime: tokio::runtime::Runtime,
}

impl ShowRunner {
    /// A new show journaled to `journal` (or not at all).
    pub fn new_show(setup: ShowSetup, journal: JournalTarget) -> Result<Self, RunnerError> {
        let live = new_live(&setup, journal, None)?;
        Self::with_live(setup, live, None)
    }

    /// A rehearsal of the plan in a new folder under `shows_dir`: the show clock runs
    /// `speed` times faster than real time (connect the comments replayed at the same
    /// speed), the show starts at once, and each segment moves on when its time is up
    /// ([`Live::mark_rehearsal`]), so the whole show passes unattended. Its
    /// journal's header is marked, so it is never continued as the real show and
    /// reports list it as a rehearsal.
    pub fn rehearse(setup: ShowSetup, shows_dir: &Path, speed: u32) -> Result<Self, RunnerError> {
        let speed = speed.max(1);
        let folder = new_show_folder(shows_dir, &format!("rehearsal {}", setup.plan.title));
        let live = new_live(&setup, JournalTarget::Folder(folder), Some(speed))?;
        let mut runner = Self::with_live(setup, live, Some(shows_dir.to_owned()))?;
        runner.rehearsal = Some(speed);
        runner.live.perform(Action::StartShow);
        Ok(runner)
    }

    /// The rehearsal's speed, when this show is one.
    pub fn rehearsal(&self) -> Option<u32> {
        self.rehearsal
    }

    /// What a show of another plan needs to run like this one: the same clock and
    /// notification, and that plan's own comment filter.
    pub fn setup_for(&self, plan: Arc<Plan>) -> ShowSetup {
        ShowSetup {
            classifier: plan_filter(plan.filter.clone(), Vec::new()),
            clock: self.setup.clock.clone(),
            notify: Arc::clone(&self.setup.notify),
            plan,
        }
    }

    /// Whether a real show is on air: started, not ended, not a rehearsal. Nothing may
    /// take its place then.
    pub fn on_air(&self) -> bool {
        let session = self.live.session();
        self.rehearsal.is_none()
            && session.timeline().show_start_ms().is_some()
            && !session.has_ended()
    }

    /// Continues the journal at `path` after a crash: what is intact is folded again,
    /// a torn last line is cut off, the clock continues the journal's time scale (the
    /// time the app was down counts as show time, since the live went on), and new
    /// events are appended to the same file.
    pub fn resume(setup: ShowSetup, path: &Path) -> Result<Self, RunnerError> {
        let (writer, contents) = JournalWriter::resume(path)?;
        let (live, resumed) = resume_live(&setup, writer, &contents)?;
        let mut runner = Self::with_live(setup, live, None)?;
        runner.resumed = Some(resumed);
        Ok(runner)
    }

    /// The show for this plan in `shows_dir`: the newest journal of this plan when its
    /// show has not ended (the app stopped mid-show), otherwise a new show in a new
    /// folder. A journal that cannot be continued is left as it is, and a new show
    /// starts; [`Self::not_resumed`] says why.
    pub fn open(setup: ShowSetup, shows_dir: &Path) -> Result<Self, RunnerError> {
        let hash = crate::plan::hash(&setup.plan).unwrap_or_default();
        let mut not_resumed = None;
        if let Some(path) = find_newest_journal(shows_dir, &hash) {
            match read_journal(&path) {
                Ok(contents) if has_ended(&contents) => {}
                Ok(contents) => {
                    let down_ms = setup.clock.reading(contents.header.epoch) - last_ms(&contents);
                    if down_ms <= MAX_DOWN_MS {
                        let mut runner = Self::resume(setup, &path)?;
                        runner.shows_dir = Some(shows_dir.to_owned());
                        return Ok(runner);
                    }
                    not_resumed = Some(format!(
                        "the unfinished show in {} was last written {} ago, longer than a live lasts",
                        path.display(),
                        crate::plan::clock_text(down_ms)
                    ));
                }
                Err(e) => not_resumed = Some(e.to_string()),
            }
        }
        let folder = new_show_folder(shows_dir, &setup.plan.title);
        let live = new_live(&setup, JournalTarget::Folder(folder), None)?;
        let mut runner = Self::with_live(setup, live, Some(shows_dir.to_owned()))?;
        runner.not_resumed = not_resumed;
        Ok(runner)
    }

    fn with_live(
        setup: ShowSetup,
        live: Live,
        shows_dir: Option<PathBuf>,
    ) -> Result<Self, RunnerError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("livecue-source")
            .enable_all()
            .build()
            .map_err(RunnerError::Runtime)?;
        Ok(Self {
            live,
            setup,
            shows_dir,
            feed: None,
            source: None,
            source_config: None,
            resumed: None,
            not_resumed: None,
            replies: Replies::default(),
            rehearsal: None,
            api: None,
            runtime,
        })
    }

    /// Replaces the function called after each message from the source; takes effect
    /// at the next [`Self::connect`].
    pub fn set_notify(&mut self, notify: NotifyFn) {
        if let Some(api) = &self.api {
            api.wake().set_repaint(Arc::clone(&notify));
        }
        self.setup.notify = notify;
    }

    /// Starts the local API on `addr` (`--serve`) with the `pinned` token, else a random
    /// one; the address is bound before this returns. Requests are answered at each
    /// [`Self::tick`].
    pub fn serve(
        &mut self,
        addr: SocketAddr,
        pinned: Option<crate::api::Token>,
    ) -> Result<&crate::api::Serving, crate::api::ServeError> {
        let first = crate::api::snapshot(&self.live, &self.status());
        let link = crate::api::Link::start(
            self.runtime.handle(),
            addr,
            pinned,
            first,
            Arc::clone(&self.setup.notify),
        )?;
        Ok(self.api.insert(link).serving())
    }

    /// The running API's link, to change its token ("Keep this link", "New link").
    pub fn api_link_mut(&mut self) -> Option<&mut crate::api::Link> {
        self.api.as_mut()
    }

    /// Stops the local API (the producer window's switch): its link stops working and
    /// its port is freed as the server task ends on the runtime.
    pub fn stop_serving(&mut self) {
        self.api = None;
    }

    /// Where the local API listens, when it was started.
    pub fn serving(&self) -> Option<&crate::api::Serving> {
        self.api.as_ref().map(crate::api::Link::serving)
    }

    /// Carries out the API's waiting actions and publishes the state (also called by
    /// the app after a frame's own actions, so pages see a key press at once).
    pub fn answer_api(&mut self) {
        if let Some(api) = &mut self.api {
            let feed = self.feed.as_ref();
            api.answer(&mut self.live, |live| {
                crate::api::snapshot(live, &StatusSummary::new(live, feed))
            });
        }
    }

    /// The live session.
    pub fn live(&self) -> &Live {
        &self.live
    }

    /// The live session, for feeding comments and statuses in by hand (tests, tools).
    pub fn live_mut(&mut self) -> &mut Live {
        &mut self.live
    }

    /// How this show was resumed, if it was.
    pub fn resumed(&self) -> Option<&Resumed> {
        self.resumed.as_ref()
    }

    /// Why an unfinished journal was not continued, if one was passed over.
    pub fn not_resumed(&self) -> Option<&str> {
        self.not_resumed.as_deref()
    }

    /// The folder of shows this show was opened in, when it was (`open`).
    pub fn shows_dir(&self) -> Option<&Path> {
        self.shows_dir.as_deref()
    }

    /// The runtime the source runs on, for other network work of the show (the
    /// pre-flight speed test).
    pub fn runtime(&self) -> &tokio::runtime::Handle {
        self.runtime.handle()
    }

    /// The source's settings, when one is connected.
    pub fn source(&self) -> Option<&SourceSettings> {
        self.source.as_ref()
    }

    /// The connected source's configuration, tokens included (its `Debug` hides them):
    /// for checking the token before the show.
    pub fn source_config(&self) -> Option<&SourceConfig> {
        self.source_config.as_ref()
    }

    /// Connects a comment source, replacing the current one. Comments already in the
    /// session are never delivered again. A source that cannot start is journaled as
    /// failed and the error returned; the source connected before goes on (nothing is
    /// lost to a mistyped choice), or, with none, the show goes on without one.
    pub fn connect(&mut self, settings: SourceSettings) -> Result<(), ConnectError> {
        match settings.config() {
            Ok(config) => self.connect_configured(settings, config),
            Err(e) => {
                self.source_failed(&settings, &e.to_string());
                Err(e.into())
            }
        }
    }

    /// [`Self::connect`] with a configuration already made from `settings` (its token
    /// looked up once, its timings perhaps shortened for tests).
    pub fn connect_configured(
        &mut self,
        settings: SourceSettings,
        mut config: SourceConfig,
    ) -> Result<(), ConnectError> {
        // Kept without the seen ids, which only the source needs.
        let accounts = config.clone();
        config.seen_ids = self.live.session().comment_ids();
        match Feed::start(
            &self.runtime,
            settings.spec.clone(),
            config,
            Arc::clone(&self.setup.notify),
        ) {
            Ok(feed) => {
                self.stop_feed();
                self.feed = Some(feed);
                self.source = Some(settings);
                self.replies.set_accounts(&accounts);
                self.source_config = Some(accounts);
                Ok(())
            }
            Err(e) => {
                self.source_failed(&settings, &e.to_string());
                Err(e.into())
            }
        }
    }

    fn source_failed(&mut self, settings: &SourceSettings, reason: &str) {
        if self.feed.is_none() {
            // Nothing runs: remember what was tried, so the source form shows it.
            self.source = Some(settings.clone());
        }
        self.live.source_status(
            &settings.name(),
            SourceState::Failed {
                reason: reason.to_owned(),
            },
        );
    }

    /// Stops the connected source, keeping what it already sent.
    fn stop_feed(&mut self) {
        if let Some(mut old) = self.feed.take() {
            old.stop();
            old.pump(&mut self.live, usize::MAX);
        }
    }

    /// Asks the source to stop and delivers what it already sent.
    pub fn stop_source(&mut self) {
        if let Some(feed) = &mut self.feed {
            feed.stop();
            feed.pump(&mut self.live, usize::MAX);
        }
    }

    /// True once the source has ended and everything it sent is delivered (or there is
    /// no source).
    pub fn source_done(&self) -> bool {
        self.feed.as_ref().is_none_or(Feed::is_done)
    }

    /// Delivers up to `max` waiting messages from the source without blocking.
    pub fn pump(&mut self, max: usize) -> usize {
        let replies = self.replies.pump(&mut self.live);
        replies
            + match &mut self.feed {
                Some(feed) => feed.pump(&mut self.live, max),
                None => 0,
            }
    }

    /// Sends a private reply to the author of `comment_id`: the plan's saved reply
    /// `template` (with `{user}` filled in), or the `typed` text. Checked first against
    /// the session (one reply per commenter, the Instagram live still running, a
    /// Facebook comment under 7 days old); the call runs on the show's runtime and its
    /// answer is journaled as `private_reply` by a later [`Self::pump`].
    pub fn reply_privately(
        &mut self,
        comment_id: &str,
        template: Option<&str>,
        typed: Option<&str>,
    ) -> Result<(), ReplyRefusal> {
        self.replies.reply(
            &self.live,
            self.runtime.handle(),
            Arc::clone(&self.setup.notify),
            comment_id,
            template,
            typed,
        )
    }

    /// Hides a Facebook comment on the live itself; journaled as `comment_hidden` by a
    /// later [`Self::pump`]. Instagram offers no such call.
    pub fn hide_on_platform(&mut self, comment_id: &str) -> Result<(), ReplyRefusal> {
        self.replies.hide(
            &self.live,
            self.runtime.handle(),
            Arc::clone(&self.setup.notify),
            comment_id,
        )
    }

    /// True while a reply to (or the hiding of) this comment is on its way.
    pub fn reply_pending(&self, comment_id: &str) -> bool {
        self.replies.is_pending(comment_id)
    }

    /// Waits up to `timeout` for the source, then delivers whatever came. A request to
    /// the local API ends the wait early, so the next [`Self::tick`] answers it.
    pub fn wait(&mut self, timeout: Duration) -> usize {
        let replies = self.replies.pump(&mut self.live);
        let wake = self.api.as_ref().map(|api| Arc::clone(api.wake()));
        replies
            + match &mut self.feed {
                Some(feed) => feed.wait(&self.runtime, &mut self.live, timeout, wake.as_deref()),
                None => {
                    match wake {
                        Some(wake) => self.runtime.block_on(async {
                            let _ = tokio::time::timeout(timeout, wake.notified()).await;
                        }),
                        None => std::thread::sleep(timeout),
                    }
                    0
                }
            }
    }

    /// Applies what fell due by now (cues, segments that move on by themselves; in a
    /// rehearsal, every segment), then answers the local API.
    pub fn tick(&mut self) {
        self.live.tick();
        self.answer_api();
    }

    /// Carries out a host's or producer's action; false when it does not apply now.
    pub fn perform(&mut self, action: Action) -> bool {
        self.live.perform(action)
    }

    /// Blocks until every event so far is on disk.
    pub fn sync_journal(&self) {
        self.live.sync_journal();
    }

    /// The status both front ends show: source, rate, journal.
    pub fn status(&self) -> StatusSummary {
        StatusSummary::new(&self.live, self.feed.as_ref())
    }

    /// Leaves the current show as it is and starts a new one in a new folder, with a
    /// fresh filter; the source is connected again from its start.
    pub fn start_new_show(&mut self) -> Result<(), RunnerError> {
        let shows_dir = self.shows_dir.clone().ok_or(RunnerError::NoShowsFolder)?;
        let folder = new_show_folder(&shows_dir, &self.setup.plan.title);
        let mut live = new_live(&self.setup, JournalTarget::Folder(folder), self.rehearsal)?;
        // On disk at once, so this show is the newest and the one continued after a crash.
        live.open_journal();
        if let JournalView::Failed(why) = live.journal_view() {
            return Err(RunnerError::NewJournal(why));
        }
        self.stop_feed();
        self.live.sync_journal();
        self.live = live;
        if self.rehearsal.is_some() {
            self.live.perform(Action::StartShow);
        }
        self.resumed = None;
        self.not_resumed = None;
        if let Some(settings) = self.source.clone() {
            // A failure is journaled as the source's state and shows in the status bar.
            let _ = self.connect(settings);
        }
        Ok(())
    }
}

impl Drop for ShowRunner {
    fn drop(&mut self) {
        self.live.sync_journal();
    }
}

/// The latest event time in the journal (automatic segment starts are back-dated, so
/// the last line is not always the latest).
fn last_ms(contents: &JournalContents) -> i64 {
    contents.events.iter().map(|e| e.at().ms).max().unwrap_or(0)
}

fn has_ended(contents: &JournalContents) -> bool {
    contents
        .events
        .iter()
        .any(|e| matches!(e, Event::ShowEnded { .. }))
}

fn new_live(
    setup: &ShowSetup,
    journal: JournalTarget,
    rehearsal: Option<u32>,
) -> Result<Live, RunnerError> {
    let classifier = (setup.classifier)().map_err(RunnerError::Classifier)?;
    let (mut clock, epoch): (Arc<dyn Clock>, _) = match &setup.clock {
        ShowClock::Real => (Arc::new(RealClock::new()), Utc::now()),
        ShowClock::Manual { clock, epoch } => (Arc::new(clock.clone()), *epoch),
    };
    if let Some(speed) = rehearsal {
        clock = Arc::new(ScaledClock::new(clock, speed));
    }
    let mut live = Live::new(Arc::clone(&setup.plan), clock, epoch, journal, classifier);
    if let Some(speed) = rehearsal {
        live.mark_rehearsal(speed);
    }
    Ok(live)
}

fn resume_live(
    setup: &ShowSetup,
    writer: JournalWriter,
    contents: &JournalContents,
) -> Result<(Live, Resumed), RunnerError> {
    let classifier = (setup.classifier)().map_err(RunnerError::Classifier)?;
    let epoch = contents.header.epoch;
    let last_ms = last_ms(contents);
    let clock: Arc<dyn Clock> = match &setup.clock {
        // Milliseconds continue from the journal's epoch, so old and new events share
        // one scale; never behind the last event, should the wall clock have stepped back.
        ShowClock::Real => Arc::new(RealClock::continuing_from(
            setup.clock.reading(epoch).max(last_ms),
        )),
        ShowClock::Manual { clock, .. } => Arc::new(clock.clone()),
    };
    let down_ms = (clock.now_ms() - last_ms).max(0);
    let comments = contents
        .events
        .iter()
        .filter(|e| matches!(e, Event::CommentReceived { .. }))
        .count();
    let other_plan = crate::plan::hash(&setup.plan)
        .map(|h| h != contents.header.plan_hash)
        .unwrap_or(true);
    let journal = writer.path().to_owned();
    let mut live = Live::resume(
        Arc::clone(&setup.plan),
        clock,
        epoch,
        writer,
        &contents.events,
        classifier,
    );
    live.note_resumed(down_ms);
    live.tick();
    // Cues that fell due while the app was down show as banners; a burst of chimes
    // for them, and for segments that ran out meanwhile, would only startle the host.
    let _ = live.take_chimes();
    let at = live.stamp().wall;
    Ok((
        live,
        Resumed {
            journal,
            down_ms,
            at,
            events: contents.events.len(),
            comments,
            torn_tail: contents.torn_tail.clone(),
            other_plan,
        },
    ))
}
