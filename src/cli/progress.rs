//! A line on standard error saying what is being loaded, shown once loading has taken 0.2 s
//! (and only when standard error is a terminal): a thousand articles take a second to align,
//! and a silent terminal looks like a hung one.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Quicker than this, nothing is shown.
const QUIET: Duration = Duration::from_millis(200);
const TICK: Duration = Duration::from_millis(100);

#[derive(Default)]
struct State {
    what: String,
    shown: bool,
    done: bool,
}

pub struct Progress {
    shared: Arc<(Mutex<State>, Condvar)>,
    ticker: Option<JoinHandle<()>>,
}

impl Progress {
    /// Start timing; the line appears after [`QUIET`] if there is a terminal to show it on,
    /// saying what the last [`Progress::stage`] named.
    pub fn start() -> Progress {
        let shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let ticker = std::io::stderr().is_terminal().then(|| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || tick(&shared))
        });
        Progress { shared, ticker }
    }

    /// What is being done now ("aligning 1000 articles").
    pub fn stage(&self, what: &str) {
        what.clone_into(&mut self.lock().what);
    }

    /// Print a line of its own (a warning): the progress line is cleared first and comes back
    /// on the next tick.
    pub fn say(&self, line: &str) {
        let mut state = self.lock();
        let mut err = std::io::stderr().lock();
        if state.shown {
            let _ = write!(err, "\r\x1b[2K");
            state.shown = false;
        }
        let _ = writeln!(err, "{line}");
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Progress {
    /// The line goes away when loading ends, however it ends.
    fn drop(&mut self) {
        {
            let mut state = self.lock();
            state.done = true;
            if state.shown {
                let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            }
        }
        self.shared.1.notify_all();
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
    }
}

fn tick(shared: &(Mutex<State>, Condvar)) {
    let started = Instant::now();
    let (lock, wake) = shared;
    let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
    let mut wait = QUIET;
    loop {
        state = wake
            .wait_timeout(state, wait)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
        if state.done {
            return;
        }
        wait = TICK;
        let elapsed = started.elapsed();
        if elapsed < QUIET {
            continue;
        }
        let _ = write!(
            std::io::stderr().lock(),
            "\r\x1b[2Ksynoptic: {}… {:.1} s",
            state.what,
            elapsed.as_secs_f64()
        );
        state.shown = true;
    }
}
